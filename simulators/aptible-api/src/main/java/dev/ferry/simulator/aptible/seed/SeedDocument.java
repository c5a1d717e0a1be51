package dev.ferry.simulator.aptible.seed;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A seed file as a person writes it: parents named by handle, optional fields left out, snake_case keys as
 * in the Deploy API. {@link SeedValidator} checks it; {@link Seeder} turns it into resources.
 *
 * @param description free text for the reader of the file, ignored by the simulator
 */
public record SeedDocument(
        String description,
        List<StackSpec> stacks,
        List<AccountSpec> accounts,
        List<AppSpec> apps,
        List<DatabaseSpec> databases,
        List<LogDrainSpec> logDrains) {

    public SeedDocument {
        stacks = orEmpty(stacks);
        accounts = orEmpty(accounts);
        apps = orEmpty(apps);
        databases = orEmpty(databases);
        logDrains = orEmpty(logDrains);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /**
     * A stack besides the two built-in ones: dedicated to {@code organization_id} (default: the simulator's
     * organization) unless {@code shared}. Region defaults to {@code us-east-1}.
     */
    public record StackSpec(String name, String region, Boolean shared, String organizationId) {}

    /** An environment; {@code stack} is a stack's name (default: the shared stack). */
    public record AccountSpec(String handle, String type, String name, String stack, String organizationId) {}

    /**
     * An app of the environment {@code account}. With {@code docker_image} or {@code git_ref} it has been
     * deployed: its {@code services} (default: one {@code cmd} service) run; without, it is {@code pending}.
     */
    public record AppSpec(
            String account,
            String handle,
            String dockerImage,
            String gitRef,
            Map<String, String> env,
            List<ServiceSpec> services,
            List<EndpointSpec> endpoints) {

        public AppSpec {
            env = env == null ? Map.of() : env;
            services = orEmpty(services);
            endpoints = orEmpty(endpoints);
        }

        public boolean deployed() {
            return dockerImage != null || gitRef != null;
        }
    }

    /** A process type; sizes default to 1 container of 1024 MB on the {@code m} profile, as a deploy does. */
    public record ServiceSpec(
            String processType,
            String command,
            Integer containerCount,
            Integer containerSize,
            String instanceProfile) {}

    /** An endpoint of the app's service {@code service}; provisioned unless {@code provisioned} is false. */
    public record EndpointSpec(
            String service,
            String type,
            String platform,
            Boolean internal,
            @JsonProperty("default") Boolean isDefault,
            Boolean acme,
            String userDomain,
            List<String> ipWhitelist,
            Integer containerPort,
            List<Integer> containerPorts,
            Map<String, String> settings,
            Boolean provisioned) {}

    /**
     * A database of the environment {@code account}; {@code version} picks an image of the catalogue (default:
     * the type's default). Provisioned unless {@code provisioned} is false.
     */
    public record DatabaseSpec(
            String account,
            String handle,
            String type,
            String version,
            Integer diskSize,
            Integer containerSize,
            Boolean provisioned) {}

    /** A log drain of the environment {@code account}; provisioned unless {@code provisioned} is false. */
    public record LogDrainSpec(
            String account,
            String handle,
            String drainType,
            String drainHost,
            String drainPort,
            String url,
            String loggingToken,
            String drainUsername,
            Boolean drainApps,
            Boolean drainDatabases,
            Boolean drainEphemeralSessions,
            Boolean drainProxies,
            Boolean provisioned) {}
}
