package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The wire form of a configuration; {@code env} is null without sensitive extras. */
public record ConfigurationView(
        long id,
        @JsonProperty("_type") String kind,
        Map<String, String> env,
        @JsonProperty("_links") Map<String, Link> links) {}
