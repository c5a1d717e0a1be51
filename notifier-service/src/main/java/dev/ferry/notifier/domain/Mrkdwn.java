package dev.ferry.notifier.domain;

/** Slack mrkdwn helpers, so event text can never turn into markup, mentions or links. */
public final class Mrkdwn {
    private Mrkdwn() {}

    /** Escapes the three characters Slack treats as control sequences. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Inline code: escaped, with backticks replaced so the span cannot be closed early. */
    public static String code(String text) {
        return "`" + escape(text).replace('`', '\'') + "`";
    }

    /** A code block for multi-line text such as errors. */
    public static String block(String text) {
        return "```" + escape(text).replace("```", "'''") + "```";
    }

    /** A link whose label is escaped; the URL is Ferry's own. */
    public static String link(String url, String label) {
        return "<" + url + "|" + escape(label).replace("|", "/") + ">";
    }

    /** Cuts text to at most {@code max} characters, ending with an ellipsis when it was cut. */
    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
