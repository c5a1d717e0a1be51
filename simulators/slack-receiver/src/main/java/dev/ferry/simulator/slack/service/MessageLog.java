package dev.ferry.simulator.slack.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.simulator.slack.domain.RecordedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Keeps accepted messages in arrival order so tests and demos can read them back. */
@ApplicationScoped
public class MessageLog {

    private final Clock clock;
    private final List<RecordedMessage> messages = new ArrayList<>();
    private long sequence;

    public MessageLog(Clock clock) {
        this.clock = clock;
    }

    public synchronized RecordedMessage record(String via, String target, JsonNode payload) {
        RecordedMessage message = new RecordedMessage(++sequence, clock.instant(), via, target, payload.deepCopy());
        messages.add(message);
        return message;
    }

    public synchronized List<RecordedMessage> all() {
        return List.copyOf(messages);
    }

    /** Forgets every message; numbering starts again at 1. */
    public synchronized void clear() {
        messages.clear();
        sequence = 0;
    }
}
