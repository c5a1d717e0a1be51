package dev.ferry.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives an event record its stable CloudEvents type name, so renaming the class never breaks the
 * log.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    /** Dotted name without the version, for example {@code ferry.plan.approved}. */
    String name();

    /** Schema version; a breaking change means a new version, never an edit of an old one. */
    int version() default 1;
}
