package dev.ferry.notifier.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.EventIds;
import dev.ferry.events.command.ApproveGate;
import dev.ferry.events.command.ApprovePlan;
import dev.ferry.events.command.Command;
import dev.ferry.events.command.RejectPlan;
import dev.ferry.events.command.RetryStep;
import dev.ferry.notifier.config.NotifierConfig;
import dev.ferry.notifier.domain.Actions;
import dev.ferry.notifier.domain.SlackSignature;
import dev.ferry.notifier.domain.SlackUser;
import dev.ferry.notifier.repository.InteractionLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Turns a click on a Ferry button in Slack into a command on ferry.commands: checks Slack's
 * signature and timestamp, refuses replays, maps the Slack user to a Ferry identity with the role
 * the action needs, appends the command, then updates the message to show who acted.
 */
@ApplicationScoped
public class InteractionService {
    private static final Logger LOG = Logger.getLogger(InteractionService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SubscriptionDirectory subscriptions;
    private final SlackUserDirectory users;
    private final InteractionLedger seen;
    private final EventLog eventLog;
    private final MessageUpdater updater;
    private final Clock clock;
    private final Duration maxAge;

    public InteractionService(
            SubscriptionDirectory subscriptions,
            SlackUserDirectory users,
            InteractionLedger seen,
            EventLog eventLog,
            MessageUpdater updater,
            Clock clock,
            NotifierConfig config) {
        this.subscriptions = subscriptions;
        this.users = users;
        this.seen = seen;
        this.eventLog = eventLog;
        this.updater = updater;
        this.clock = clock;
        this.maxAge = config.interactions().maxAge();
    }

    /** What a click did. */
    public record Outcome(String command, String commandId, String actor, String slackUserId) {}

    public Outcome handle(String body, String timestamp, String signature) {
        verify(body == null ? "" : body, timestamp, signature);
        JsonNode payload = payload(body);
        JsonNode action = payload.path("actions").path(0);
        String actionId = action.path("action_id").asText("");
        JsonNode value = Actions.read(action.path("value").asText(null));
        if (!payload.path("type").asText("").equals("block_actions") || value == null) {
            throw ProblemException.badRequest(
                    "Only clicks on Ferry's buttons (block_actions with a Ferry value) are handled here");
        }
        String slackUserId = payload.path("user").path("id").asText("");
        String responseUrl = payload.path("response_url").asText(null);
        SlackUser user = users.find(slackUserId).orElse(null);
        String needed = neededRole(actionId);
        if (user == null || !user.has(needed)) {
            String why = user == null
                    ? "Slack user " + slackUserId + " is not known to Ferry, so they cannot " + verb(actionId)
                            + "; an admin can map them with PUT /api/slack/users/" + slackUserId
                    : user.identity() + " (Slack user " + slackUserId + ") has roles " + user.roles()
                            + " but needs the " + needed + " role to " + verb(actionId);
            updater.tellOnly(responseUrl, ":no_entry: " + why + ". Nothing was done.");
            throw new ProblemException(403, "Forbidden", why + ". Nothing was done.");
        }
        Command command = command(actionId, value, user.identity());
        String commandId = EventIds.derive(
                "slack",
                payload.path("trigger_id").asText(""),
                action.path("action_ts").asText(""),
                slackUserId,
                actionId);
        eventLog.append(commandId, command).await().atMost(Duration.ofSeconds(10));
        LOG.infof("%s by %s (Slack %s) appended as %s", actionId, user.identity(), slackUserId, commandId);
        updater.showActed(
                payload,
                ":white_check_mark: " + capitalised(done(actionId)) + " by " + user.identity() + " (<@" + slackUserId
                        + ">) via Slack");
        return new Outcome(command.getClass().getSimpleName(), commandId, user.identity(), slackUserId);
    }

    private void verify(String body, String timestamp, String signature) {
        List<String> secrets = subscriptions.signingSecrets();
        if (secrets.isEmpty()) {
            throw new ProblemException(
                    401, "Unauthorized", "No Slack signing secret is configured, so no interaction can be verified");
        }
        Instant now = clock.instant();
        switch (SlackSignature.verify(secrets, timestamp, signature, body, now, maxAge)) {
            case MISSING ->
                throw new ProblemException(
                        401, "Unauthorized", "X-Slack-Request-Timestamp and X-Slack-Signature are required");
            case STALE ->
                throw new ProblemException(
                        401,
                        "Unauthorized",
                        "The request's timestamp is more than " + maxAge.toMinutes() + " minutes from now; refused");
            case MISMATCH ->
                throw new ProblemException(
                        401, "Unauthorized", "The request's X-Slack-Signature does not match; refused");
            case OK -> {}
        }
        if (!seen.firstTime(signature.strip())) {
            throw new ProblemException(401, "Unauthorized", "This request was received before (a replay); refused");
        }
        seen.purgeOlderThan(maxAge);
    }

    private static JsonNode payload(String body) {
        String raw = null;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("payload")) {
                raw = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        if (raw == null) {
            throw ProblemException.badRequest("The form has no payload field");
        }
        try {
            JsonNode node = JSON.readTree(raw);
            if (node == null || !node.isObject()) {
                throw ProblemException.badRequest("The payload is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The payload is not valid JSON");
        }
    }

    private Command command(String actionId, JsonNode value, String identity) {
        Instant now = clock.instant();
        return switch (actionId) {
            case Actions.APPROVE_PLAN ->
                new ApprovePlan(text(value, "planId"), value.path("version").asInt(), identity, "slack", null, now);
            case Actions.REJECT_PLAN ->
                new RejectPlan(text(value, "planId"), value.path("version").asInt(), identity, "slack", null, now);
            case Actions.APPROVE_GATE ->
                new ApproveGate(text(value, "migrationId"), text(value, "stepId"), identity, "slack", null, now);
            case Actions.RETRY_STEP ->
                new RetryStep(text(value, "migrationId"), text(value, "stepId"), identity, "slack", now);
            default -> throw ProblemException.badRequest("Unknown action " + actionId);
        };
    }

    private static String text(JsonNode value, String field) {
        String text = value.path(field).asText("");
        if (text.isBlank()) {
            throw ProblemException.badRequest("The button's value has no " + field);
        }
        return text;
    }

    /** The same role the REST route for the action needs: Slack is no way around it. */
    private static String neededRole(String actionId) {
        return Actions.RETRY_STEP.equals(actionId) ? SlackUser.OPERATOR : SlackUser.APPROVER;
    }

    private static String verb(String actionId) {
        return switch (actionId) {
            case Actions.APPROVE_PLAN -> "approve plans";
            case Actions.REJECT_PLAN -> "reject plans";
            case Actions.APPROVE_GATE -> "approve gates";
            case Actions.RETRY_STEP -> "retry steps";
            default -> "act from Slack";
        };
    }

    private static String done(String actionId) {
        return switch (actionId) {
            case Actions.APPROVE_PLAN -> "approval requested";
            case Actions.REJECT_PLAN -> "rejection requested";
            case Actions.APPROVE_GATE -> "gate approval requested";
            case Actions.RETRY_STEP -> "retry requested";
            default -> "done";
        };
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
