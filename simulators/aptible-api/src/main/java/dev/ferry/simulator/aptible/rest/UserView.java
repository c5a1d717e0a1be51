package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The Auth API user a token belongs to. */
public record UserView(
        String id,
        @JsonProperty("_type") String kind,
        String email,
        String name,
        boolean verified,
        @JsonProperty("_links") Map<String, Link> links) {}
