package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.domain.Backup;
import dev.ferry.simulator.aptible.domain.Certificate;
import dev.ferry.simulator.aptible.domain.Database;
import dev.ferry.simulator.aptible.domain.DatabaseCredential;
import dev.ferry.simulator.aptible.domain.DatabaseImage;
import dev.ferry.simulator.aptible.domain.LogDrain;
import dev.ferry.simulator.aptible.domain.ProvisionStatus;
import dev.ferry.simulator.aptible.domain.Vhost;
import dev.ferry.simulator.aptible.service.DatabaseService;
import dev.ferry.simulator.aptible.service.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HAL views of databases, images, credentials, endpoints, certificates, log drains and backups, with the
 * real API's snake_case field names. Secrets ({@code connection_url}, private keys, drain URLs) appear only
 * when the request did not ask for {@code Prefer: no_sensitive_extras=true}.
 */
@ApplicationScoped
public class ResourceRepresenter {

    private final Store store;
    private final DatabaseService databases;
    private final Provider<Representer> representer;

    public ResourceRepresenter(Store store, DatabaseService databases, Provider<Representer> representer) {
        this.store = store;
        this.databases = databases;
        this.representer = representer;
    }

    public Map<String, Object> database(HalContext ctx, Database d) {
        String path = "/databases/" + d.id();
        DatabaseImage image = databases.image(d.imageId());
        Map<String, Object> m = base(d.id(), "database", d.createdAt(), d.updatedAt());
        m.put("handle", d.handle());
        m.put("type", d.type());
        m.put("status", d.status().wire());
        m.put("provisioned", d.status() == ProvisionStatus.PROVISIONED);
        m.put("connection_url", ctx.sensitive() ? d.connectionUrl() : null);
        m.put("passphrase", null);
        m.put("docker_repo", image.dockerRepo());
        m.put("port_mapping", List.of());
        m.put("initial_disk_size", d.diskSizeGb());
        m.put("initial_container_size", d.containerSizeMb());
        m.put("current_kms_arn", null);
        m.put("enable_backups", true);
        if (ctx.embed()) {
            HalContext inner = ctx.withoutEmbedding();
            Map<String, Object> embedded = new LinkedHashMap<>();
            embedded.put(
                    "last_operation",
                    d.lastOperationId() == null
                            ? null
                            : store.operation(d.lastOperationId())
                                    .filter(o -> !o.deleted())
                                    .map(o -> representer.get().operation(inner, o))
                                    .orElse(null));
            embedded.put("disk", Map.of("id", d.id(), "_type", "disk", "size", d.diskSizeGb(), "filesystem", "ext4"));
            embedded.put(
                    "database_credentials",
                    d.credentials().stream().map(c -> credential(inner, c)).toList());
            m.put("_embedded", embedded);
        }
        Links links = Links.self(ctx, path)
                .add("account", "/accounts/" + d.accountId())
                .add("database_image", "/database_images/" + d.imageId())
                .add("operations", path + "/operations")
                .add("backups", path + "/backups")
                .add("dependents", path + "/dependents")
                .add("database_credentials", path + "/database_credentials");
        if (d.initializeFrom() != null) {
            links.add("initialize_from", "/databases/" + d.initializeFrom());
        }
        m.put("_links", links.build());
        return m;
    }

    public Map<String, Object> credential(HalContext ctx, DatabaseCredential c) {
        Map<String, Object> m = base(c.id(), "database_credential", c.createdAt(), c.updatedAt());
        m.put("type", c.type());
        m.put("default", c.isDefault());
        m.put("connection_url", ctx.sensitive() ? c.connectionUrl() : null);
        m.put(
                "_links",
                Links.self(ctx, "/database_credentials/" + c.id())
                        .add("database", "/databases/" + c.databaseId())
                        .build());
        return m;
    }

    public Map<String, Object> image(HalContext ctx, DatabaseImage i) {
        Map<String, Object> m = base(i.id(), "database_image", null, null);
        m.put("type", i.type());
        m.put("version", i.version());
        m.put("discoverable", true);
        m.put("visible", true);
        m.put("default", i.isDefault());
        m.put("description", i.description());
        m.put("docker_repo", i.dockerRepo());
        m.put("_links", Links.self(ctx, "/database_images/" + i.id()).build());
        return m;
    }

