package dev.ferry.events.notification;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import dev.ferry.events.secret.SealedSecret;
import java.time.Instant;
import java.util.List;

/**
 * A subscription was created or replaced: which events go where. Secrets travel sealed.
 *
 * @param environments Aptible environment handles to follow; empty means all
 * @param apps Heroku app names to follow (matched against plan steps and step ids); empty means all
 * @param migrationIds migrations to follow; empty means all
 * @param eventKinds short kinds such as {@code step-failed}; empty means the default set
 * @param target {@code webhook} (an incoming webhook, no threads) or {@code bot} (chat.postMessage)
 * @param channel the channel name or id; for a webhook, the channel it posts into, as shown to people
 * @param webhookUrl the incoming-webhook URL, sealed (webhook targets)
 * @param botToken the bot token, sealed (bot targets)
 * @param signingSecret the Slack app's signing secret for its interactivity requests, sealed, or null
 * @param quietKinds event kinds that are sent without buttons or details (compact), empty by default
 */
@EventType(name = "ferry.notification.subscription-saved")
public record SubscriptionSaved(
        String subscriptionId,
        String name,
        List<String> environments,
        List<String> apps,
        List<String> migrationIds,
        List<String> eventKinds,
        String target,
        String channel,
        @Nullable SealedSecret webhookUrl,
        @Nullable SealedSecret botToken,
        @Nullable SealedSecret signingSecret,
        @Nullable List<String> quietKinds,
        String savedBy,
        Instant savedAt)
        implements SubscriptionEvent {}
