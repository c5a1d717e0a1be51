package dev.ferry.notifier.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The Block Kit blocks Ferry's messages are made of, so a message is data, not strings. */
public sealed interface Block {

    String type();

    /** A large plain-text title, at most 150 characters. */
    record Header(String type, TextObject text) implements Block {}

    /** Text and/or up to ten two-column fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Section(String type, TextObject text, List<TextObject> fields) implements Block {}

    /** Small grey lines under the message. */
    record Context(String type, List<TextObject> elements) implements Block {}

    /** A row of buttons people act with; Slack sends the click to the interactivity URL. */
    record Actions(String type, @JsonProperty("block_id") String blockId, List<Button> elements) implements Block {}

    /**
     * A button; {@code value} carries what the click is about (ids, never secrets).
     *
     * @param style {@code primary}, {@code danger} or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Button(
            String type,
            TextObject text,
            @JsonProperty("action_id") String actionId,
            String value,
            String style) {

        public static Button of(String label, String actionId, String value, String style) {
            return new Button("button", TextObject.plain(Mrkdwn.truncate(label, 75)), actionId, value, style);
        }
    }

    static Block header(String text) {
        return new Header("header", TextObject.plain(Mrkdwn.truncate(text, 150)));
    }

    static Block section(String mrkdwn) {
        return new Section("section", TextObject.mrkdwn(Mrkdwn.truncate(mrkdwn, 3000)), null);
    }

    static Block fields(List<String> mrkdwn) {
        return new Section(
                "section",
                null,
                mrkdwn.stream()
                        .limit(10)
                        .map(f -> TextObject.mrkdwn(Mrkdwn.truncate(f, 2000)))
                        .toList());
    }

    static Block context(List<String> mrkdwn) {
        return new Context(
                "context",
                mrkdwn.stream()
                        .limit(10)
                        .map(f -> TextObject.mrkdwn(Mrkdwn.truncate(f, 3000)))
                        .toList());
    }

    static Block actions(String blockId, List<Button> buttons) {
        return new Actions("actions", blockId, List.copyOf(buttons));
    }
}
