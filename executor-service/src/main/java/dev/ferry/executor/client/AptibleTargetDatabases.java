package dev.ferry.executor.client;

import dev.ferry.executor.data.TargetDatabases;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Target databases as Aptible knows them: the handle is found with {@code /find/database} and the URL
 * read from its default credential. The URL is a secret and is only handed to the data steps.
 */
@ApplicationScoped
public class AptibleTargetDatabases implements TargetDatabases {
    private final AptibleClient aptible;

    public AptibleTargetDatabases(AptibleClient aptible) {
        this.aptible = aptible;
    }

    @Override
    public Uni<String> connectionUrl(String handle) {
        return aptible.findDatabase(handle, null)
                .map(found -> found.orElseThrow(
                        () -> new IllegalStateException("Aptible has no database with the handle " + handle)))
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
}
