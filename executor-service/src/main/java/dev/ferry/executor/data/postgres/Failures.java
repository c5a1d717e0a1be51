package dev.ferry.executor.data.postgres;

import java.io.IOException;
import java.sql.SQLException;

/** Turns JDBC and I/O failures into a message a person can act on, retryable when a connection was lost. */
final class Failures {
    private Failures() {}

    static DataCopyException classify(Throwable e, String doing) {
        if (e instanceof DataCopyException d) {
            return d;
        }
        String side = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Sql.SideFailure s) {
                side = s.side;
                break;
            }
        }
        boolean lost = connectionLost(e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (lost) {
            String which = side == null ? "a database" : "the " + side + " database";
            return new DataCopyException(
                    "Lost the connection to " + which + " while " + doing + ": " + message
                            + ". Nothing half-done is kept: running the step again drops the partial copy and starts over",
                    true,
                    e);
        }
        return new DataCopyException(
                "Failed " + doing + (side == null ? "" : " (on the " + side + " side)") + ": " + message, false, e);
    }

    /** Connection exceptions (class 08), an administrator's termination or shutdown (57P0x), socket errors. */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")) {
                    return true;
                }
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
