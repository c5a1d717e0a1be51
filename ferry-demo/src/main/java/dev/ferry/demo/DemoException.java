package dev.ferry.demo;

/** The flow could not go on: a stage failed or did not finish in time. The message says which. */
public class DemoException extends RuntimeException {
    public DemoException(String message) {
        super(message);
    }

    public DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
