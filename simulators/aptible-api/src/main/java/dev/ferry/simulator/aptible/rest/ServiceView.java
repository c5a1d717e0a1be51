package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The wire form of a service. */
public record ServiceView(
        long id,
        @JsonProperty("_type") String kind,
        String handle,
        String dockerRepo,
        String dockerRef,
        String processType,
        String command,
        int containerCount,
        String createdAt,
        String updatedAt,
        int containerMemoryLimitMb,
        String instanceClass,
        boolean forceZeroDowntime,
        boolean naiveHealthCheck,
        Integer stopTimeout,
        @JsonProperty("_links") Map<String, Link> links) {}
