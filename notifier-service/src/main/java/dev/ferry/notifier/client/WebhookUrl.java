package dev.ferry.notifier.client;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The incoming-webhook URL, held so it cannot leak: its {@code toString} hides it, a malformed value
 * is reported without echoing it, and {@link #scrub} takes it out of any text.
 */
public final class WebhookUrl {
    static final String HIDDEN = "[webhook]";

    private final URI uri;
    private final String url;
    private final String path;
    private final String token;

    private WebhookUrl(URI uri) {
        this.uri = uri;
        this.url = uri.toString();
        this.path = uri.getRawPath();
        this.token = path.substring(path.lastIndexOf('/') + 1);
    }

    /** Reads the configured value; the error never repeats it. */
    public static WebhookUrl of(String value) {
        URI uri;
        try {
            uri = new URI(value == null ? "" : value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("notifier.slack.webhook-url is not a valid URL (value not shown)");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null
                || uri.getRawPath() == null
                || uri.getRawPath().length() < 2) {
            throw new IllegalStateException("notifier.slack.webhook-url must be an http(s) URL with a path, such as"
                    + " https://hooks.slack.com/services/T.../B.../... (value not shown)");
        }
        return new WebhookUrl(uri);
    }

    public URI uri() {
        return uri;
    }

    /** The text with the URL, its path and its secret last segment replaced by a placeholder. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String safe = text.replace(url, HIDDEN).replace(path, HIDDEN);
        return token.length() >= 8 ? safe.replace(token, HIDDEN) : safe;
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}
