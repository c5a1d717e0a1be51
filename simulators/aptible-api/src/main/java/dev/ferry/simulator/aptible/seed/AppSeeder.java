package dev.ferry.simulator.aptible.seed;

import dev.ferry.simulator.aptible.domain.Account;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.domain.App;
import dev.ferry.simulator.aptible.domain.InstanceClasses;
import dev.ferry.simulator.aptible.domain.ResourceRef;
import dev.ferry.simulator.aptible.domain.Service;
import dev.ferry.simulator.aptible.domain.Vhost;
import dev.ferry.simulator.aptible.seed.SeedDocument.AppSpec;
import dev.ferry.simulator.aptible.seed.SeedDocument.EndpointSpec;
import dev.ferry.simulator.aptible.seed.SeedDocument.ServiceSpec;
import dev.ferry.simulator.aptible.service.AppService;
import dev.ferry.simulator.aptible.service.EndpointService;
import dev.ferry.simulator.aptible.service.EndpointService.NewVhost;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Creates a seeded app the way a client would have: {@code POST /accounts/{id}/apps}, then a deploy (or a
 * configure), a scale per service that differs from a deploy's defaults, and its endpoints, provisioned.
 */
@ApplicationScoped
public class AppSeeder {

    private static final int DEPLOYED_COUNT = 1;
    private static final int DEPLOYED_SIZE_MB = 1024;
    private static final String DEPLOYED_CLASS = "m5";

    private final AppService apps;
    private final EndpointService endpoints;
    private final SeedOperations operations;

    public AppSeeder(AppService apps, EndpointService endpoints, SeedOperations operations) {
        this.apps = apps;
        this.endpoints = endpoints;
        this.operations = operations;
    }

    /** Creates the app with its history; {@code where} names the seed entry in errors. */
    public App seed(String where, Account account, AppSpec spec) {
        App app = SeedStep.run(where, () -> apps.create(account.id(), spec.handle()));
        ResourceRef ref = ResourceRef.app(app.id());
        if (spec.deployed()) {
            SeedStep.run(
                    where + " deploy",
                    () -> operations.run(
                            ref,
                            account.id(),
                            SeedOperations.request(
                                    "deploy",
                                    spec.env().isEmpty() ? null : spec.env(),
                                    spec.gitRef(),
                                    spec.dockerImage(),
                                    null,
                                    null,
                                    null,
                                    procfile(spec))));
            for (int i = 0; i < spec.services().size(); i++) {
                scale(where + " services[" + i + "]", app, spec.services().get(i));
            }
        } else if (!spec.env().isEmpty()) {
            SeedStep.run(
                    where + " configure",
                    () -> operations.run(
                            ref,
                            account.id(),
                            SeedOperations.request("configure", spec.env(), null, null, null, null, null, null)));
        }
        for (int i = 0; i < spec.endpoints().size(); i++) {
            endpoint(where + " endpoints[" + i + "]", app, spec.endpoints().get(i));
        }
        return app;
    }

    /** The services as Procfile lines, or null for the implicit {@code cmd} service. */
    private static String procfile(AppSpec spec) {
        if (spec.services().isEmpty()) {
            return null;
        }
        return spec.services().stream()
                .map(s -> s.processType() + ": " + s.command())
                .collect(Collectors.joining("\n"));
    }

    private void scale(String where, App app, ServiceSpec spec) {
        boolean count = spec.containerCount() != null && spec.containerCount() != DEPLOYED_COUNT;
        boolean size = spec.containerSize() != null && spec.containerSize() != DEPLOYED_SIZE_MB;
        boolean profile = spec.instanceProfile() != null
                && !Objects.equals(InstanceClasses.of(spec.instanceProfile()), DEPLOYED_CLASS);
        if (!count && !size && !profile) {
            return;
        }
        Service service = service(app, spec.processType());
        SeedStep.run(
                where + " scale",
                () -> operations.run(
                        ResourceRef.service(service.id()),
                        service.accountId(),
                        SeedOperations.request(
                                "scale",
                                null,
                                null,
                                null,
                                spec.containerCount(),
                                spec.containerSize(),
                                spec.instanceProfile(),
                                null)));
    }

    private void endpoint(String where, App app, EndpointSpec spec) {
        Vhost vhost = SeedStep.run(
                where,
                () -> endpoints.create(
                        service(app, spec.service()).id(),
                        new NewVhost(
                                spec.type() == null ? "http" : spec.type(),
                                spec.platform(),
                                spec.internal(),
                                spec.isDefault(),
                                spec.acme(),
                                spec.userDomain(),
                                spec.ipWhitelist(),
                                spec.containerPort(),
                                spec.containerPorts(),
                                null)));
        if (!Boolean.FALSE.equals(spec.provisioned())) {
            SeedStep.run(
                    where + " provision",
                    () -> operations.run(
                            ResourceRef.vhost(vhost.id()),
                            vhost.accountId(),
                            SeedOperations.provision(spec.settings())));
        }
    }

    private Service service(App app, String processType) {
        return apps.services(app.id()).stream()
                .filter(s -> s.processType().equals(processType))
                .findFirst()
                .orElseThrow(
                        () -> ApiException.unprocessable("App " + app.handle() + " has no service " + processType));
    }
}
