package dev.ferry.inventory.probe;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/** Turns a probe's failure into words a person can act on, without the URL or its credentials. */
final class ProbeFailure {
    private ProbeFailure() {}

    static String describe(Throwable failure, SourceUrl url) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException
                    || t instanceof NoRouteToHostException) {
                break;
            }
        }
        String where = url == null ? "the source" : "host " + url.host();
        if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
            return "connection refused or unreachable (" + where + ")";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host (" + where + ")";
        }
        if (root instanceof SocketTimeoutException || root instanceof TimeoutException) {
            return "timed out (" + where + ")";
        }
        String state = failure instanceof SQLException sql && sql.getSQLState() != null
                ? " [SQLState " + sql.getSQLState() + "]"
                : "";
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (url != null) {
            message = url.scrub(message);
        }
        return message + state;
    }
}
