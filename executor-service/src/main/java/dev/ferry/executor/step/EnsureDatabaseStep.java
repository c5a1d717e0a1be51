package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.client.AptibleApiException;
import dev.ferry.executor.client.AptibleClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Ensures a provisioned Aptible database with the planned engine, version and sizes: found by handle and
 * compared (a difference is a conflict), or created from the catalogue's image and provisioned. Its
 * connection URL is checked to exist but never leaves this class. Rollback deprovisions it only if this
 * migration created it.
 */
@ApplicationScoped
public class EnsureDatabaseStep implements StepHandler {
    private final AptibleClient aptible;
    private final AptibleOperations operations;

    public EnsureDatabaseStep(AptibleClient aptible, AptibleOperations operations) {
        this.aptible = aptible;
        this.operations = operations;
    }

    @Override
    public String type() {
        return "ensure-database";
    }

    private record Wanted(String environment, String handle, String engine, String version, int diskGb, int sizeMb) {}

    private static Wanted wanted(StepContext context) {
        return new Wanted(
                StepSupport.required(context, "environment"),
                StepSupport.required(context, "handle"),
                StepSupport.required(context, "engine"),
                StepSupport.required(context, "version"),
                StepSupport.integer(context, "diskSizeGb", 10),
                StepSupport.integer(context, "containerSizeMb", 1024));
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        Wanted w = wanted(context);
        return aptible.findDatabase(w.handle(), w.environment()).flatMap(found -> {
            if (found.isPresent()) {
                return compare(found.get(), w)
                        .flatMap(differences -> differences.isEmpty()
                                ? provisioned(context, found.get(), w, false)
                                : StepSupport.fail(StepSupport.conflict("Database " + w.handle(), differences)));
            }
            return image(w).map(image -> image.orElseThrow(() ->
                            new StepException("Aptible has no " + w.engine() + " " + w.version() + " image", false)))
                    .flatMap(image -> aptible.findEnvironment(w.environment())
                            .map(env -> env.orElseThrow(() -> new StepException(
                                    "Environment " + w.environment() + " does not exist; its step must succeed first",
                                    true)))
                            .flatMap(env -> create(env, image, w)))
                    .flatMap(db -> StepSupport.record(
                                    context,
                                    StepSupport.CREATED,
                                    Long.toString(AptibleClient.id(db)),
                                    AptibleClient.path(db))
                            .replaceWith(db))
                    .flatMap(db -> provisioned(context, db, w, true));
        });
    }

    private Uni<JsonNode> create(JsonNode env, JsonNode image, Wanted w) {
        Map<String, Object> body = new TreeMap<>();
        body.put("handle", w.handle());
        body.put("type", w.engine());
        body.put("initial_disk_size", w.diskGb());
        body.put("initial_container_size", w.sizeMb());
        body.put("database_image", AptibleClient.href(image, "self"));
        return aptible.createDatabase(AptibleClient.id(env), body)
                .onFailure(e -> e instanceof AptibleApiException a && a.status() == 422)
                .recoverWithUni(e -> aptible.findDatabase(w.handle(), w.environment())
                        .map(again -> again.orElseThrow(() -> (AptibleApiException) e)));
    }

    /** Provisions the database unless it is, then checks it is provisioned with a connection URL. */
    private Uni<StepOutcome> provisioned(StepContext context, JsonNode db, Wanted w, boolean created) {
        String path = AptibleClient.path(db);
        Uni<Long> provision = "provisioned".equals(db.path("status").asText())
                ? Uni.createFrom().item((Long) null)
                : operations
                        .run(
                                context,
                                path,
                                Map.of("type", "provision", "container_size", w.sizeMb(), "disk_size", w.diskGb()),
                                "database " + w.handle())
                        .map(op -> op.id());
        return provision.flatMap(opId -> aptible.get(path).flatMap(current -> {
            if (!"provisioned".equals(current.path("status").asText())) {
                return StepSupport.<StepOutcome>fail(new StepException(
                        "Database " + w.handle() + " is "
                                + current.path("status").asText() + " after provisioning",
                        true));
            }
            return aptible.connectionUrl(current).map(url -> {
                if (url.isEmpty()) {
                    throw new StepException("Database " + w.handle() + " has no connection URL", true);
                }
                Map<String, String> outputs = new TreeMap<>();
                outputs.put("databaseId", Long.toString(AptibleClient.id(current)));
                outputs.put("databaseHandle", w.handle());
                outputs.put("engine", w.engine());
                outputs.put("version", w.version());
                outputs.put("created", Boolean.toString(created));
                if (opId != null) {
                    outputs.put("operationId", Long.toString(opId));
                }
                String summary = opId == null
                        ? "Database " + w.handle() + " (" + w.engine() + " " + w.version() + ") already provisioned"
                        : (created ? "Created and provisioned" : "Provisioned") + " database " + w.handle() + " ("
                                + w.engine() + " " + w.version() + ", operation " + opId + ")";
                return new StepOutcome(summary, outputs);
            });
        }));
    }

