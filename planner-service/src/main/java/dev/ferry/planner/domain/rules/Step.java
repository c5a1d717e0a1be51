package dev.ferry.planner.domain.rules;

import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.plan.RetryPolicy;
import dev.ferry.events.secret.SealedSecret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A plan step while rules build it: typed defaults for timeout, retry, verification and
 * compensation, sorted maps and dependencies, and review reasons collected as they come.
 */
public final class Step {
    private final String id;
    private final String type;
    private final String title;
    private final List<String> reasons = new ArrayList<>();
    private final TreeSet<String> dependsOn = new TreeSet<>();
    private final TreeMap<String, String> parameters = new TreeMap<>();
    private final TreeMap<String, SealedSecret> secrets = new TreeMap<>();
    private final List<String> reviews = new ArrayList<>();
    private String app;
    private Integer wave;
    private String gate;
    private Long waitSeconds;
    private Integer timeoutSeconds;
    private RetryPolicy retry;
    private String verification;
    private String compensation;
    private boolean pointOfNoReturn;

    private Step(String id, String type, String title) {
        this.id = id;
        this.type = type;
        this.title = title;
        StepTypes.Defaults defaults = StepTypes.defaults(type);
        this.timeoutSeconds = defaults.timeoutSeconds();
        this.retry = defaults.retry();
        this.verification = defaults.verification();
        this.compensation = defaults.compensation();
        this.gate = defaults.gate();
    }

    public static Step of(String id, String type, String title) {
        return new Step(id, type, title);
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String app() {
        return app;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public Step reason(String reason) {
        reasons.add(reason);
        return this;
    }

    public Step after(String... ids) {
        for (String dependency : ids) {
            if (dependency != null) {
                dependsOn.add(dependency);
            }
        }
        return this;
    }

    public Step after(Collection<String> ids) {
        ids.forEach(this::after);
        return this;
    }

    public Step param(String name, Object value) {
        if (value != null) {
            parameters.put(name, String.valueOf(value));
        }
        return this;
    }

    public Step secret(String name, SealedSecret value) {
        secrets.put(name, value);
        return this;
    }

    public Step app(String app) {
        this.app = app;
        return this;
    }

    public Step wave(Integer wave) {
        this.wave = wave;
        return this;
    }

    public Step gate(String gate) {
        this.gate = gate;
        return this;
    }

    public Step waitSeconds(long seconds) {
        this.waitSeconds = seconds;
        return this;
    }

    public Step timeoutSeconds(Integer seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    public Step verification(String verification) {
        this.verification = verification;
        return this;
    }

    /** The step type that undoes this step on rollback, where its type's default has none. */
    public Step compensation(String type) {
        this.compensation = type;
        return this;
    }

    public Step pointOfNoReturn() {
        this.pointOfNoReturn = true;
        return this;
    }

    /** Marks the step as needing a person's review, with why; several reasons accumulate. */
    public Step review(String why) {
        if (why != null && !reviews.contains(why)) {
            reviews.add(why);
        }
        return this;
    }

    public boolean needsReview() {
        return !reviews.isEmpty();
    }

    public PlanStep build() {
        return new PlanStep(
                id,
                type,
                title,
                String.join(" ", reasons),
                List.copyOf(dependsOn),
                Map.copyOf(parameters).isEmpty() ? Map.of() : new TreeMap<>(parameters),
                new TreeMap<>(secrets),
                app,
                wave,
                gate,
                waitSeconds,
                timeoutSeconds,
                retry,
                verification,
                compensation,
                pointOfNoReturn ? Boolean.TRUE : null,
                reviews.isEmpty() ? null : String.join(" ", reviews));
    }
}
