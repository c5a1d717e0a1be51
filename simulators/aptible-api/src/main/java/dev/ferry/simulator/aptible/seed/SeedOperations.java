package dev.ferry.simulator.aptible.seed;

import dev.ferry.simulator.aptible.config.SimulatorConfig;
import dev.ferry.simulator.aptible.domain.Operation;
import dev.ferry.simulator.aptible.domain.OperationRequest;
import dev.ferry.simulator.aptible.domain.OperationStatus;
import dev.ferry.simulator.aptible.domain.ResourceRef;
import dev.ferry.simulator.aptible.service.OperationService;
import dev.ferry.simulator.aptible.service.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Runs the operations that brought seeded resources to their state, as the first configured user, so that
 * their history ({@code last_operation}, {@code /operations}, logs) reads like that of created ones.
 */
@ApplicationScoped
public class SeedOperations {

    private static final String ERROR = " ERROR -- : ";

    private final OperationService operations;
    private final Store store;
    private final SimulatorConfig config;

    public SeedOperations(OperationService operations, Store store, SimulatorConfig config) {
        this.operations = operations;
        this.store = store;
        this.config = config;
    }

    /** Runs one operation to completion; a failed one (a backing server refusing) is an error. */
    public Operation run(ResourceRef resource, long accountId, OperationRequest request) {
        String email = config.users().isEmpty()
                ? "seed@aptible.invalid"
                : config.users().get(0).username();
        String name =
                config.users().isEmpty() ? "seed" : config.users().get(0).name().orElse(email.split("@")[0]);
        Operation op = operations.completeNow(resource, accountId, request, name, email);
        if (op.status() != OperationStatus.SUCCEEDED) {
            String reasons = String.join(
                    "; ",
                    store.logs(op.id()).stream()
                            .filter(line -> line.contains(ERROR))
                            .map(line -> line.substring(line.indexOf(ERROR) + ERROR.length()))
                            .filter(reason -> !reason.startsWith("Operation " + op.id() + " "))
                            .toList());
            throw new IllegalStateException(op.type() + " operation " + op.id() + " failed: " + reasons);
        }
        return op;
    }

    /** A request of one type with nothing else set. */
    public static OperationRequest request(String type) {
        return request(type, null, null, null, null, null, null, null);
    }

    /** A request with the fields seeds use; the others stay unset. */
    public static OperationRequest request(
            String type,
            Map<String, String> env,
            String gitRef,
            String dockerRef,
            Integer containerCount,
            Integer containerSize,
            String instanceProfile,
            String procfile) {
        return new OperationRequest(
                type,
                env,
                gitRef,
                dockerRef,
                containerCount,
                containerSize,
                instanceProfile,
                null,
                null,
                null,
                procfile,
                null,
                null);
    }

    /** An endpoint provision with its settings ({@code FORCE_SSL}, ...). */
    public static OperationRequest provision(Map<String, String> settings) {
        return new OperationRequest(
                "provision", null, null, null, null, null, null, null, null, null, null, null, settings);
    }
}
