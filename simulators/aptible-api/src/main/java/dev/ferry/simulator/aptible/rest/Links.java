package dev.ferry.simulator.aptible.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a {@code _links} object of absolute hrefs, {@code self} first. */
public final class Links {

    private final HalContext ctx;
    private final Map<String, Link> links = new LinkedHashMap<>();

    private Links(HalContext ctx) {
        this.ctx = ctx;
    }

    public static Links self(HalContext ctx, String path) {
        return new Links(ctx).add("self", path);
    }

    public Links add(String rel, String path) {
        links.put(rel, new Link(ctx.href(path)));
        return this;
    }

    public Map<String, Link> build() {
        return Collections.unmodifiableMap(links);
    }
}
