package dev.ferry.executor.step;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steps that are people and time rather than Aptible calls. The engine opens their gate (or waits
 * their time) before it runs them, so running them only records that it happened.
 */
public final class GateSteps {
    private GateSteps() {}

    /** A person does something outside Ferry and confirms it (e.g. lower the DNS TTL). */
    @ApplicationScoped
    public static class ManualTask implements StepHandler {
        @Override
        public String type() {
            return "manual-task";
        }

        @Override
        public Uni<StepOutcome> ensure(StepContext context) {
            return Uni.createFrom()
                    .item(new StepOutcome("Confirmed: " + firstLine(context.parameter("instructions")), Map.of()));
        }

        @Override
        public Uni<List<String>> dryRun(StepContext context) {
            return Uni.createFrom().item(needs(context, "instructions"));
        }
    }

    /** A person approves before the migration goes on (e.g. decommission, a BAA in place). */
    @ApplicationScoped
    public static class Approval implements StepHandler {
        @Override
        public String type() {
            return "approval";
        }

        @Override
        public Uni<StepOutcome> ensure(StepContext context) {
            return Uni.createFrom()
                    .item(new StepOutcome("Approved: " + firstLine(context.parameter("instructions")), Map.of()));
        }

        @Override
        public Uni<List<String>> dryRun(StepContext context) {
            return Uni.createFrom().item(needs(context, "instructions"));
        }
    }

    /** Time passes (e.g. a lowered DNS TTL expiring); the engine waits {@code waitSeconds} from the step's start. */
    @ApplicationScoped
    public static class TimedWait implements StepHandler {
        @Override
        public String type() {
            return "timed-wait";
        }

        @Override
        public Uni<StepOutcome> ensure(StepContext context) {
            Long seconds = context.step().waitSeconds();
            return Uni.createFrom().item(new StepOutcome("Waited " + (seconds == null ? 0 : seconds) + " s", Map.of()));
        }

        @Override
        public Uni<List<String>> dryRun(StepContext context) {
            Long seconds = context.step().waitSeconds();
            List<String> problems = new ArrayList<>();
            if (seconds == null || seconds < 0) {
                problems.add("Step " + context.step().id() + " is a timed wait without a waitSeconds of 0 or more");
            }
            return Uni.createFrom().item(problems);
        }
    }

    static List<String> needs(StepContext context, String... names) {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            String value = context.step().parameters().get(name);
            if (value == null || value.isBlank()) {
                problems.add("Step " + context.step().id() + " lacks the parameter '" + name + "'");
            }
        }
        return problems;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
