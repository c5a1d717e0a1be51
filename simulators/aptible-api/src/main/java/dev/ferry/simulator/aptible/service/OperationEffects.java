package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.domain.App;
import dev.ferry.simulator.aptible.domain.Configuration;
import dev.ferry.simulator.aptible.domain.InstanceClasses;
import dev.ferry.simulator.aptible.domain.Operation;
import dev.ferry.simulator.aptible.domain.OperationRequest;
import dev.ferry.simulator.aptible.domain.OperationStatus;
import dev.ferry.simulator.aptible.domain.ProvisionStatus;
import dev.ferry.simulator.aptible.domain.Service;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies what an operation does to the rest of the state when it starts and when it finishes.
 *
 * <p>Only a succeeded operation changes configurations, services or the app's existence; a failed
 * one puts the app back in the state it had.
 */
@ApplicationScoped
public class OperationEffects {

    private static final int DEFAULT_CONTAINER_COUNT = 1;
    private static final int DEFAULT_MEMORY_MB = 1024;
    private static final String DEFAULT_INSTANCE_CLASS = "m5";

    private final Store store;
    private final Clock clock;
    private final ResourceEffects resources;

    public OperationEffects(Store store, Clock clock, ResourceEffects resources) {
        this.store = store;
        this.clock = clock;
        this.resources = resources;
    }

    /** Queued to running; false when the operation is gone (reset) or no longer queued. */
    public boolean begin(long operationId) {
        return store.write(() -> {
            Operation op = store.operation(operationId).orElse(null);
            if (op == null || op.status() != OperationStatus.QUEUED) {
                return false;
            }
            Instant now = clock.instant();
            store.save(op.withStatus(OperationStatus.RUNNING, now));
            store.log(op.id(), OperationLogs.line(now, "Starting " + op.type() + " operation with ID: " + op.id()));
            app(op).ifPresentOrElse(app -> markRunning(op, app, now), () -> {});
            resources.begin(op, now);
            return true;
        });
    }

    /** Running to succeeded or failed, applying the outcome. */
    public void finish(long operationId) {
        store.write(() -> {
            Operation op = store.operation(operationId).orElse(null);
            if (op == null || op.status() != OperationStatus.RUNNING) {
                return null;
            }
            Instant now = clock.instant();
            if (op.failOnCompletion()) {
                store.log(op.id(), OperationLogs.error(now, "Injected failure: " + op.type() + " operations fail"));
                fail(op, now);
                return null;
            }
            try {
                if (op.resource().isApp() || op.resource().is("services")) {
                    succeed(op, now);
                } else {
                    resources.succeed(op, now);
                }
            } catch (RuntimeException e) {
                store.log(op.id(), OperationLogs.error(now, e.getMessage()));
                fail(op, now);
                return null;
            }
            store.operation(op.id()).ifPresent(o -> store.save(o.withStatus(OperationStatus.SUCCEEDED, now)));
            store.log(op.id(), OperationLogs.line(now, "Operation " + op.id() + " (" + op.type() + ") succeeded"));
            return null;
        });
    }

    /** Fails an operation whose processing broke, so that pollers do not wait forever. */
    public void abandon(long operationId) {
        store.write(() -> {
            store.operation(operationId)
                    .filter(op -> !op.status().finished())
                    .ifPresent(op -> fail(op, clock.instant()));
            return null;
        });
    }

    /** Cancels a queued or running operation: it ends failed, with what it started rolled back. */
    public Operation cancel(long operationId) {
        return store.write(() -> {
            Operation op =
                    store.operation(operationId).orElseThrow(() -> ApiException.notFound("Operation", operationId));
            if (op.status().finished()) {
                throw ApiException.unprocessable(
                        "Operation " + op.id() + " has already " + op.status().wire());
            }
            Instant now = clock.instant();
            store.log(op.id(), OperationLogs.error(now, "Operation cancelled by request; rolling back"));
            fail(op, now);
            return store.save(store.operation(op.id()).orElseThrow().cancel(now));
        });
    }

    private void fail(Operation op, Instant now) {
        store.save(op.withStatus(OperationStatus.FAILED, now));
        store.log(op.id(), OperationLogs.error(now, "Operation " + op.id() + " (" + op.type() + ") failed"));
        resources.fail(op, now);
        app(op).ifPresent(app -> {
            if (app.status() == ProvisionStatus.PROVISIONING || app.status() == ProvisionStatus.DEPROVISIONING) {
                store.save(app.withStatus(
                        app.deploymentMethod() == null ? ProvisionStatus.PENDING : ProvisionStatus.PROVISIONED, now));
            }
        });
    }

    private void markRunning(Operation op, App app, Instant now) {
        if ("deploy".equals(op.type()) && app.status() == ProvisionStatus.PENDING) {
            store.save(app.withStatus(ProvisionStatus.PROVISIONING, now));
        } else if ("deprovision".equals(op.type())) {
            store.save(app.withStatus(ProvisionStatus.DEPROVISIONING, now));
        }
    }

