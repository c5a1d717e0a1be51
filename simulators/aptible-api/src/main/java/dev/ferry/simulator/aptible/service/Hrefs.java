package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads resource ids out of hrefs, since clients may reference resources by href or id. */
public final class Hrefs {

    private Hrefs() {}

    public static long trailingId(String href, String collection) {
        Matcher m = Pattern.compile("/" + collection + "/(\\d+)/?$").matcher(href.trim());
        if (!m.find()) {
            throw ApiException.unprocessable("Invalid " + collection + " href: " + href);
        }
        return Long.parseLong(m.group(1));
    }
}
