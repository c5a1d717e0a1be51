package dev.ferry.inventory.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The fields of Heroku Platform API v3 resources that discovery reads, named as the API names them.
 */
public final class HerokuDtos {
    private HerokuDtos() {}

    /** {@code GET /account}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String id, String email) {}

    /** A {@code {id, name}} reference to another resource. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ref(String id, String name) {}

    /** {@code GET /apps/{app}}; {@code buildpacks} only in the {@code 3.sdk} variant. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record App(
            String id,
            String name,
            Ref region,
            Ref stack,
            Ref team,
            SpaceRef space,
            Ref generation,
            Boolean acm,
            Boolean maintenance,
            List<Buildpack> buildpacks) {

        public App(String id, String name, Ref region, Ref stack, Ref team) {
            this(id, name, region, stack, team, null, null, null, null, null);
        }
    }

    /** The space an app runs in. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SpaceRef(String id, String name, Boolean shield) {}

    /** A buildpack as the SDK variant and buildpack installations name it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Buildpack(String name, String url) {}

    /** {@code GET /apps/{app}/buildpack-installations}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BuildpackInstallation(int ordinal, Buildpack buildpack) {}

    /** {@code GET /apps/{app}/formation}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Formation(String id, String type, String command, int quantity, String size) {}

    /** {@code GET /addons} and {@code GET /apps/{app}/addons}; {@code app} is the billing app. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AddOn(
            String id,
            String name,
            @JsonProperty("addon_service") Ref addonService,
            Ref plan,
            @JsonProperty("config_vars") List<String> configVars,
            Ref app,
            String state) {

        public AddOn(String id, String name, Ref addonService, Ref plan, List<String> configVars) {
            this(id, name, addonService, plan, configVars, null, null);
        }
    }

    /** {@code GET /addon-attachments} with {@code Accept-Inclusion: config_vars}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attachment(
            String id,
            String name,
            Ref addon,
            Ref app,
            @JsonProperty("config_vars") List<String> configVars) {}

    /** {@code GET /teams}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Team(String id, String name) {}

    /** {@code GET /pipelines}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pipeline(String id, String name) {}

    /** {@code GET /pipeline-couplings}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coupling(String id, Ref app, Ref pipeline, String stage) {}

    /** {@code GET /spaces}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Space(String id, String name, Boolean shield, Ref region, Ref team) {}

    /** {@code GET /spaces/{space}/inbound-ruleset}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InboundRuleset(List<Rule> rules) {

        /** One rule. */
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Rule(String action, String source) {}
    }

    /** {@code GET /spaces/{space}/nat}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Nat(String state, List<String> sources) {}

    /** {@code GET /spaces/{space}/peerings}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Peering(
            String type,
            @JsonProperty("pcx_id") String pcxId,
            @JsonProperty("cidr_blocks") List<String> cidrBlocks,
            String status) {}

    /** {@code GET /spaces/{space}/vpn-connections}; tunnels (with their secrets) are never read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VpnConnection(
            String id,
            String name,
            @JsonProperty("public_ip") String publicIp,
            @JsonProperty("routable_cidrs") List<String> routableCidrs,
            String status) {}

    /** {@code GET /dyno-sizes}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DynoSize(String name, Double memory, Double compute, Boolean dedicated) {}

    /** {@code GET /apps/{app}/domains}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Domain(
            String hostname,
            String kind,
            String cname,
            @JsonProperty("acm_status") String acmStatus,
            @JsonProperty("sni_endpoint") Ref sniEndpoint) {}

    /** {@code GET /apps/{app}/sni-endpoints}; the certificate chain is not kept. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SniEndpoint(
            String id,
            String name,
            @JsonProperty("ssl_cert") SslCert sslCert) {

        /** The parsed certificate. */
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record SslCert(
                @JsonProperty("cert_domains") List<String> certDomains,
                @JsonProperty("expires_at") String expiresAt,
                String issuer) {}
    }

    /** {@code GET /apps/{app}/log-drains}; {@code addon} is set when an add-on created the drain. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LogDrain(String id, String url, Ref addon) {}

    /** {@code GET /apps/{app}/features}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Feature(String name, boolean enabled) {}

    /** {@code GET /apps/{app}/webhooks}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Webhook(String id, String url, List<String> include, String level) {}

    /** {@code GET /apps/{app}/collaborators}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Collaborator(User user, String role) {

        /** The collaborating user. */
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record User(String email) {}
    }

    /** {@code GET /apps/{app}/releases}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Release(
            String id,
            int version,
            String description,
            String status,
            Boolean current,
            @JsonProperty("output_stream_url") String outputStreamUrl,
            @JsonProperty("created_at") String createdAt) {}

    /** One {@code info[]} row of the Data API. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InfoRow(String name, List<String> values) {}

    /** Data API {@code GET /client/v11/databases/{addon}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PostgresDatabase(
            String plan,
            @JsonProperty("num_bytes") Long numBytes,
            @JsonProperty("num_tables") Integer numTables,
            @JsonProperty("postgres_version") String postgresVersion,
            List<InfoRow> info) {}

    /** Data API {@code GET /redis/v0/databases/{addon}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RedisDatabase(
            String plan,
            String version,
            @JsonProperty("prefer_native_tls") Boolean preferNativeTls,
            List<InfoRow> info) {}

    /** {@code GET /account/rate-limits}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RateLimits(int remaining) {}

    /** Heroku's error body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(String id, String message) {}
}
