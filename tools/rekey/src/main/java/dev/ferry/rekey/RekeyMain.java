package dev.ferry.rekey;

import dev.ferry.rekey.cli.Options;
import dev.ferry.rekey.db.CanaryStore;
import dev.ferry.rekey.kafka.Clients;
import dev.ferry.rekey.kafka.TopicAdmin;
import dev.ferry.rekey.secret.KeyRing;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The {@code ferry-rekey} command: re-seals the event log under the active key and retires old keys. */
public final class RekeyMain {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private RekeyMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err, Rekeyer.Checkpoints.NONE));
    }

    /** Runs one command; returns the exit status. Never prints key material or a secret value. */
    public static int run(
            String[] args, Map<String, String> env, PrintStream out, PrintStream err, Rekeyer.Checkpoints checkpoints) {
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (Options.UsageException e) {
            err.println("ferry-rekey: " + e.getMessage());
            err.print(Options.USAGE);
            return USAGE;
        }
        if (options.command() == Options.Command.HELP) {
            out.print(Options.USAGE);
            return OK;
        }
        Clients clients = new Clients(options.bootstrap(), options.commandConfig());
        try (TopicAdmin admin = new TopicAdmin(clients.admin())) {
            if (options.command() == Options.Command.RETIRE) {
                List<CanaryStore> databases = options.jdbcUrls().stream()
                        .map(url -> new CanaryStore(url, env.get("PG_USER"), env.get("PG_PASSWORD")))
                        .toList();
                new Retirer(clients, admin, out)
                        .retire(options.retireKeyId(), env.get(KeyRing.KEY_ID), options.topics(), databases);
            } else {
                KeyRing keys = KeyRing.fromEnvironment(env);
                Rekeyer.Mode mode = options.dryRun()
                        ? Rekeyer.Mode.DRY_RUN
                        : options.commit() ? Rekeyer.Mode.COMMIT : Rekeyer.Mode.STAGE;
                new Rekeyer(clients, admin, keys, out, checkpoints).run(options.topics(), mode);
            }
            return OK;
        } catch (CrashForTests e) {
            throw e;
        } catch (Exception e) {
            err.println("ferry-rekey: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return FAILED;
        }
    }

    /** Thrown by a test's checkpoint to stop a run as a crash would; never caught here. */
    public static class CrashForTests extends RuntimeException {
        public CrashForTests(String message) {
            super(message);
        }
    }
}
