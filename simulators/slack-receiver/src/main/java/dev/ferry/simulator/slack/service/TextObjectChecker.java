package dev.ferry.simulator.slack.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.simulator.slack.domain.SlackError;

/** Checks Block Kit text objects: {@code plain_text} or {@code mrkdwn} with bounded text. */
final class TextObjectChecker {

    private TextObjectChecker() {}

    /** Either kind of text object. */
    static void any(JsonNode node, String where, int max) {
        check(node, where, max, false);
    }

    /** A {@code plain_text} object only, as headers, labels and buttons need. */
    static void plain(JsonNode node, String where, int max) {
        check(node, where, max, true);
    }

    private static void check(JsonNode node, String where, int max, boolean plainOnly) {
        Checks.object(node, where);
        String type = Checks.type(node, where);
        if (!type.equals("plain_text") && !type.equals("mrkdwn")) {
            throw SlackError.invalidBlocks(where + ".type must be plain_text or mrkdwn");
        }
        if (plainOnly && !type.equals("plain_text")) {
            throw SlackError.invalidBlocks(where + " must be a plain_text object");
        }
        Checks.string(node, "text", where, max);
        if (node.has("emoji") && (type.equals("mrkdwn") || !node.get("emoji").isBoolean())) {
            throw SlackError.invalidBlocks(where + ".emoji is only a boolean on plain_text");
        }
        if (node.has("verbatim")
                && (type.equals("plain_text") || !node.get("verbatim").isBoolean())) {
            throw SlackError.invalidBlocks(where + ".verbatim is only a boolean on mrkdwn");
        }
    }
}
