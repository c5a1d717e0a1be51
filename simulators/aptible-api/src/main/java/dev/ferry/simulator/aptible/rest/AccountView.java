package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The wire form of an account, field for field as the real API sends it. */
public record AccountView(
        long id,
        String type,
        @JsonProperty("_type") String kind,
        String name,
        String handle,
        String onboardingStatus,
        String number,
        boolean activated,
        String syslogHost,
        Integer syslogPort,
        String bastionHost,
        int bastionPort,
        Integer sshPortalPort,
        int containerCount,
        int domainCount,
        int totalDiskSize,
        int totalAppCount,
        int appContainerCount,
        int databaseContainerCount,
        int totalDatabaseCount,
        String createdAt,
        String updatedAt,
        String sweetnessStack,
        String gentlemanjerryEndpoint,
        String gentlemanjerryCertificate,
        String gentlemanjerryDockerName,
        String gentlemanjerryInstanceId,
        String sweetnessStackVersion,
        String caBody,

        @JsonProperty("_embedded") @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, Object> embedded,

        @JsonProperty("_links") Map<String, Link> links) {}
