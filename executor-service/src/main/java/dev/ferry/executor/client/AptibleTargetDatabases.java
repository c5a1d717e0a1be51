package dev.ferry.executor.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.data.TargetDatabases;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Target databases as Aptible knows them: by the id the provisioning step recorded, else found with
 * {@code /find/database} (within the step's environment when it names one), and the URL read from
 * its default credential. The URL is a secret and is only handed to the data steps.
 */
@ApplicationScoped
public class AptibleTargetDatabases implements TargetDatabases {
    private final AptibleClient aptible;

    public AptibleTargetDatabases(AptibleClient aptible) {
        this.aptible = aptible;
    }

    @Override
    public Uni<String> connectionUrl(Target target) {
        String handle = target.handle();
        return find(target)
                .map(found -> found.orElseThrow(
                        () -> new IllegalStateException("Aptible has no database with the handle " + handle
                                + (target.environment() == null ? "" : " in environment " + target.environment()))))
                .flatMap(db -> {
                    if (!"provisioned".equals(db.path("status").asText())) {
                        return Uni.createFrom()
                                .failure(new IllegalStateException("Aptible database " + handle + " is "
                                        + db.path("status").asText() + ", not provisioned"));
                    }
                    return aptible.connectionUrl(db);
                })
                .map(url -> url.orElseThrow(
                        () -> new IllegalStateException("Aptible database " + handle + " has no connection URL")));
    }

    /** By the recorded id when there is one (and it still carries the handle), else by handle. */
    private Uni<Optional<JsonNode>> find(Target target) {
        if (target.id() == null) {
            return aptible.findDatabase(target.handle(), target.environment());
        }
        return aptible.database(target.id()).flatMap(found -> {
            if (found.isPresent()
                    && target.handle().equals(found.get().path("handle").asText())) {
                return Uni.createFrom().item(found);
            }
            return aptible.findDatabase(target.handle(), target.environment());
        });
    }
}
