package dev.ferry.simulator.slack.service;

import dev.ferry.simulator.slack.config.ReceiverConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Resolves a {@code channel} argument (id, name or {@code #name}) to a channel id. */
@ApplicationScoped
public class ChannelDirectory {

    private final ReceiverConfig config;

    public ChannelDirectory(ReceiverConfig config) {
        this.config = config;
    }

    public Optional<String> resolve(String channel) {
        if (channel == null || channel.isBlank()) {
            return Optional.empty();
        }
        String name = channel.startsWith("#") ? channel.substring(1) : channel;
        if (config.channels().containsKey(name)) {
            return Optional.of(config.channels().get(name));
        }
        if (config.channels().containsValue(channel)) {
            return Optional.of(channel);
        }
        return config.acceptAnyChannel() ? Optional.of(madeUpId(name)) : Optional.empty();
    }

    private static String madeUpId(String name) {
        String hex = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "")
                .toUpperCase(Locale.ROOT);
        return "C" + hex.substring(0, 10);
    }
}
