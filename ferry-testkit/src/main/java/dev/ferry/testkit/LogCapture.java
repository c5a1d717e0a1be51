package dev.ferry.testkit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/** A JBoss LogManager handler on the root logger that keeps each line's message and MDC as logged. */
public final class LogCapture extends Handler {
    /** One log line: its logger, formatted message and the MDC at the time it was written. */
    public record Line(String logger, String message, Map<String, String> mdc) {}

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        java.util.logging.Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public void uninstall() {
        java.util.logging.Logger.getLogger("").removeHandler(this);
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            lines.add(new Line(ext.getLoggerName(), ext.getFormattedMessage(), ext.getMdcCopy()));
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
