package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.AccessToken;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.domain.App;
import dev.ferry.simulator.aptible.domain.Database;
import dev.ferry.simulator.aptible.domain.LogDrain;
import dev.ferry.simulator.aptible.domain.Operation;
import dev.ferry.simulator.aptible.domain.OperationRequest;
import dev.ferry.simulator.aptible.domain.OperationStatus;
import dev.ferry.simulator.aptible.domain.ProvisionStatus;
import dev.ferry.simulator.aptible.domain.ResourceRef;
import dev.ferry.simulator.aptible.domain.Service;
import dev.ferry.simulator.aptible.domain.Vhost;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Validates and enqueues operations on every kind of resource, cancels them, and reads them back. */
@ApplicationScoped
public class OperationService {

    /** Operation types an app accepts. */
    public static final Set<String> APP_TYPES =
            Set.of("configure", "deploy", "restart", "captain_comeback_restart", "rebuild", "scale", "deprovision");

    /** Operation types a service accepts. */
    public static final Set<String> SERVICE_TYPES = Set.of("scale", "restart");

    /** Operation types a database accepts. */
    public static final Set<String> DATABASE_TYPES =
            Set.of("provision", "deprovision", "backup", "restart", "reload", "modify", "replicate");

    /** Operation types an endpoint accepts. */
    public static final Set<String> VHOST_TYPES = Set.of("provision", "deprovision", "renew");

    /** Operation types a log drain accepts; an empty configure restarts it. */
    public static final Set<String> LOG_DRAIN_TYPES = Set.of("provision", "deprovision", "configure");

    private final Store store;
    private final AppService apps;
    private final DatabaseService databases;
    private final EndpointService endpoints;
    private final LogDrainService logDrains;
    private final FaultService faults;
    private final OperationRunner runner;
    private final OperationEffects effects;
    private final Clock clock;

    public OperationService(
            Store store,
            AppService apps,
            DatabaseService databases,
            EndpointService endpoints,
            LogDrainService logDrains,
            FaultService faults,
            OperationRunner runner,
            OperationEffects effects,
            Clock clock) {
        this.store = store;
        this.apps = apps;
        this.databases = databases;
        this.endpoints = endpoints;
        this.logDrains = logDrains;
        this.faults = faults;
        this.runner = runner;
        this.effects = effects;
        this.clock = clock;
    }

    public Operation createForApp(long appId, OperationRequest request, AccessToken token) {
        App app = apps.get(appId);
        requireType(request, APP_TYPES);
        switch (request.type()) {
            case "configure" -> {
                if (request.env() == null) {
                    throw ApiException.unprocessable("Env can't be blank for a configure operation");
                }
            }
            case "deploy" -> {
                if (request.dockerRef() == null
                        && request.gitRef() == null
                        && app.status() != ProvisionStatus.PROVISIONED) {
                    throw ApiException.unprocessable(
                            "A docker_image or git_ref is required to deploy an app that has" + " never been deployed");
                }
                if (request.procfile() != null) {
                    Procfiles.parse(request.procfile());
                }
            }
            case "scale" -> {
                requireScaleChange(request);
                if (apps.services(appId).isEmpty()) {
                    throw ApiException.unprocessable("App has no services to scale");
                }
            }
            default -> {
                // restart, rebuild, deprovision need nothing more
            }
        }
        return enqueue(ResourceRef.app(app.id()), app.accountId(), request, token);
    }

    public Operation createForService(long serviceId, OperationRequest request, AccessToken token) {
        Service service = apps.service(serviceId);
        requireType(request, SERVICE_TYPES);
        if ("scale".equals(request.type())) {
            requireScaleChange(request);
        }
        return enqueue(ResourceRef.service(service.id()), service.accountId(), request, token);
    }

    public Operation createForDatabase(long databaseId, OperationRequest request, AccessToken token) {
        Database db = databases.get(databaseId);
        requireType(request, DATABASE_TYPES);
        switch (request.type()) {
            case "provision" -> {
                if (db.status() == ProvisionStatus.PROVISIONED) {
                    throw ApiException.unprocessable("Database " + db.handle() + " is already provisioned");
                }
            }
            case "replicate" -> {
                String handle = Handles.require(request.handle());
                if (db.status() != ProvisionStatus.PROVISIONED) {
                    throw ApiException.unprocessable("Only a provisioned database can be replicated");
                }
                if (databases.inAccount(db.accountId()).stream()
                        .anyMatch(d -> d.handle().equals(handle))) {
                    throw Handles.taken();
                }
            }
            case "backup", "restart", "reload", "modify" -> {
                if (db.status() != ProvisionStatus.PROVISIONED) {
                    throw ApiException.unprocessable("Database " + db.handle() + " is not provisioned");
                }
            }
            default -> {
                // deprovision needs nothing more
            }
        }
        return enqueue(ResourceRef.database(db.id()), db.accountId(), request, token);
    }

