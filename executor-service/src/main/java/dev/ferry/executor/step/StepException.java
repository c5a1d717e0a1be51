package dev.ferry.executor.step;

/** A step cannot reach its desired state; says whether trying again could help. */
public class StepException extends RuntimeException {
    private final boolean retryable;

    public StepException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
