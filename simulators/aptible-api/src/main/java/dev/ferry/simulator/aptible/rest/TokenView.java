package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The Auth API's answer to a password grant: OAuth2 fields plus the token resource's own. */
public record TokenView(
        String id,
        @JsonProperty("_type") String kind,
        String accessToken,
        String tokenType,
        long expiresIn,
        long expiresAt,
        String scope,
        String refreshToken,
        String createdAt,
        String updatedAt,
        @JsonProperty("_links") Map<String, Link> links) {}
