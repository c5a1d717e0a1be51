package dev.ferry.simulator.aptible.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * What rendering needs from the request: the absolute base for links, and whether embedded
 * resources ({@code no_embed}) and sensitive fields ({@code Prefer: no_sensitive_extras}) are
 * wanted.
 */
public record HalContext(String base, boolean embed, boolean sensitive) {

    public static HalContext of(UriInfo uri, HttpHeaders headers) {
        String base = uri.getBaseUri().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String prefer = headers.getHeaderString("Prefer");
        boolean noSensitive = prefer != null && prefer.contains("no_sensitive_extras=true");
        boolean noEmbed = "true".equalsIgnoreCase(uri.getQueryParameters().getFirst("no_embed"));
        return new HalContext(base, !noEmbed && !noSensitive, !noSensitive);
    }

    public HalContext withoutEmbedding() {
        return new HalContext(base, false, sensitive);
    }

    public String href(String path) {
        return base + path;
    }
}
