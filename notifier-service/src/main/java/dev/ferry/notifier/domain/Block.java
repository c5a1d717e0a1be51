package dev.ferry.notifier.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The three Block Kit blocks Ferry's messages are made of, so a message is data, not strings. */
public sealed interface Block {

    String type();

    /** A large plain-text title, at most 150 characters. */
    record Header(String type, TextObject text) implements Block {}

    /** Text and/or up to ten two-column fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Section(String type, TextObject text, List<TextObject> fields) implements Block {}

    /** Small grey lines under the message. */
    record Context(String type, List<TextObject> elements) implements Block {}

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
}