    private void succeed(Operation op, Instant now) {
        if (!op.resource().isApp()) {
            store.service(op.resource().id()).ifPresent(s -> scaleOrTouch(op, s, now));
            return;
        }
        App app = app(op).orElse(null);
        if (app == null) {
            return;
        }
        switch (op.type()) {
            case "configure" -> {
                configure(app, op.env(), now);
                services(app).forEach(s -> store.save(s.scaled(null, null, null, now)));
            }
            case "deploy" -> deploy(app, op, now);
            case "scale" -> services(app).forEach(s -> scaleOrTouch(op, s, now));
            case "deprovision" -> deprovision(app, now);
            default -> services(app).forEach(s -> store.save(s.scaled(null, null, null, now)));
        }
    }

    private void scaleOrTouch(Operation op, Service service, Instant now) {
        OperationRequest r = op.request();
        store.save(service.scaled(r.containerCount(), r.containerSize(), r.instanceProfile(), now));
    }

    /** Stores a new current configuration: the old env merged with the change. */
    private App configure(App app, Map<String, String> change, Instant now) {
        Map<String, String> env = new TreeMap<>();
        if (app.currentConfigurationId() != null) {
            store.configuration(app.currentConfigurationId()).ifPresent(c -> env.putAll(c.env()));
        }
        change.forEach((key, value) -> {
            if (value == null || value.isEmpty()) {
                env.remove(key);
            } else {
                env.put(key, value);
            }
        });
        Configuration configuration =
                store.save(new Configuration(store.nextId(), app.id(), Collections.unmodifiableMap(env), false, now));
        return store.save(store.app(app.id()).orElseThrow().withConfiguration(configuration.id(), now));
    }

    private void deploy(App app, Operation op, Instant now) {
        OperationRequest r = op.request();
        App current = r.env() == null ? app : configure(app, r.env(), now);
        String image = r.dockerRef();
        String repo = image == null ? null : repository(image);
        String ref = image == null ? r.gitRef() : tag(image);
        List<Service> existing = services(current);
        Map<String, String> processes = processes(r, existing);
        for (Service s : existing) {
            if (processes.containsKey(s.processType())) {
                store.save(s.redeployed(processes.get(s.processType()), repo, ref, now));
            } else {
                store.save(s.markDeleted(now));
            }
        }
        processes.forEach((type, command) -> {
            if (existing.stream().noneMatch(s -> s.processType().equals(type))) {
                store.save(new Service(
                        store.nextId(),
                        current.id(),
                        current.accountId(),
                        type,
                        command,
                        repo,
                        ref,
                        r.containerCount() == null ? DEFAULT_CONTAINER_COUNT : r.containerCount(),
                        r.containerSize() == null ? DEFAULT_MEMORY_MB : r.containerSize(),
                        r.instanceProfile() == null ? DEFAULT_INSTANCE_CLASS : InstanceClasses.of(r.instanceProfile()),
                        false,
                        false,
                        false,
                        now,
                        now));
            }
        });
        String method = image != null ? "docker_image" : r.gitRef() != null ? "git" : current.deploymentMethod();
        store.save(current.deployed(method, now));
    }

    /** Process types: the Procfile if given, else the existing ones, else the implicit cmd. */
    private static Map<String, String> processes(OperationRequest r, List<Service> existing) {
        if (r.procfile() != null) {
            return Procfiles.parse(r.procfile());
        }
        Map<String, String> processes = new LinkedHashMap<>();
        if (existing.isEmpty()) {
            processes.put("cmd", r.command());
        } else {
            existing.forEach(s -> processes.put(s.processType(), s.command()));
        }
        return processes;
    }

    private void deprovision(App app, Instant now) {
        List<Service> services = services(app);
        Set<Long> serviceIds = services.stream().map(Service::id).collect(Collectors.toSet());
        services.forEach(s -> store.save(s.markDeleted(now)));
        store.vhosts().stream()
                .filter(v -> v.appId() == app.id() && !v.deleted())
                .forEach(v -> store.save(v.markDeleted(now)));
        store.configurations().stream()
                .filter(c -> c.appId() == app.id() && !c.deleted())
                .forEach(c -> store.save(new Configuration(c.id(), c.appId(), c.env(), true, c.createdAt())));
        store.operations().stream()
                .filter(o -> o.resource().isApp()
                        ? o.resource().id() == app.id()
                        : serviceIds.contains(o.resource().id()))
                .forEach(o -> store.save(o.markDeleted()));
        store.save(app.markDeleted(now));
    }

    private List<Service> services(App app) {
        return store.services().stream()
                .filter(s -> s.appId() == app.id() && !s.deleted())
                .toList();
    }

    private Optional<App> app(Operation op) {
        return op.resource().isApp() ? store.app(op.resource().id()).filter(a -> !a.deleted()) : Optional.empty();
    }

    private static String repository(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(0, at);
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    }

    private static String tag(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(at + 1);
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
    }
}
