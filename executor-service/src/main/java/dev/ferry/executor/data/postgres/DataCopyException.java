package dev.ferry.executor.data.postgres;

/**
 * A data copy or verification could not finish; says whether running it again could help (a lost
 * connection) or not (an incompatible tool or a refused target). Messages never carry credentials.
 */
public class DataCopyException extends RuntimeException {
    private final boolean retryable;

    public DataCopyException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public DataCopyException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
