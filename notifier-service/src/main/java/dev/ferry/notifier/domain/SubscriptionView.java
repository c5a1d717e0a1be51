package dev.ferry.notifier.domain;

import java.util.List;

/**
 * A subscription as the API shows it: secrets only as {@code [redacted fp:...]}, never their value.
 *
 * @param target {@code webhook} or {@code bot}
 * @param fromConfig the default subscription from configuration, read-only over REST
 */
public record SubscriptionView(
        String id,
        String name,
        String target,
        String channel,
        List<String> environments,
        List<String> apps,
        List<String> migrationIds,
        List<String> eventKinds,
        List<String> quietKinds,
        String webhookUrl,
        String botToken,
        String signingSecret,
        boolean fromConfig) {

    public static SubscriptionView of(Subscription s) {
        return new SubscriptionView(
                s.id(),
                s.name(),
                s.target().wire(),
                s.channel(),
                sorted(s.environments()),
                sorted(s.apps()),
                sorted(s.migrationIds()),
                EventKinds.ALL.stream().filter(s.kinds()::contains).toList(),
                EventKinds.ALL.stream().filter(s.quietKinds()::contains).toList(),
                s.webhookUrl() == null ? null : "[redacted " + s.webhookUrl().fingerprint() + "]",
                s.botToken() == null ? null : "[redacted " + s.botToken().fingerprint() + "]",
                s.signingSecret() == null
                        ? null
                        : "[redacted " + s.signingSecret().fingerprint() + "]",
                s.fromConfig());
    }

    private static List<String> sorted(java.util.Set<String> values) {
        return values.stream().sorted().toList();
    }
}
