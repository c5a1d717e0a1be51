package dev.ferry.notifier.domain;

import dev.ferry.events.EventIds;
import dev.ferry.events.notification.SubscriptionSaved;
import dev.ferry.events.secret.SealedSecret;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who hears about what: filters over environments, apps, migrations and event kinds, and a target
 * (an incoming webhook, or a bot token and a channel). Secrets stay sealed in here.
 *
 * @param fromConfig the default subscription built from configuration; it cannot be changed over REST
 */
public record Subscription(
        String id,
        String name,
        Set<String> environments,
        Set<String> apps,
        Set<String> migrationIds,
        Set<String> kinds,
        Set<String> quietKinds,
        Target target,
        String channel,
        SealedSecret webhookUrl,
        SealedSecret botToken,
        SealedSecret signingSecret,
        boolean fromConfig) {

    public static final String DEFAULT_ID = "default";

    /** How a subscription reaches Slack. */
    public enum Target {
        /** An incoming webhook: one channel, no threads, no message updates. */
        WEBHOOK,
        /** A bot token: chat.postMessage into a channel, threads per migration, chat.update. */
        BOT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Subscription of(SubscriptionSaved s) {
        return new Subscription(
                s.subscriptionId(),
                s.name(),
                set(s.environments()),
                set(s.apps()),
                set(s.migrationIds()),
                s.eventKinds() == null || s.eventKinds().isEmpty() ? EventKinds.DEFAULT : set(s.eventKinds()),
                set(s.quietKinds()),
                "bot".equals(s.target()) ? Target.BOT : Target.WEBHOOK,
                s.channel(),
                s.webhookUrl(),
                s.botToken(),
                s.signingSecret(),
                false);
    }

    /** Whether an event of this kind, about this scope, goes to this subscription. */
    public boolean wants(String kind, Scope scope) {
        if (!kinds.contains(kind)) {
            return false;
        }
        if (!migrationIds.isEmpty() && (scope.migrationId() == null || !migrationIds.contains(scope.migrationId()))) {
            return false;
        }
        if (!environments.isEmpty() && (scope.environment() == null || !environments.contains(scope.environment()))) {
            return false;
        }
        return apps.isEmpty() || scope.apps().stream().anyMatch(apps::contains);
    }

    public boolean quiet(String kind) {
        return quietKinds.contains(kind);
    }

    /**
     * The delivery of an event to this subscription; the same pair always gives the same id. The
     * default subscription keeps the id deliveries had before subscriptions existed (event and
     * channel), so an upgrade does not announce old events again.
     */
    public String deliveryId(String sourceEventId) {
        return fromConfig
                ? EventIds.derive(sourceEventId, channel)
                : EventIds.derive(sourceEventId, "subscription", id);
    }

    /** The channel this subscription posts into, as a pacing key: two subscriptions on one channel share it. */
    public String lane() {
        return target == Target.BOT
                ? "bot:" + botToken.fingerprint() + ":" + channel
                : "webhook:" + webhookUrl.fingerprint();
    }

    private static Set<String> set(Collection<String> values) {
        return values == null ? Set.of() : Set.copyOf(List.copyOf(values));
    }
}
