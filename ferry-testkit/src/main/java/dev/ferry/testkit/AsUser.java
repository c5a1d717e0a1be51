package dev.ferry.testkit;

import io.restassured.RestAssured;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every REST Assured request of the annotated test class carries a bearer token of this {@link
 * Tokens} user, unless a request sets its own ({@code .auth().oauth2(...)} or {@code .auth().none()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(AsUser.Extension.class)
public @interface AsUser {
    String value();

    /** Sets REST Assured's default authentication around each test. */
    class Extension implements BeforeEachCallback, AfterEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            String user =
                    context.getRequiredTestClass().getAnnotation(AsUser.class).value();
            RestAssured.authentication = RestAssured.oauth2(Tokens.of(user));
        }

        @Override
        public void afterEach(ExtensionContext context) {
            RestAssured.authentication = RestAssured.DEFAULT_AUTH;
        }
    }
}
