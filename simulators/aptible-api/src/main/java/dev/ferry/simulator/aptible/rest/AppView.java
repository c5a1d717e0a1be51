package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The wire form of an app. */
public record AppView(
        long id,
        String handle,
        String gitRepo,
        @JsonProperty("_type") String kind,
        String createdAt,
        String updatedAt,
        String status,
        String deploymentMethod,

        @JsonProperty("_embedded") @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, Object> embedded,

        @JsonProperty("_links") Map<String, Link> links) {}
