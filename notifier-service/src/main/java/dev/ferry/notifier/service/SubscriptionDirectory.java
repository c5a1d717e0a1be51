package dev.ferry.notifier.service;

import dev.ferry.events.secret.SecretBox;
import dev.ferry.notifier.client.WebhookUrl;
import dev.ferry.notifier.config.NotifierConfig;
import dev.ferry.notifier.domain.EventKinds;
import dev.ferry.notifier.domain.Subscription;
import dev.ferry.notifier.repository.SubscriptionStore;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The subscriptions in force: the default one from configuration (the demo's webhook) and those
 * saved over REST, read from the projection and cached briefly. Built at start, so a malformed
 * default webhook URL stops the service before any event is claimed.
 */
@Startup
@ApplicationScoped
public class SubscriptionDirectory {
    private static final Duration TTL = Duration.ofSeconds(2);

    private final SubscriptionStore store;
    private final SecretBox secrets;
    private final Clock clock;
    private final Optional<Subscription> fromConfig;
    private volatile List<Subscription> cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    public SubscriptionDirectory(SubscriptionStore store, SecretBox secrets, Clock clock, NotifierConfig config) {
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
        this.fromConfig = config.slack().webhookUrl().map(url -> defaultSubscription(url, config, secrets));
    }

    private static Subscription defaultSubscription(String url, NotifierConfig config, SecretBox secrets) {
        WebhookUrl.of(url);
        Set<String> kinds = config.slack().eventKinds().map(Set::copyOf).orElse(EventKinds.DEFAULT);
        for (String kind : kinds) {
            if (!EventKinds.known(kind)) {
                throw new IllegalStateException("notifier.slack.event-kinds names an unknown kind " + kind
                        + "; known kinds: " + String.join(", ", EventKinds.ALL));
            }
        }
        return new Subscription(
                Subscription.DEFAULT_ID,
                "default (configuration)",
                Set.of(),
                Set.of(),
                Set.of(),
                kinds,
                Set.of(),
                Subscription.Target.WEBHOOK,
                config.slack().channel(),
                secrets.seal(url.strip()),
                null,
                config.slack().signingSecret().map(secrets::seal).orElse(null),
                true);
    }

    /** Every subscription in force, the default first. */
    public List<Subscription> active() {
        List<Subscription> current = cached;
        if (current == null || Duration.between(cachedAt, clock.instant()).compareTo(TTL) > 0) {
            List<Subscription> loaded = new ArrayList<>();
            fromConfig.ifPresent(loaded::add);
            store.all().stream().map(Subscription::of).forEach(loaded::add);
            current = List.copyOf(loaded);
            cached = current;
            cachedAt = clock.instant();
        }
        return current;
    }

    public Optional<Subscription> find(String id) {
        return active().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Every signing secret an interactivity request may be signed with, opened. */
    public List<String> signingSecrets() {
        return active().stream()
                .filter(s -> s.signingSecret() != null)
                .map(s -> secrets.open(s.signingSecret()))
                .distinct()
                .toList();
    }

    /** Forgets the cache, e.g. after the projection changed. */
    public void invalidate() {
        cached = null;
    }
}