    @Override
    public Uni<StepOutcome> compensate(StepContext context) {
        Wanted w = wanted(context);
        if (!StepSupport.createdHere(context)) {
            return Uni.createFrom().item(new StepOutcome("Database " + w.handle() + " existed before; kept", Map.of()));
        }
        return aptible.findDatabase(w.handle(), w.environment())
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom()
                                .item(new StepOutcome("Database " + w.handle() + " is already gone", Map.of()))
                        : operations
                                .run(
                                        context,
                                        AptibleClient.path(found.get()),
                                        Map.of("type", "deprovision"),
                                        "database " + w.handle())
                                .map(op -> new StepOutcome(
                                        "Deprovisioned database " + w.handle() + " (operation " + op.id() + ")",
                                        Map.of())));
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        Wanted w;
        try {
            w = wanted(context);
        } catch (StepException e) {
            return StepSupport.problems(List.of(e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (!StepSupport.validHandle(w.handle())) {
            problems.add("Database handle '" + w.handle() + "' is not a valid Aptible handle");
        }
        return image(w).flatMap(image -> {
                    if (image.isEmpty()) {
                        problems.add("Aptible offers no " + w.engine() + " " + w.version() + " image");
                    }
                    return aptible.findDatabase(w.handle(), w.environment())
                            .onFailure(e -> e instanceof AptibleApiException a && a.status() == 404)
                            .recoverWithItem(Optional.empty());
                })
                .flatMap(found -> found.isEmpty() ? Uni.createFrom().item(List.<String>of()) : compare(found.get(), w))
                .map(differences -> {
                    if (!differences.isEmpty()) {
                        problems.add("Database " + w.handle() + " already exists with different settings: "
                                + String.join("; ", differences));
                    }
                    return List.copyOf(problems);
                })
                .onFailure(e -> e instanceof AptibleApiException a && (a.status() == 401 || a.status() == 403))
                .recoverWithItem(e -> List.of("The Aptible token cannot read databases: " + e.getMessage()));
    }

    private Uni<Optional<JsonNode>> image(Wanted w) {
        return aptible.databaseImages()
                .map(images -> images.stream()
                        .filter(i -> w.engine().equals(i.path("type").asText())
                                && w.version().equals(i.path("version").asText()))
                        .findFirst());
    }

    /** How an existing database differs from the plan: engine, version, disk and container size. */
    private Uni<List<String>> compare(JsonNode db, Wanted w) {
        List<String> differences = new ArrayList<>();
        if (!w.engine().equals(db.path("type").asText())) {
            differences.add("engine is " + db.path("type").asText() + ", plan says " + w.engine());
        }
        int disk = db.path("_embedded")
                .path("disk")
                .path("size")
                .asInt(db.path("initial_disk_size").asInt());
        if (disk != w.diskGb()) {
            differences.add("disk is " + disk + " GB, plan says " + w.diskGb() + " GB");
        }
        int size = db.path("initial_container_size").asInt();
        if (size != w.sizeMb()) {
            differences.add("container is " + size + " MB, plan says " + w.sizeMb() + " MB");
        }
        String imageHref = AptibleClient.href(db, "database_image");
        if (imageHref == null) {
            return Uni.createFrom().item(differences);
        }
        return aptible.get(imageHref).map(image -> {
            if (!w.version().equals(image.path("version").asText())) {
                differences.add("version is " + image.path("version").asText() + ", plan says " + w.version());
            }
            return differences;
        });
    }
}
