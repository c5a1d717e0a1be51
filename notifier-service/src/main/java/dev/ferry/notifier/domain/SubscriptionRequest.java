package dev.ferry.notifier.domain;

import java.util.List;

/**
 * A subscription as a person writes it: exactly one of {@code webhookUrl} or {@code botToken} (then
 * {@code channel} too); empty filters mean everything; no {@code eventKinds} means the default set.
 */
public record SubscriptionRequest(
        String name,
        String channel,
        String webhookUrl,
        String botToken,
        String signingSecret,
        List<String> environments,
        List<String> apps,
        List<String> migrationIds,
        List<String> eventKinds,
        List<String> quietKinds) {}
