package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.Account;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.domain.Backup;
import dev.ferry.simulator.aptible.domain.Database;
import dev.ferry.simulator.aptible.domain.DatabaseCredential;
import dev.ferry.simulator.aptible.domain.DatabaseImage;
import dev.ferry.simulator.aptible.domain.ProvisionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The database image catalogue, database creates and look-ups, credentials and backups. */
@ApplicationScoped
public class DatabaseService {

    /** Engines the simulator provisions; others are refused like an unknown type. */
    public static final Set<String> TYPES = Set.of("postgresql", "redis");

    private static final List<DatabaseImage> IMAGES = List.of(
            image(1016, "postgresql", "16", true),
            image(1015, "postgresql", "15", false),
            image(1014, "postgresql", "14", false),
            image(1013, "postgresql", "13", false),
            image(1012, "postgresql", "12", false),
            image(1070, "redis", "7.0", true),
            image(1062, "redis", "6.2", false));

    private final Store store;
    private final AccountService accounts;
    private final Clock clock;

    public DatabaseService(Store store, AccountService accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    private static DatabaseImage image(long id, String type, String version, boolean isDefault) {
        String name = type.equals("postgresql") ? "PostgreSQL" : "Redis";
        return new DatabaseImage(id, type, version, isDefault, "aptible/" + type + ":" + version, name + " " + version);
    }

    public List<DatabaseImage> images() {
        return IMAGES;
    }

    /** The catalogue image of a type and version, or the type's default when {@code version} is null. */
    public static Optional<DatabaseImage> imageFor(String type, String version) {
        return IMAGES.stream()
                .filter(i -> i.type().equals(type))
                .filter(i -> version == null ? i.isDefault() : i.version().equals(version))
                .findFirst();
    }

    /** The versions of a type in the catalogue, for error messages. */
    public static List<String> versionsOf(String type) {
        return IMAGES.stream()
                .filter(i -> i.type().equals(type))
                .map(DatabaseImage::version)
                .toList();
    }

    public DatabaseImage image(long id) {
        return IMAGES.stream()
                .filter(i -> i.id() == id)
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("DatabaseImage", id));
    }

    /** What {@code POST /accounts/{id}/databases} accepts. */
    public record NewDatabase(
            String handle,
            String type,
            Integer diskSizeGb,
            Integer containerSizeMb,
            Long imageId,
            Long initializeFrom) {}

    public Database create(long accountId, NewDatabase request) {
        Account account = accounts.get(accountId);
        String handle = Handles.require(request.handle());
        if (request.type() == null || request.type().isBlank()) {
            throw ApiException.unprocessable("Type can't be blank");
        }
        if (!TYPES.contains(request.type())) {
            throw ApiException.unprocessable("Type is not included in the list");
        }
        DatabaseImage image = request.imageId() == null
                ? IMAGES.stream()
                        .filter(i -> i.type().equals(request.type()) && i.isDefault())
                        .findFirst()
                        .orElseThrow()
                : IMAGES.stream()
                        .filter(i -> i.id() == request.imageId())
                        .findFirst()
                        .orElseThrow(() -> ApiException.unprocessable("Database image can't be blank"));
        if (!image.type().equals(request.type())) {
            throw ApiException.unprocessable("Database image " + image.type() + " " + image.version()
                    + " does not match type " + request.type());
        }
        int disk = request.diskSizeGb() == null ? 10 : request.diskSizeGb();
        int size = request.containerSizeMb() == null ? 1024 : request.containerSizeMb();
        if (disk <= 0 || size <= 0) {
            throw ApiException.unprocessable("initial_disk_size and initial_container_size must be positive");
        }
        return store.write(() -> {
            if (inAccount(account.id()).stream().anyMatch(d -> d.handle().equals(handle))) {
                throw Handles.taken();
            }
            Instant now = clock.instant();
            return store.save(new Database(
                    store.nextId(),
                    account.id(),
                    handle,
                    request.type(),
                    image.id(),
                    store.nextId(),
                    tlsCredentialId(request.type()),
                    ProvisionStatus.PENDING,
                    disk,
                    size,
                    null,
                    null,
                    null,
                    request.initializeFrom(),
                    false,
                    now,
                    now));
        });
    }

    public Database get(long id) {
        return store.database(id).filter(d -> !d.deleted()).orElseThrow(() -> ApiException.notFound("Database", id));
    }

    public List<Database> all() {
        return store.databases().stream().filter(d -> !d.deleted()).toList();
    }

    public List<Database> inAccount(long accountId) {
        return all().stream().filter(d -> d.accountId() == accountId).toList();
    }

    public List<Database> inExistingAccount(long accountId) {
        return inAccount(accounts.get(accountId).id());
    }

    /** {@code GET /find/database}: by handle, optionally within the environment with that handle. */
    public Database findByHandle(String handle, String environment) {
        if (handle == null || handle.isBlank()) {
            throw ApiException.badRequest("handle is required");
        }
        List<Database> candidates = environment == null || environment.isBlank()
                ? all()
                : inAccount(accounts.findByHandle(environment).id());
        List<Database> matches =
                candidates.stream().filter(d -> d.handle().equals(handle)).toList();
        if (matches.isEmpty()) {
            throw ApiException.notFoundBy("Database", "handle", handle);
        }
        if (matches.size() > 1) {
            throw new ApiException(
                    409,
                    "multiple_resources_found",
                    "Multiple databases exist with handle " + handle + "; pass environment to choose one");
        }
        return matches.get(0);
    }

    /** A credential by id; each database has one default credential, and Redis also a TLS one. */
    public DatabaseCredential credential(long credentialId) {
        return all().stream()
                .flatMap(d -> d.credentials().stream())
                .filter(c -> c.id() == credentialId)
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("DatabaseCredential", credentialId));
    }

    /** A new id for the TLS credential of a Redis database, null for other types. */
    public Long tlsCredentialId(String type) {
        return "redis".equals(type) ? store.nextId() : null;
    }

    public Optional<Database> replicaSource(Database db) {
        return db.initializeFrom() == null ? Optional.empty() : store.database(db.initializeFrom());
    }

    public List<Database> dependents(long id) {
        get(id);
        return all().stream()
                .filter(d -> d.initializeFrom() != null && d.initializeFrom() == id)
                .toList();
    }

    public Backup backup(long id) {
        return store.backup(id).orElseThrow(() -> ApiException.notFound("Backup", id));
    }

    public List<Backup> backupsOf(long databaseId) {
        store.database(databaseId).orElseThrow(() -> ApiException.notFound("Database", databaseId));
        return store.backups().stream()
                .filter(b -> b.databaseId() == databaseId)
                .toList();
    }

    public List<Backup> backupsInAccount(long accountId) {
        accounts.get(accountId);
        return store.backups().stream().filter(b -> b.accountId() == accountId).toList();
    }
}
