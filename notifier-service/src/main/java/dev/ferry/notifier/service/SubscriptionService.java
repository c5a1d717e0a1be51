package dev.ferry.notifier.service;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.EventIds;
import dev.ferry.events.notification.SubscriptionDeleted;
import dev.ferry.events.notification.SubscriptionSaved;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.notifier.domain.EventKinds;
import dev.ferry.notifier.domain.Subscription;
import dev.ferry.notifier.domain.SubscriptionRequest;
import dev.ferry.notifier.domain.SubscriptionView;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates subscriptions, seals their secrets and appends them to ferry.notifications; the
 * subscriptions projection is built from there. Bad input is refused before anything is appended,
 * and no refusal repeats a secret.
 */
@ApplicationScoped
public class SubscriptionService {
    private static final Pattern CHANNEL = Pattern.compile("^(#?[a-z0-9][a-z0-9._-]{0,79}|[CGD][A-Z0-9]{6,20})$");
    private static final Pattern BOT_TOKEN = Pattern.compile("^xox[bp]-[A-Za-z0-9-]{6,200}$");
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private final SubscriptionDirectory directory;
    private final EventLog eventLog;
    private final SecretBox secrets;
    private final Clock clock;

    public SubscriptionService(SubscriptionDirectory directory, EventLog eventLog, SecretBox secrets, Clock clock) {
        this.directory = directory;
        this.eventLog = eventLog;
        this.secrets = secrets;
        this.clock = clock;
    }

    public List<SubscriptionView> list() {
        return directory.active().stream().map(SubscriptionView::of).toList();
    }

    public SubscriptionView get(String id) {
        return SubscriptionView.of(find(id));
    }

    public SubscriptionView create(SubscriptionRequest request, String by) {
        return save(EventIds.random(), request, by);
    }

    public SubscriptionView replace(String id, SubscriptionRequest request, String by) {
        writable(find(id));
        return save(id, request, by);
    }

    public void delete(String id, String by) {
        writable(find(id));
        append(id, new SubscriptionDeleted(id, by, clock.instant()));
        directory.invalidate();
    }

    private SubscriptionView save(String id, SubscriptionRequest r, String by) {
        if (r == null) {
            throw ProblemException.badRequest("A JSON body describing the subscription is required");
        }
        String name = required(r.name(), "name");
        if (name.length() > 100) {
            throw ProblemException.badRequest("name is longer than 100 characters");
        }
        boolean webhook = present(r.webhookUrl());
        boolean bot = present(r.botToken());
        if (webhook == bot) {
            throw ProblemException.badRequest("Give exactly one target: webhookUrl (an incoming webhook) or botToken"
                    + " with channel (chat.postMessage)");
        }
        String channel = present(r.channel()) ? r.channel().strip() : null;
        if (bot && channel == null) {
            throw ProblemException.badRequest(
                    "channel is required with botToken (a name like #ferry or an id like C0123ABCD)");
        }
        if (channel != null && !CHANNEL.matcher(channel).matches()) {
            throw ProblemException.badRequest(
                    "channel must be a channel name like #ferry-migrations or an id like C0123ABCD");
        }
        if (webhook) {
            checkWebhookUrl(r.webhookUrl().strip());
        } else if (!BOT_TOKEN.matcher(r.botToken().strip()).matches()) {
            throw ProblemException.badRequest("botToken must be a Slack bot token (xoxb-...); value not shown");
        }
        if (r.signingSecret() != null && r.signingSecret().strip().length() < 8) {
            throw ProblemException.badRequest("signingSecret must be the Slack app's signing secret; value not shown");
        }
        List<String> kinds = kinds(r.eventKinds(), "eventKinds");
        List<String> quiet = kinds(r.quietKinds(), "quietKinds");
        SubscriptionSaved saved = new SubscriptionSaved(
                id,
                name,
                ids(r.environments(), "environments"),
                ids(r.apps(), "apps"),
                ids(r.migrationIds(), "migrationIds"),
                kinds,
                webhook ? "webhook" : "bot",
                channel == null ? "incoming-webhook" : channel,
                webhook ? secrets.seal(r.webhookUrl().strip()) : null,
                bot ? secrets.seal(r.botToken().strip()) : null,
                present(r.signingSecret()) ? secrets.seal(r.signingSecret().strip()) : null,
                quiet,
                by,
                clock.instant());
        append(id, saved);
        directory.invalidate();
        return SubscriptionView.of(Subscription.of(saved));
    }

    private void append(String id, dev.ferry.events.notification.SubscriptionEvent event) {
        eventLog.append(EventIds.random(), event).await().atMost(Duration.ofSeconds(10));
    }

    private Subscription find(String id) {
        return directory.find(id).orElseThrow(() -> ProblemException.notFound("No subscription with id " + id));
    }

    private static void writable(Subscription s) {
        if (s.fromConfig()) {
            throw ProblemException.conflict("The default subscription comes from configuration"
                    + " (notifier.slack.webhook-url); change it there");
        }
    }

    /** An incoming-webhook URL: https, or http to this machine (the receiver simulator). Never echoed. */
    static void checkWebhookUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest("webhookUrl is not a valid URL (value not shown)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean ok = uri.getHost() != null
                && uri.getRawPath() != null
                && uri.getRawPath().length() > 1
                && uri.getRawQuery() == null
                && uri.getRawUserInfo() == null
                && (scheme.equals("https") || scheme.equals("http") && LOCAL_HOSTS.contains(uri.getHost()));
        if (!ok) {
            throw ProblemException.badRequest("webhookUrl must be an https URL with a path, such as"
                    + " https://hooks.slack.com/services/T.../B.../... (value not shown)");
        }
    }

    private static List<String> kinds(List<String> kinds, String field) {
        List<String> out = new ArrayList<>();
        for (String kind : kinds == null ? List.<String>of() : kinds) {
            if (kind == null || !EventKinds.known(kind.strip())) {
                throw ProblemException.badRequest(field + " names an unknown event kind '" + kind + "'; known kinds: "
                        + String.join(", ", EventKinds.ALL));
            }
            if (!out.contains(kind.strip())) {
                out.add(kind.strip());
            }
        }
        return out;
    }

    private static List<String> ids(List<String> values, String field) {
        List<String> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v == null || v.isBlank() || v.length() > 200) {
                throw ProblemException.badRequest(field + " must hold non-empty names of at most 200 characters");
            }
            out.add(v.strip());
        }
        return out;
    }

    private static String required(String value, String field) {
        if (!present(value)) {
            throw ProblemException.badRequest(field + " is required");
        }
        return value.strip();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
