package dev.ferry.simulator.heroku.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The estate file as written by a person: names instead of ids, optional fields left out. Keys are
 * snake_case in JSON. {@link EstateAssembler} turns it into a validated {@code Estate}.
 *
 * @param description free text for the reader of the file, ignored by the simulator
 */
public record EstateDocument(
        String description,
        List<AccountSpec> accounts,
        List<TeamSpec> teams,
        List<AppSpec> apps,
        List<AddOnSpec> addons,
        List<SpaceSpec> spaces,
        List<PipelineSpec> pipelines) {

    public EstateDocument {
        accounts = orEmpty(accounts);
        teams = orEmpty(teams);
        apps = orEmpty(apps);
        addons = orEmpty(addons);
        spaces = orEmpty(spaces);
        pipelines = orEmpty(pipelines);
    }

    /** The first shape: accounts, teams, apps and add-ons only. */
    public EstateDocument(
            String description,
            List<AccountSpec> accounts,
            List<TeamSpec> teams,
            List<AppSpec> apps,
            List<AddOnSpec> addons) {
        this(description, accounts, teams, apps, addons, List.of(), List.of());
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A user account and the API tokens issued to it. */
    public record AccountSpec(
            UUID id,
            String email,
            String name,
            Instant createdAt,
            Instant updatedAt,
            Instant lastLogin,
            Boolean twoFactorAuthentication,
            String defaultTeam,
            List<TokenSpec> tokens) {

        public AccountSpec {
            tokens = orEmpty(tokens);
        }
    }

    /** A bearer token; {@code scope} lists Heroku OAuth scopes such as {@code global}. */
    public record TokenSpec(String token, List<String> scope, String description) {

        public TokenSpec {
            scope = orEmpty(scope);
        }
    }

    /** A team and the emails of its member accounts. */
    public record TeamSpec(UUID id, String name, Instant createdAt, List<String> members) {

        public TeamSpec {
            members = orEmpty(members);
        }
    }

    /**
     * An app; exactly one of {@code owner} (account email) or {@code team} (team name). {@code
     * space} names a Private Space of the app's team.
     */
    public record AppSpec(
            UUID id,
            String name,
            String region,
            String stack,
            String generation,
            String owner,
            String team,
            Instant createdAt,
            Instant updatedAt,
            Instant releasedAt,
            String buildpackProvidedDescription,
            Boolean maintenance,
            Long slugSize,
            List<FormationSpec> formation,
            Map<String, String> configVars,
            Boolean acm,
            String space,
            List<String> buildpacks,
            List<DomainSpec> domains,
            List<SniEndpointSpec> sniEndpoints,
            List<LogDrainSpec> logDrains,
            List<String> features,
            List<WebhookSpec> webhooks,
            List<CollaboratorSpec> collaborators,
            List<ReleaseSpec> releases) {

        public AppSpec {
            formation = orEmpty(formation);
            configVars = configVars == null ? Map.of() : configVars;
            domains = orEmpty(domains);
            sniEndpoints = orEmpty(sniEndpoints);
            logDrains = orEmpty(logDrains);
            features = orEmpty(features);
            webhooks = orEmpty(webhooks);
            collaborators = orEmpty(collaborators);
            releases = orEmpty(releases);
        }

        /** The first shape, without routing, people or history. */
        public AppSpec(
                UUID id,
                String name,
                String region,
                String stack,
                String generation,
                String owner,
                String team,
                Instant createdAt,
                Instant updatedAt,
                Instant releasedAt,
                String buildpackProvidedDescription,
                Boolean maintenance,
                Long slugSize,
                List<FormationSpec> formation,
                Map<String, String> configVars) {
            this(
                    id,
                    name,
                    region,
                    stack,
                    generation,
                    owner,
                    team,
                    createdAt,
                    updatedAt,
                    releasedAt,
                    buildpackProvidedDescription,
                    maintenance,
                    slugSize,
                    formation,
                    configVars,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }

    /** A custom domain; {@code kind} defaults to {@code custom}, {@code cname} to a herokudns target. */
    public record DomainSpec(String hostname, String kind, String cname, String acmStatus, String sniEndpoint) {}

    /** A certificate for some of the app's domains. */
    public record SniEndpointSpec(
            String name, List<String> domains, Instant startsAt, Instant expiresAt, String issuer, Boolean acm) {}

    /** A log drain; {@code addon} names the add-on that created it. */
    public record LogDrainSpec(String url, String addon) {}

    /** An app webhook; {@code level} is {@code notify} or {@code sync}. */
    public record WebhookSpec(String url, List<String> include, String level) {}

    /** A collaborator of the app. */
    public record CollaboratorSpec(String email, String role) {}

    /** A release; {@code status} defaults to {@code succeeded}. */
    public record ReleaseSpec(
            Integer version, String description, String status, Boolean releasePhase, Instant createdAt, String user) {}

    /** A Private Space of a team. */
    public record SpaceSpec(
            UUID id,
            String name,
            String team,
            String region,
            Boolean shield,
            String cidr,
            List<String> trustedIpRanges,
            List<String> natSources,
            List<PeeringSpec> peerings,
            List<VpnSpec> vpnConnections,
            Instant createdAt) {}

    /** A VPC peering of a space. */
    public record PeeringSpec(
            String pcxId,
            String type,
            String status,
            String awsAccountId,
            String awsVpcId,
            String awsRegion,
            List<String> cidrBlocks) {}

    /** A VPN connection of a space; tunnel secrets are kept but never served. */
    public record VpnSpec(
            String name, String publicIp, List<String> routableCidrs, String status, List<TunnelSpec> tunnels) {}

    /** One tunnel of a VPN connection. */
    public record TunnelSpec(String ip, String customerIp, String preSharedKey, String status) {}

    /** A pipeline and its couplings. */
    public record PipelineSpec(UUID id, String name, String team, List<CouplingSpec> couplings) {}

    /** An app in a pipeline stage. */
    public record CouplingSpec(String app, String stage) {}

    /** Heroku Postgres facts the Data API reports. */
    public record PostgresSpec(Long numBytes, Integer numTables, String version, List<String> followers) {}

    /** Heroku Redis facts the Data API reports. */
    public record RedisSpec(String version, String maxmemoryPolicy, Boolean tls) {}

    /** One process type of an app's formation. */
    public record FormationSpec(UUID id, String type, String command, Integer quantity, String size) {}

    /**
     * An add-on; {@code app} is the billing app (default: the first attachment's app) and {@code
     * config_vars} the names it exposes to that app. {@code backed} points a Postgres or Redis add-on
     * at a real local database when the simulator is configured with one.
     */
    public record AddOnSpec(
            UUID id,
            String name,
            String service,
            String plan,
            String app,
            List<String> configVars,
            String providerId,
            Integer priceCents,
            Instant createdAt,
            List<AttachmentSpec> attachments,
            Boolean backed,
            String seed,
            PostgresSpec postgres,
            RedisSpec redis) {

        public AddOnSpec {
            configVars = orEmpty(configVars);
            attachments = orEmpty(attachments);
        }

        /** The first shape, without Data API facts. */
        public AddOnSpec(
                UUID id,
                String name,
                String service,
                String plan,
                String app,
                List<String> configVars,
                String providerId,
                Integer priceCents,
                Instant createdAt,
                List<AttachmentSpec> attachments) {
            this(
                    id,
                    name,
                    service,
                    plan,
                    app,
                    configVars,
                    providerId,
                    priceCents,
                    createdAt,
                    attachments,
                    null,
                    null,
                    null,
                    null);
        }
    }

    /**
     * An attachment of the enclosing add-on to an app; {@code config_vars} defaults to the
     * add-on's.
     */
    public record AttachmentSpec(UUID id, String app, String name, String namespace, List<String> configVars) {}
}
