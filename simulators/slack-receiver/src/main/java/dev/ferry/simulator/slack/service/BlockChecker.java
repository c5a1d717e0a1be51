package dev.ferry.simulator.slack.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.simulator.slack.domain.SlackError;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a {@code blocks} array the way Slack does before it posts: at most 50 blocks, each of a
 * known type with its required fields, unique {@code block_id}s and unique {@code action_id}s.
 */
final class BlockChecker {

    static final int MAX_BLOCKS = 50;

    private static final Set<String> RICH_TEXT_PARTS =
            Set.of("rich_text_section", "rich_text_list", "rich_text_preformatted", "rich_text_quote");

    private BlockChecker() {}

    static void check(JsonNode blocks) {
        if (blocks == null || !blocks.isArray()) {
            throw SlackError.invalidBlocks("blocks must be an array");
        }
        if (blocks.size() > MAX_BLOCKS) {
            throw SlackError.invalidBlocks("no more than 50 items allowed [json-pointer:/blocks]");
        }
        Set<String> blockIds = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            String where = "blocks[" + i + "]";
            JsonNode block = Checks.object(blocks.get(i), where);
            String blockId = Checks.optionalString(block, "block_id", where, 255);
            if (blockId != null && !blockIds.add(blockId)) {
                throw SlackError.invalidBlocks(where + ".block_id " + blockId + " is repeated");
            }
            block(block, where);
        }
    }

    private static void block(JsonNode block, String where) {
        String type = Checks.type(block, where);
        switch (type) {
            case "section" -> section(block, where);
            case "header" -> TextObjectChecker.plain(block.get("text"), where + ".text", 150);
            case "context" -> context(block, where);
            case "divider" -> {
                // nothing is required
            }
            case "actions" -> actions(block, where);
            case "image" -> image(block, where);
            case "rich_text" -> richText(block, where);
            case "input" -> input(block, where);
            case "file" -> file(block, where);
            case "video" -> video(block, where);
            default -> throw SlackError.invalidBlocks(where + " has unknown type " + type);
        }
    }

    private static void section(JsonNode block, String where) {
        if (!block.has("text") && !block.has("fields")) {
            throw SlackError.invalidBlocks(where + " must have text or fields");
        }
        if (block.has("text")) {
            TextObjectChecker.any(block.get("text"), where + ".text", 3000);
        }
        if (block.has("fields")) {
            JsonNode fields = Checks.array(block.get("fields"), where + ".fields", 1, 10);
            for (int i = 0; i < fields.size(); i++) {
                TextObjectChecker.any(fields.get(i), where + ".fields[" + i + "]", 2000);
            }
        }
        if (block.has("accessory")) {
            ElementChecker.check(block.get("accessory"), where + ".accessory", ElementChecker.ACCESSORY);
        }
    }

    private static void context(JsonNode block, String where) {
        JsonNode elements = Checks.array(block.get("elements"), where + ".elements", 1, 10);
        for (int i = 0; i < elements.size(); i++) {
            String element = where + ".elements[" + i + "]";
            Checks.object(elements.get(i), element);
            if ("image".equals(Checks.type(elements.get(i), element))) {
                ElementChecker.image(elements.get(i), element);
            } else {
                TextObjectChecker.any(elements.get(i), element, 3000);
            }
        }
    }

    private static void actions(JsonNode block, String where) {
        JsonNode elements = Checks.array(block.get("elements"), where + ".elements", 1, 25);
        Set<String> actionIds = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            String element = where + ".elements[" + i + "]";
            String actionId = ElementChecker.check(elements.get(i), element, ElementChecker.INTERACTIVE);
            if (actionId != null && !actionIds.add(actionId)) {
                throw SlackError.invalidBlocks(element + ".action_id " + actionId + " is repeated");
            }
        }
    }

    private static void image(JsonNode block, String where) {
        ElementChecker.image(block, where);
        if (block.has("title")) {
            TextObjectChecker.plain(block.get("title"), where + ".title", 2000);
        }
    }

    private static void richText(JsonNode block, String where) {
        JsonNode elements = Checks.array(block.get("elements"), where + ".elements", 1, 100);
        for (int i = 0; i < elements.size(); i++) {
            String part = where + ".elements[" + i + "]";
            Checks.object(elements.get(i), part);
            String type = Checks.type(elements.get(i), part);
            if (!RICH_TEXT_PARTS.contains(type)) {
                throw SlackError.invalidBlocks(part + " has unknown rich text type " + type);
            }
            if (type.equals("rich_text_list")) {
                String style = Checks.string(elements.get(i), "style", part, 10);
                if (!style.equals("bullet") && !style.equals("ordered")) {
                    throw SlackError.invalidBlocks(part + ".style must be bullet or ordered");
                }
            }
            Checks.array(elements.get(i).get("elements"), part + ".elements", 0, 1000);
        }
    }

    private static void input(JsonNode block, String where) {
        TextObjectChecker.plain(block.get("label"), where + ".label", 2000);
        if (!block.has("element")) {
            throw SlackError.invalidBlocks(where + " must have an element");
        }
        ElementChecker.check(block.get("element"), where + ".element", ElementChecker.INPUT);
        if (block.has("hint")) {
            TextObjectChecker.plain(block.get("hint"), where + ".hint", 2000);
        }
    }

    private static void file(JsonNode block, String where) {
        Checks.string(block, "external_id", where, 255);
        if (!"remote".equals(Checks.string(block, "source", where, 20))) {
            throw SlackError.invalidBlocks(where + ".source must be remote");
        }
    }

    private static void video(JsonNode block, String where) {
        Checks.string(block, "alt_text", where, 2000);
        TextObjectChecker.plain(block.get("title"), where + ".title", 200);
        Checks.string(block, "thumbnail_url", where, 3000);
        Checks.string(block, "video_url", where, 3000);
    }
}
