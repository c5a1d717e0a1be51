package dev.ferry.demo;

/**
 * One migration step as the executor's API reports it.
 *
 * @param status {@code pending}, {@code running}, {@code succeeded} or {@code failed}
 * @param durationMs how long the step ran, or null when unknown
 * @param summary what the step did, when it succeeded
 * @param error why it failed, when it failed
 * @param gate the step's gate ({@code approval}, {@code manual-task}, {@code timed-wait}), or null
 * @param gateApproved whether a person approved that gate
 */
public record StepResult(
        String stepId,
        String stepType,
        String status,
        int attempts,
        Long durationMs,
        String summary,
        String error,
        String gate,
        boolean gateApproved) {

    /** A step without a gate. */
    public StepResult(
            String stepId,
            String stepType,
            String status,
            int attempts,
            Long durationMs,
            String summary,
            String error) {
        this(stepId, stepType, status, attempts, durationMs, summary, error, null, false);
    }

    /** True when the step waited for a person (not a timed wait): Slack hears when it opens. */
    public boolean personGate() {
        return gate != null && !"timed-wait".equals(gate);
    }

    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    /** True once the step succeeded or failed. */
    public boolean finished() {
        return SUCCEEDED.equals(status) || FAILED.equals(status);
    }
}