    public Map<String, Object> vhost(HalContext ctx, Vhost v) {
        String path = "/vhosts/" + v.id();
        Map<String, Object> m = base(v.id(), "vhost", v.createdAt(), v.updatedAt());
        String virtualDomain = v.userDomain() != null
                ? v.userDomain()
                : v.isDefault() ? "app-" + v.appId() + ".on-aptible.com" : v.externalHost();
        m.put("virtual_domain", virtualDomain);
        m.put("type", v.type());
        m.put("external_host", v.externalHost());
        m.put("internal_host", v.externalHost());
        m.put("status", v.status().wire());
        m.put("platform", v.platform());
        m.put("default", v.isDefault());
        m.put("internal", v.internal());
        m.put("ip_whitelist", v.ipWhitelist());
        m.put("user_domain", v.userDomain());
        m.put("acme", v.acme());
        m.put("acme_status", v.acmeStatus());
        m.put("acme_dns_challenge_host", v.acme() && v.externalHost() != null ? "acme." + v.externalHost() : null);
        m.put(
                "acme_configuration",
                v.acme() ? Map.of("names", List.of(v.userDomain()), "challenges", List.of()) : null);
        m.put("container_port", v.containerPort());
        m.put("container_ports", v.containerPorts());
        m.put("container_exposed_ports", List.of());
        m.put("shared", false);
        m.put("load_balancing_algorithm_type", "round_robin");
        m.put("settings", v.settings());
        Links links = Links.self(ctx, path)
                .add("service", "/services/" + v.serviceId())
                .add("operations", path + "/operations");
        if (v.certificateId() != null) {
            links.add("certificate", "/certificates/" + v.certificateId());
        }
        m.put("_links", links.build());
        return m;
    }

    public Map<String, Object> certificate(HalContext ctx, Certificate c) {
        Map<String, Object> m = base(c.id(), "certificate", c.createdAt(), c.createdAt());
        m.put("common_name", c.commonName());
        m.put("not_before", Times.iso(c.notBefore()));
        m.put("not_after", Times.iso(c.notAfter()));
        m.put("sha256_fingerprint", c.sha256Fingerprint());
        m.put("subject_alternative_names", c.subjectAlternativeNames());
        m.put("self_signed", c.selfSigned());
        m.put("trusted", !c.selfSigned());
        m.put("acme", false);
        m.put("certificate_body", c.body());
        m.put("private_key", ctx.sensitive() ? c.privateKey() : null);
        m.put(
                "_links",
                Links.self(ctx, "/certificates/" + c.id())
                        .add("account", "/accounts/" + c.accountId())
                        .build());
        return m;
    }

    public Map<String, Object> logDrain(HalContext ctx, LogDrain d) {
        String path = "/log_drains/" + d.id();
        Map<String, Object> m = base(d.id(), "log_drain", d.createdAt(), d.updatedAt());
        m.put("handle", d.handle());
        m.put("drain_type", d.drainType());
        m.put("drain_host", d.drainHost());
        m.put("drain_port", d.drainPort());
        m.put("drain_username", d.drainUsername());
        m.put("drain_password", null);
        m.put("url", ctx.sensitive() ? d.url() : null);
        m.put("logging_token", ctx.sensitive() ? d.loggingToken() : null);
        m.put("drain_apps", d.drainApps());
        m.put("drain_databases", d.drainDatabases());
        m.put("drain_ephemeral_sessions", d.drainEphemeralSessions());
        m.put("drain_proxies", d.drainProxies());
        m.put("status", d.status().wire());
        m.put(
                "_links",
                Links.self(ctx, path)
                        .add("account", "/accounts/" + d.accountId())
                        .add("operations", path + "/operations")
                        .build());
        return m;
    }

    public Map<String, Object> backup(HalContext ctx, Backup b) {
        Map<String, Object> m = base(b.id(), "backup", b.createdAt(), b.createdAt());
        m.put("aws_snapshot_id", "snap-sim" + b.id());
        m.put("aws_region", "us-east-1");
        m.put("database_handle", b.databaseHandle());
        m.put("size", b.sizeGb());
        m.put("manual", b.manual());
        m.put("kms_arn", null);
        m.put(
                "_links",
                Links.self(ctx, "/backups/" + b.id())
                        .add("account", "/accounts/" + b.accountId())
                        .add("database", "/databases/" + b.databaseId())
                        .add("operations", "/backups/" + b.id() + "/operations")
                        .build());
        return m;
    }

    private static Map<String, Object> base(
            long id, String type, java.time.Instant created, java.time.Instant updated) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("_type", type);
        m.put("created_at", Times.iso(created));
        m.put("updated_at", Times.iso(updated));
        return m;
    }
}