    public Operation createForVhost(long vhostId, OperationRequest request, AccessToken token) {
        Vhost vhost = endpoints.get(vhostId);
        requireType(request, VHOST_TYPES);
        if ("renew".equals(request.type()) && !vhost.acme()) {
            throw ApiException.unprocessable("Only a Managed TLS endpoint can be renewed");
        }
        return enqueue(ResourceRef.vhost(vhost.id()), vhost.accountId(), request, token);
    }

    public Operation createForLogDrain(long drainId, OperationRequest request, AccessToken token) {
        LogDrain drain = logDrains.get(drainId);
        requireType(request, LOG_DRAIN_TYPES);
        return enqueue(ResourceRef.logDrain(drain.id()), drain.accountId(), request, token);
    }

    /** {@code PUT /operations/{id} {"cancelled": true}}: a queued or running operation ends failed. */
    public Operation cancel(long id) {
        get(id);
        return effects.cancel(id);
    }

    public Operation get(long id) {
        return store.operation(id).filter(o -> !o.deleted()).orElseThrow(() -> ApiException.notFound("Operation", id));
    }

    /** The operation's log so far, one line per event. */
    public List<String> logs(long id) {
        get(id);
        return store.logs(id);
    }

    public List<Operation> forApp(long appId) {
        apps.get(appId);
        return forResource(ResourceRef.app(appId));
    }

    public List<Operation> forService(long serviceId) {
        apps.service(serviceId);
        return forResource(ResourceRef.service(serviceId));
    }

    public List<Operation> forDatabase(long id) {
        databases.get(id);
        return forResource(ResourceRef.database(id));
    }

    public List<Operation> forVhost(long id) {
        endpoints.get(id);
        return forResource(ResourceRef.vhost(id));
    }

    public List<Operation> forLogDrain(long id) {
        logDrains.get(id);
        return forResource(ResourceRef.logDrain(id));
    }

    public List<Operation> forAccount(long accountId) {
        return store.operations().stream()
                .filter(o -> !o.deleted() && o.accountId() == accountId)
                .toList();
    }

    private List<Operation> forResource(ResourceRef ref) {
        return store.operations().stream()
                .filter(o -> !o.deleted() && o.resource().equals(ref))
                .toList();
    }

    /**
     * Runs an operation from queued to finished at once, without the timer and without injected faults: how
     * a seed brings its resources into the state that the same API calls would have left them in.
     */
    public Operation completeNow(
            ResourceRef resource, long accountId, OperationRequest request, String userName, String userEmail) {
        Operation operation = record(resource, accountId, request, userName, userEmail, false, 0);
        effects.begin(operation.id());
        effects.finish(operation.id());
        return store.operation(operation.id()).orElseThrow();
    }

    private Operation enqueue(ResourceRef resource, long accountId, OperationRequest request, AccessToken token) {
        long runningMs = faults.runningMs(request.type());
        Operation operation = record(
                resource,
                accountId,
                request,
                token.userName(),
                token.email(),
                faults.shouldFail(request.type()),
                runningMs);
        runner.start(operation.id(), runningMs);
        return operation;
    }

    private Operation record(
            ResourceRef resource,
            long accountId,
            OperationRequest request,
            String userName,
            String userEmail,
            boolean fail,
            long runningMs) {
        return store.write(() -> {
            Instant now = clock.instant();
            Operation created = store.save(new Operation(
                    store.nextId(),
                    request.type(),
                    OperationStatus.QUEUED,
                    resource,
                    accountId,
                    request,
                    userName,
                    userEmail,
                    fail,
                    runningMs,
                    false,
                    false,
                    now,
                    now));
            if (resource.isApp()) {
                store.app(resource.id())
                        .ifPresent(a -> store.save(a.withOperation(created.id(), "deploy".equals(request.type()))));
            } else if (resource.is("databases")) {
                store.database(resource.id()).ifPresent(d -> store.save(d.withOperation(created.id())));
            }
            store.log(
                    created.id(),
                    OperationLogs.line(
                            now,
                            "Queued " + request.type() + " operation " + created.id() + " on " + resource.path()
                                    + " for " + userEmail));
            return created;
        });
    }

    private static void requireType(OperationRequest request, Set<String> allowed) {
        if (request.type() == null || request.type().isBlank()) {
            throw ApiException.unprocessable("Type can't be blank");
        }
        if (!allowed.contains(request.type())) {
            throw ApiException.unprocessable("Type is not included in the list");
        }
    }

    private static void requireScaleChange(OperationRequest request) {
        if (request.containerCount() == null && request.containerSize() == null && request.instanceProfile() == null) {
            throw ApiException.unprocessable(
                    "A scale operation needs container_count, container_size or" + " instance_profile");
        }
    }
}
