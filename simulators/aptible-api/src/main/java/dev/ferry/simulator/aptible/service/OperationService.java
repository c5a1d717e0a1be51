package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.AccessToken;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.domain.App;
import dev.ferry.simulator.aptible.domain.Operation;
import dev.ferry.simulator.aptible.domain.OperationRequest;
import dev.ferry.simulator.aptible.domain.OperationStatus;
import dev.ferry.simulator.aptible.domain.ProvisionStatus;
import dev.ferry.simulator.aptible.domain.ResourceRef;
import dev.ferry.simulator.aptible.domain.Service;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Validates and enqueues operations, and reads them back. */
@ApplicationScoped
public class OperationService {

    /** Operation types an app accepts. */
    public static final Set<String> APP_TYPES =
            Set.of("configure", "deploy", "restart", "captain_comeback_restart", "rebuild", "scale", "deprovision");

    /** Operation types a service accepts. */
    public static final Set<String> SERVICE_TYPES = Set.of("scale", "restart");

    private final Store store;
    private final AppService apps;
    private final FaultService faults;
    private final OperationRunner runner;
    private final Clock clock;

    public OperationService(Store store, AppService apps, FaultService faults, OperationRunner runner, Clock clock) {
        this.store = store;
        this.apps = apps;
        this.faults = faults;
        this.runner = runner;
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

    public Operation get(long id) {
        return store.operation(id).filter(o -> !o.deleted()).orElseThrow(() -> ApiException.notFound("Operation", id));
    }

    public List<Operation> forApp(long appId) {
        apps.get(appId);
        return forResource(ResourceRef.app(appId));
    }

    public List<Operation> forService(long serviceId) {
        apps.service(serviceId);
        return forResource(ResourceRef.service(serviceId));
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

    private Operation enqueue(ResourceRef resource, long accountId, OperationRequest request, AccessToken token) {
        Operation operation = store.write(() -> {
            Instant now = clock.instant();
            Operation created = store.save(new Operation(
                    store.nextId(),
                    request.type(),
                    OperationStatus.QUEUED,
                    resource,
                    accountId,
                    request,
                    token.userName(),
                    token.email(),
                    faults.shouldFail(request.type()),
                    false,
                    now,
                    now));
            if (resource.isApp()) {
                store.app(resource.id())
                        .ifPresent(a -> store.save(a.withOperation(created.id(), "deploy".equals(request.type()))));
            }
            return created;
        });
        runner.start(operation.id());
        return operation;
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
