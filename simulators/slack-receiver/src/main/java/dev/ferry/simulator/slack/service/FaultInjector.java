package dev.ferry.simulator.slack.service;

import dev.ferry.simulator.slack.domain.Fault;
import dev.ferry.simulator.slack.domain.SlackError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Makes the next few Slack requests fail with a chosen status, as rate limits and outages do. */
@ApplicationScoped
public class FaultInjector {

    private Fault armed;

    public synchronized Fault arm(Integer status, Integer retryAfterSeconds, Integer count) {
        if (status == null || status < 400 || status > 599) {
            throw new SlackError("invalid_arguments", "status must be between 400 and 599");
        }
        int times = count == null ? 1 : count;
        if (times < 1) {
            throw new SlackError("invalid_arguments", "count must be at least 1");
        }
        int retry = retryAfterSeconds == null ? 1 : retryAfterSeconds;
        if (retry < 0) {
            throw new SlackError("invalid_arguments", "retryAfterSeconds must not be negative");
        }
        armed = new Fault(status, retry, times);
        return armed;
    }

    /** The armed fault still pending, if any. */
    public synchronized Optional<Fault> current() {
        return Optional.ofNullable(armed);
    }

    public synchronized void disarm() {
        armed = null;
    }

    /** Uses up one failure for the request being handled, if one is armed. */
    public synchronized Optional<Fault> take() {
        if (armed == null) {
            return Optional.empty();
        }
        Fault now = armed;
        armed = now.count() > 1 ? new Fault(now.status(), now.retryAfterSeconds(), now.count() - 1) : null;
        return Optional.of(now);
    }
}
