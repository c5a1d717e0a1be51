package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.Account;
import dev.ferry.simulator.aptible.domain.Backup;
import dev.ferry.simulator.aptible.domain.Database;
import dev.ferry.simulator.aptible.domain.LogDrain;
import dev.ferry.simulator.aptible.domain.Operation;
import dev.ferry.simulator.aptible.domain.OperationRequest;
import dev.ferry.simulator.aptible.domain.OperationStatus;
import dev.ferry.simulator.aptible.domain.ProvisionStatus;
import dev.ferry.simulator.aptible.domain.ResourceRef;
import dev.ferry.simulator.aptible.domain.Vhost;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What operations on databases, endpoints and log drains do when they start, succeed or fail. Runs
 * inside the store's write lock, called by {@link OperationEffects}.
 */
@ApplicationScoped
public class ResourceEffects {

    private final Store store;
    private final BackingServices backing;
    private final StackCatalog stacks;
    private final Clock clock;

    public ResourceEffects(Store store, BackingServices backing, StackCatalog stacks, Clock clock) {
        this.store = store;
        this.backing = backing;
        this.stacks = stacks;
        this.clock = clock;
    }

    void begin(Operation op, Instant now) {
        ProvisionStatus next = switch (op.type()) {
            case "provision" -> ProvisionStatus.PROVISIONING;
            case "deprovision" -> ProvisionStatus.DEPROVISIONING;
            default -> null;
        };
        if (next == null) {
            return;
        }
        ResourceRef ref = op.resource();
        if (ref.is("databases")) {
            store.database(ref.id()).filter(d -> !d.deleted()).ifPresent(d -> store.save(d.withStatus(next, now)));
        } else if (ref.is("vhosts")) {
            store.vhost(ref.id())
                    .filter(v -> !v.deleted())
                    .ifPresent(v -> store.save(v.with(next, v.externalHost(), v.acmeStatus(), v.settings(), now)));
        } else if (ref.is("log_drains")) {
            store.logDrain(ref.id()).filter(d -> !d.deleted()).ifPresent(d -> store.save(d.withStatus(next, now)));
        }
    }

    void succeed(Operation op, Instant now) {
        ResourceRef ref = op.resource();
        if (ref.is("databases")) {
            store.database(ref.id()).filter(d -> !d.deleted()).ifPresent(d -> database(op, d, now));
        } else if (ref.is("vhosts")) {
            store.vhost(ref.id()).filter(v -> !v.deleted()).ifPresent(v -> vhost(op, v, now));
        } else if (ref.is("log_drains")) {
            store.logDrain(ref.id()).filter(d -> !d.deleted()).ifPresent(d -> logDrain(op, d, now));
        }
    }

    /** A failed or cancelled operation rolls its resource back to where it was. */
    void fail(Operation op, Instant now) {
        ResourceRef ref = op.resource();
        if (ref.is("databases")) {
            store.database(ref.id()).filter(d -> !d.deleted()).ifPresent(d -> {
                if (d.status() == ProvisionStatus.PROVISIONING) {
                    store.save(d.withStatus(ProvisionStatus.PROVISION_FAILED, now));
                } else if (d.status() == ProvisionStatus.DEPROVISIONING) {
                    store.save(d.withStatus(ProvisionStatus.PROVISIONED, now));
                }
            });
        } else if (ref.is("vhosts")) {
            store.vhost(ref.id()).filter(v -> !v.deleted()).ifPresent(v -> {
                if (v.status() == ProvisionStatus.PROVISIONING) {
                    ProvisionStatus back =
                            v.externalHost() == null ? ProvisionStatus.PROVISION_FAILED : ProvisionStatus.PROVISIONED;
                    store.save(v.with(back, v.externalHost(), v.acmeStatus(), v.settings(), now));
                } else if (v.status() == ProvisionStatus.DEPROVISIONING) {
                    store.save(
                            v.with(ProvisionStatus.PROVISIONED, v.externalHost(), v.acmeStatus(), v.settings(), now));
                }
            });
        } else if (ref.is("log_drains")) {
            store.logDrain(ref.id()).filter(d -> !d.deleted()).ifPresent(d -> {
                if (d.status() == ProvisionStatus.PROVISIONING) {
                    store.save(d.withStatus(ProvisionStatus.PROVISION_FAILED, now));
                } else if (d.status() == ProvisionStatus.DEPROVISIONING) {
                    store.save(d.withStatus(ProvisionStatus.PROVISIONED, now));
                }
            });
        }
    }

