package dev.ferry.events.inventory;

import dev.ferry.events.Nullable;

/**
 * A domain of an app.
 *
 * @param kind {@code heroku} for the default domain, {@code custom} otherwise
 * @param cname the DNS target Heroku asks for, null for the default domain
 * @param acmStatus e.g. {@code cert issued}, {@code failing}; null without ACM
 * @param sniEndpoint the SNI endpoint's name serving this domain, if any
 */
public record Domain(
        String hostname,
        String kind,
        @Nullable String cname,
        @Nullable String acmStatus,
        @Nullable String sniEndpoint) {}
