package dev.ferry.simulator.heroku.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an app has beyond its formation and config vars: routing, TLS, logging, labs features,
 * webhooks, people and its release history. Lists are never null.
 *
 * @param spaceId the Private Space the app runs in, null for the Common Runtime
 * @param buildpacks buildpack names in installation order, e.g. {@code heroku/ruby}
 * @param features names of the enabled app features, e.g. {@code preboot}
 * @param releases oldest first
 */
public record AppDetails(
        boolean acm,
        UUID spaceId,
        List<String> buildpacks,
        List<Domain> domains,
        List<SniEndpoint> sniEndpoints,
        List<LogDrain> logDrains,
        List<String> features,
        List<Webhook> webhooks,
        List<Collaborator> collaborators,
        List<Release> releases) {

    public AppDetails {
        buildpacks = List.copyOf(buildpacks);
        domains = List.copyOf(domains);
        sniEndpoints = List.copyOf(sniEndpoints);
        logDrains = List.copyOf(logDrains);
        features = List.copyOf(features);
        webhooks = List.copyOf(webhooks);
        collaborators = List.copyOf(collaborators);
        releases = List.copyOf(releases);
    }

    /**
     * A hostname routed to the app.
     *
     * @param kind {@code heroku} or {@code custom}
     * @param sniEndpoint name of the SNI endpoint serving it, or null
     */
    public record Domain(
            UUID id,
            String hostname,
            String kind,
            String cname,
            String acmStatus,
            String sniEndpoint,
            Instant createdAt) {}

    /** A certificate served for some of the app's domains. */
    public record SniEndpoint(
            UUID id,
            String name,
            List<String> domains,
            Instant startsAt,
            Instant expiresAt,
            String issuer,
            boolean acm,
            Instant createdAt) {}

    /** A log drain; {@code addonId} is set when an add-on created it. */
    public record LogDrain(UUID id, String url, String token, UUID addonId, Instant createdAt) {}

    /** An app webhook subscription. */
    public record Webhook(UUID id, String url, List<String> include, String level, Instant createdAt) {}

    /** Someone with access to the app. */
    public record Collaborator(UUID id, String email, String role, Instant createdAt) {}

    /**
     * One release.
     *
     * @param status {@code succeeded}, {@code failed}, {@code pending} or {@code expired}
     * @param releasePhase whether a release command ran for it (an output stream exists)
     */
    public record Release(
            UUID id,
            int version,
            String description,
            String status,
            boolean releasePhase,
            String userEmail,
            Instant createdAt) {}
}
