package dev.ferry.simulator.slack.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.simulator.slack.domain.SlackError;

/**
 * Checks a whole message payload: an object with {@code text}, {@code blocks} or {@code
 * attachments}, where each present field has the right shape.
 */
public final class PayloadChecker {

    private PayloadChecker() {}

    /** Throws {@link SlackError} with Slack's error word when the payload would be refused. */
    public static void check(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new SlackError("invalid_payload", "payload must be a JSON object");
        }
        JsonNode text = payload.get("text");
        if (text != null && !text.isNull() && !text.isTextual()) {
            throw new SlackError("invalid_payload", "text must be a string");
        }
        JsonNode threadTs = payload.get("thread_ts");
        if (threadTs != null && !threadTs.isNull() && !threadTs.isTextual()) {
            throw new SlackError("invalid_payload", "thread_ts must be a string");
        }
        JsonNode attachments = payload.get("attachments");
        if (attachments != null && !attachments.isNull() && !attachments.isArray()) {
            throw new SlackError("invalid_attachments", "attachments must be an array");
        }
        JsonNode blocks = payload.get("blocks");
        boolean hasBlocks = blocks != null && !blocks.isNull();
        if (hasBlocks) {
            BlockChecker.check(blocks);
        }
        boolean hasText = text != null && text.isTextual() && !text.asText().isBlank();
        boolean hasAttachments = attachments != null && attachments.isArray() && !attachments.isEmpty();
        if (!hasText && !(hasBlocks && !blocks.isEmpty()) && !hasAttachments) {
            throw new SlackError("no_text", "text, blocks or attachments is required");
        }
    }
}
