package dev.ferry.simulator.slack.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.simulator.slack.domain.RecordedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps accepted messages in arrival order so tests and demos can read them back. */
@ApplicationScoped
public class MessageLog {

    private final Clock clock;
    private final List<RecordedMessage> messages = new ArrayList<>();
    private long sequence;

    public MessageLog(Clock clock) {
        this.clock = clock;
    }

    public RecordedMessage record(String via, String target, JsonNode payload) {
        return record(via, target, payload, null, null);
    }

    public synchronized RecordedMessage record(String via, String target, JsonNode payload, String channel, String ts) {
        RecordedMessage message =
                new RecordedMessage(++sequence, clock.instant(), via, target, payload.deepCopy(), channel, ts);
        messages.add(message);
        return message;
    }

    public synchronized List<RecordedMessage> all() {
        return List.copyOf(messages);
    }

    /** The message posted with {@code chat.postMessage} into a channel at a ts, if any. */
    public synchronized Optional<RecordedMessage> posted(String channel, String ts) {
        return messages.stream()
                .filter(m -> RecordedMessage.VIA_CHAT.equals(m.via()))
                .filter(m -> ts.equals(m.ts()) && (channel == null || channel.equals(m.channel())))
                .findFirst();
    }

    /** Forgets every message; numbering starts again at 1. */
    public synchronized void clear() {
        messages.clear();
        sequence = 0;
    }
}
