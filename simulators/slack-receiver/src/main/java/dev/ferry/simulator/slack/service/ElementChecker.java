package dev.ferry.simulator.slack.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.simulator.slack.domain.SlackError;
import java.util.Set;

/** Checks Block Kit elements: buttons, menus, pickers, inputs and image elements. */
final class ElementChecker {

    /** Elements allowed in an {@code actions} block. */
    static final Set<String> INTERACTIVE = Set.of(
            "button",
            "checkboxes",
            "datepicker",
            "datetimepicker",
            "multi_static_select",
            "multi_external_select",
            "multi_users_select",
            "multi_conversations_select",
            "multi_channels_select",
            "overflow",
            "radio_buttons",
            "static_select",
            "external_select",
            "users_select",
            "conversations_select",
            "channels_select",
            "timepicker",
            "workflow_button");

    /** Elements allowed as a section's accessory. */
    static final Set<String> ACCESSORY = union(INTERACTIVE, Set.of("image"));

    /** Elements allowed in an {@code input} block. */
    static final Set<String> INPUT = union(
            INTERACTIVE,
            Set.of(
                    "plain_text_input",
                    "email_text_input",
                    "url_text_input",
                    "number_input",
                    "file_input",
                    "rich_text_input"));

    private static final Set<String> WITH_OPTIONS = Set.of("checkboxes", "radio_buttons", "overflow");

    private ElementChecker() {}

    /** Checks one element whose type must be among {@code allowed}; returns its action_id. */
    static String check(JsonNode element, String where, Set<String> allowed) {
        Checks.object(element, where);
        String type = Checks.type(element, where);
        if (!allowed.contains(type)) {
            throw SlackError.invalidBlocks(where + " has unsupported element type " + type);
        }
        switch (type) {
            case "button" -> button(element, where);
            case "image" -> image(element, where);
            case "static_select", "multi_static_select" -> select(element, where);
            default -> {
                if (WITH_OPTIONS.contains(type)) {
                    options(element.get("options"), where + ".options", 1, 10);
                }
            }
        }
        if (element.has("placeholder")) {
            TextObjectChecker.plain(element.get("placeholder"), where + ".placeholder", 150);
        }
        return type.equals("image") ? null : Checks.optionalString(element, "action_id", where, 255);
    }

    /** An image element, as used in context blocks and accessories. */
    static void image(JsonNode element, String where) {
        if (!element.has("slack_file")) {
            Checks.string(element, "image_url", where, 3000);
        }
        Checks.string(element, "alt_text", where, 2000);
    }

    private static void button(JsonNode element, String where) {
        TextObjectChecker.plain(element.get("text"), where + ".text", 75);
        Checks.optionalString(element, "url", where, 3000);
        Checks.optionalString(element, "value", where, 2000);
        String style = Checks.optionalString(element, "style", where, 10);
        if (style != null && !style.equals("primary") && !style.equals("danger")) {
            throw SlackError.invalidBlocks(where + ".style must be primary or danger");
        }
    }

    private static void select(JsonNode element, String where) {
        if (element.has("option_groups")) {
            JsonNode groups = Checks.array(element.get("option_groups"), where, 1, 100);
            for (int i = 0; i < groups.size(); i++) {
                String group = where + ".option_groups[" + i + "]";
                TextObjectChecker.plain(groups.get(i).get("label"), group + ".label", 75);
                options(groups.get(i).get("options"), group + ".options", 1, 100);
            }
        } else {
            options(element.get("options"), where + ".options", 1, 100);
        }
    }

    private static void options(JsonNode options, String where, int min, int max) {
        Checks.array(options, where, min, max);
        for (int i = 0; i < options.size(); i++) {
            String option = where + "[" + i + "]";
            Checks.object(options.get(i), option);
            TextObjectChecker.any(options.get(i).get("text"), option + ".text", 75);
            Checks.string(options.get(i), "value", option, 150);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
