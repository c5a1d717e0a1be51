package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The wire form of an operation, with every field of the real schema. */
public record OperationView(
        long id,
        @JsonProperty("_type") String kind,
        String type,
        String status,
        boolean cancelled,
        boolean aborted,
        String gitRef,
        String dockerRef,
        Map<String, String> env,
        Integer containerSize,
        Integer containerCount,
        int diskSize,
        String command,
        String handle,
        String createdAt,
        String updatedAt,
        String certificate,
        String privateKey,
        String userName,
        String userEmail,
        String destinationRegion,
        Boolean interactive,
        String instanceProfile,
        String mountPoint,
        Integer daily,
        Integer monthly,
        Integer yearly,
        Integer pitrDays,
        Boolean makeCopy,
        Boolean keepFinal,
        @JsonProperty("_links") Map<String, Link> links) {}
