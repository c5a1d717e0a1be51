package dev.ferry.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/** Gives a {@code @QuarkusTest} a real PostgreSQL server and a database named after the service. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private LocalPostgres postgres;
    private String database = "ferry";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        postgres = LocalPostgres.start(Path.of("target", "embedded-pg"));
        postgres.createDatabase(database);
        return Map.of(
                "quarkus.datasource.reactive.url",
                postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url",
                postgres.jdbcUrl(database),
                "quarkus.datasource.username",
                LocalPostgres.USER,
                "quarkus.datasource.password",
                LocalPostgres.PASSWORD);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
