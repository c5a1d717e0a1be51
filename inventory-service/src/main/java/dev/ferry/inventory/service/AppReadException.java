package dev.ferry.inventory.service;

/** Reading one app failed; carries the app's name so the failure event can name it. */
final class AppReadException extends RuntimeException {
    private final String app;

    AppReadException(String app, Throwable cause) {
        super("app " + app + ": " + cause.getMessage(), cause);
        this.app = app;
    }

    String app() {
        return app;
    }
}
