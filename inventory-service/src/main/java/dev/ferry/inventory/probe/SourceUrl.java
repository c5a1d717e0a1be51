package dev.ferry.inventory.probe;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database or Redis URL taken apart, held only in memory while a probe runs. {@link #toString()}
 * and every message built from it leave the credentials out.
 */
public final class SourceUrl {
    private final String raw;
    private final String scheme;
    private final String host;
    private final int port;
    private final String path;
    private final String user;
    private final String password;
    private final Map<String, String> query;

    private SourceUrl(
            String raw,
            String scheme,
            String host,
            int port,
            String path,
            String user,
            String password,
            Map<String, String> query) {
        this.raw = raw;
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.path = path;
        this.user = user;
        this.password = password;
        this.query = query;
    }

    /** Parses a URL; the exception's message never repeats the URL. */
    public static SourceUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the URL is not a valid URI");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("the URL has no scheme or host");
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new SourceUrl(
                url.trim(), uri.getScheme().toLowerCase(), uri.getHost(), uri.getPort(), path, user, password, query);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public String raw() {
        return raw;
    }

    public String scheme() {
        return scheme;
    }

    public String host() {
        return host;
    }

    /** The port, or {@code fallback} when the URL names none. */
    public int port(int fallback) {
        return port < 0 ? fallback : port;
    }

    /** The path without its leading slash: a database name, or a Redis database number. */
    public String path() {
        return path;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Map<String, String> query() {
        return query;
    }

    /**
     * Removes the URL and its credentials from a message (a driver's error may quote them), so it
     * can be shown and logged.
     */
    public String scrub(String message) {
        if (message == null) {
            return "";
        }
        String out = message.replace(raw, "<url>");
        if (password != null && password.length() >= 3) {
            out = out.replace(password, "***");
        }
        if (user != null && user.length() >= 3) {
            out = out.replace(user, "***");
        }
        return out;
    }

    @Override
    public String toString() {
        return scheme + "://" + host + (port < 0 ? "" : ":" + port) + "/" + path;
    }
}
