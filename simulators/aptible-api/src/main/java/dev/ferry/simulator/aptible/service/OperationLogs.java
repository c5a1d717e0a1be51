package dev.ferry.simulator.aptible.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats operation log lines the way Aptible's workers print them. */
public final class OperationLogs {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS' +0000'").withZone(ZoneOffset.UTC);

    private OperationLogs() {}

    public static String line(Instant at, String message) {
        return TIME.format(at) + " INFO -- : " + message;
    }

    public static String error(Instant at, String message) {
        return TIME.format(at) + " ERROR -- : " + message;
    }
}
