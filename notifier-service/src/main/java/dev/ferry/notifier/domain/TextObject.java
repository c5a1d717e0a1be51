package dev.ferry.notifier.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Block Kit text object; {@code plain_text} for headers, {@code mrkdwn} where people read
 * formatted detail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextObject(String type, String text, Boolean emoji) {

    public static TextObject plain(String text) {
        return new TextObject("plain_text", text, Boolean.TRUE);
    }

    public static TextObject mrkdwn(String text) {
        return new TextObject("mrkdwn", text, null);
    }
}
