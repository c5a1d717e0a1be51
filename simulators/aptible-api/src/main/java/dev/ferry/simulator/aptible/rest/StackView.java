package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The wire form of a stack (the fields clients read). */
public record StackView(
        long id,
        @JsonProperty("_type") String kind,
        String name,
        String version,
        String region,
        @JsonProperty("default") boolean isDefault,
        @JsonProperty("public") boolean isPublic,
        String sshPortalHost,
        int sshPortalPort,
        String internalDomain,
        String defaultDomain,
        List<String> outboundIpAddresses,
        boolean memoryLimits,
        boolean cpuLimits,
        @JsonProperty("_links") Map<String, Link> links) {}