    private void database(Operation op, Database db, Instant now) {
        OperationRequest r = op.request();
        int disk = r.diskSize() == null ? db.diskSizeGb() : r.diskSize();
        int size = r.containerSize() == null ? db.containerSizeMb() : r.containerSize();
        switch (op.type()) {
            case "provision" -> {
                BackingServices.Provisioned p = backing.provision(db);
                store.log(
                        op.id(),
                        OperationLogs.line(
                                now,
                                "Provisioned " + db.type() + " database " + db.handle()
                                        + (p.backingRef() == null
                                                ? " (no backing server configured)"
                                                : " on the backing server")));
                store.save(db.provisioned(p.connectionUrl(), p.backingRef(), disk, size, now));
            }
            case "deprovision" -> {
                backing.drop(db);
                store.operations().stream()
                        .filter(o -> o.resource().equals(op.resource()))
                        .forEach(o -> store.save(o.markDeleted()));
                store.save(db.markDeleted(now));
            }
            case "backup" -> {
                Backup b = store.save(new Backup(
                        store.nextId(), db.accountId(), db.id(), db.handle(), db.diskSizeGb(), true, op.id(), now));
                store.log(op.id(), OperationLogs.line(now, "Created backup " + b.id() + " of " + db.handle()));
            }
            case "replicate" -> replicate(op, db, now);
            default -> store.save(db.resized(disk, size, now));
        }
    }

    /** The replica is a new database in the same account, provisioned by its own (finished) operation. */
    private void replicate(Operation op, Database source, Instant now) {
        OperationRequest r = op.request();
        Database replica = store.save(new Database(
                store.nextId(),
                source.accountId(),
                r.handle(),
                source.type(),
                source.imageId(),
                store.nextId(),
                source.tlsCredentialId() == null ? null : store.nextId(),
                ProvisionStatus.PROVISIONING,
                r.diskSize() == null ? source.diskSizeGb() : r.diskSize(),
                r.containerSize() == null ? source.containerSizeMb() : r.containerSize(),
                null,
                null,
                null,
                source.id(),
                false,
                now,
                now));
        Operation provision = store.save(new Operation(
                store.nextId(),
                "provision",
                OperationStatus.SUCCEEDED,
                ResourceRef.database(replica.id()),
                replica.accountId(),
                new OperationRequest(
                        "provision", null, null, null, null, null, null, null, null, null, null, null, null),
                op.userName(),
                op.userEmail(),
                false,
                0,
                false,
                false,
                now,
                now));
        BackingServices.Provisioned p = backing.provision(replica);
        store.save(replica.withOperation(provision.id())
                .provisioned(p.connectionUrl(), p.backingRef(), replica.diskSizeGb(), replica.containerSizeMb(), now));
        store.log(op.id(), OperationLogs.line(now, "Created replica " + r.handle() + " of " + source.handle()));
        store.log(provision.id(), OperationLogs.line(now, "Provisioned replica " + r.handle()));
    }

    private void vhost(Operation op, Vhost v, Instant now) {
        switch (op.type()) {
            case "provision" -> {
                Account account = store.account(v.accountId()).orElseThrow();
                String stack = stacks.get(account.stackId()).name();
                String host = (v.internal() ? "internal-" : "elb-") + stack + "-" + v.id() + ".aptible.in";
                Map<String, String> settings = new LinkedHashMap<>(v.settings());
                if (op.request().settings() != null) {
                    op.request().settings().forEach((k, value) -> {
                        if (value == null || value.isEmpty()) {
                            settings.remove(k);
                        } else {
                            settings.put(k, value);
                        }
                    });
                }
                store.save(v.with(ProvisionStatus.PROVISIONED, host, v.acmeStatus(), Map.copyOf(settings), now));
                store.log(op.id(), OperationLogs.line(now, "Endpoint " + v.id() + " is reachable at " + host));
            }
            case "renew" -> store.save(v.with(v.status(), v.externalHost(), "ready", v.settings(), now));
            case "deprovision" -> {
                store.operations().stream()
                        .filter(o -> o.resource().equals(op.resource()))
                        .forEach(o -> store.save(o.markDeleted()));
                store.save(v.markDeleted(now));
            }
            default -> {
                // nothing else changes an endpoint
            }
        }
    }

    private void logDrain(Operation op, LogDrain d, Instant now) {
        switch (op.type()) {
            case "provision" -> store.save(d.withStatus(ProvisionStatus.PROVISIONED, now));
            case "deprovision" -> {
                store.operations().stream()
                        .filter(o -> o.resource().equals(op.resource()))
                        .forEach(o -> store.save(o.markDeleted()));
                store.save(d.markDeleted(now));
            }
            default -> store.save(d.withStatus(d.status(), now));
        }
    }
}
