package dev.ferry.notifier.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.notifier.client.SlackTransport;
import dev.ferry.notifier.domain.Mrkdwn;
import dev.ferry.notifier.domain.Subscription;
import dev.ferry.notifier.repository.SubscriptionStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Changes the message a person clicked on so the channel sees who acted: {@code chat.update} when
 * the notifier posted it with a bot token, else the interaction's {@code response_url} (which also
 * works for incoming-webhook messages). Runs after the answer to Slack, off the request thread.
 */
@ApplicationScoped
public class MessageUpdater {
    private static final Logger LOG = Logger.getLogger(MessageUpdater.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackTransport transport;
    private final SubscriptionStore store;
    private final SubscriptionDirectory subscriptions;
    private final SecretBox secrets;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "slack-message-updater");
        t.setDaemon(true);
        return t;
    });

    public MessageUpdater(
            SlackTransport transport, SubscriptionStore store, SubscriptionDirectory subscriptions, SecretBox secrets) {
        this.transport = transport;
        this.store = store;
        this.subscriptions = subscriptions;
        this.secrets = secrets;
    }

    /** Tells only the person who clicked (an ephemeral reply), leaving the message as it was. */
    public void tellOnly(String responseUrl, String text) {
        if (responseUrl == null) {
            return;
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.put("response_type", "ephemeral");
        reply.put("replace_original", false);
        reply.put("text", text);
        worker.execute(() -> quietly(() -> transport.webhook(URI.create(responseUrl), reply)));
    }

    /** Replaces the clicked message: same blocks without its buttons, and a line saying who acted. */
    public void showActed(JsonNode payload, String line) {
        ObjectNode updated = JSON.createObjectNode();
        JsonNode original = payload.path("message");
        updated.put("text", original.path("text").asText("") + "\n" + line);
        ArrayNode blocks = updated.putArray("blocks");
        for (JsonNode block : original.path("blocks")) {
            if (!"actions".equals(block.path("type").asText())) {
                blocks.add(block.deepCopy());
            }
        }
        ObjectNode context = blocks.addObject();
        context.put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", Mrkdwn.truncate(line, 3000));
        String channelId = payload.path("channel").path("id").asText(null);
        String ts = payload.path("container")
                .path("message_ts")
                .asText(original.path("ts").asText(null));
        String responseUrl = payload.path("response_url").asText(null);
        worker.execute(() -> quietly(() -> {
            Optional<Subscription> bot = ts == null
                    ? Optional.empty()
                    : store.subscriptionOfMessage(channelId, ts)
                            .flatMap(subscriptions::find)
                            .filter(s -> s.target() == Subscription.Target.BOT);
            if (bot.isPresent() && channelId != null) {
                updated.put("channel", channelId);
                updated.put("ts", ts);
                transport.update(secrets.open(bot.get().botToken()), updated);
            } else if (responseUrl != null) {
                updated.put("replace_original", true);
                transport.webhook(URI.create(responseUrl), updated);
            }
        }));
    }

    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warnf("Could not update the Slack message: %s", e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
