package dev.ferry.rekey.cli;

import dev.ferry.events.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line: what to do and where. Key material is never an option; it comes from the
 * environment like the services take it.
 */
public record Options(
        Command command,
        boolean dryRun,
        boolean commit,
        String bootstrap,
        Path commandConfig,
        List<String> topics,
        String retireKeyId,
        List<String> jdbcUrls) {

    public enum Command {
        REKEY,
        RETIRE,
        HELP
    }

    public static final String USAGE = """
            Usage:
              ferry-rekey [--dry-run | --commit] [--bootstrap HOST:PORT] [--command-config FILE] [--topics T1,T2]
              ferry-rekey retire --key-id ID --jdbc URL [--jdbc URL ...] [--bootstrap HOST:PORT] [--command-config FILE]

            Re-seals every sealed value in Ferry's topics under the active key. Stop every service first.
              (no flag)   copy each topic, re-sealed, to <topic>.rekey-staging and verify it; originals untouched
              --commit    also replace each original by its verified copy (same name, partitions, configs)
              --dry-run   only count the sealed values per key id and check that every one opens
            retire: once the topics are re-keyed and every projection rebuilt, checks that nothing refers to
              the key any more and removes its start-up canary from each service database.

            Keys come from the environment, as the services take them: FERRY_SECRETS_KEY (key k1),
            FERRY_SECRETS_KEYS_<ID> (other keys), FERRY_SECRETS_KEY_ID (the key to re-seal with).
            KAFKA_BOOTSTRAP is the default for --bootstrap; PG_USER / PG_PASSWORD log in to the databases.
            """;

    /** Parses the arguments; throws {@link UsageException} on anything it does not understand. */
    public static Options parse(String[] args, Map<String, String> env) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        Command command = Command.REKEY;
        if (!rest.isEmpty() && rest.get(0).equals("retire")) {
            command = Command.RETIRE;
            rest.remove(0);
        } else if (!rest.isEmpty() && rest.get(0).equals("rekey")) {
            rest.remove(0);
        }
        boolean dryRun = false;
        boolean commit = false;
        String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP", null);
        Path commandConfig = null;
        List<String> topics = Topics.ALL.stream().map(Topics.TopicSpec::name).toList();
        String keyId = null;
        List<String> jdbc = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (arg) {
                case "--dry-run" -> dryRun = true;
                case "--commit" -> commit = true;
                case "--bootstrap" -> bootstrap = value(rest, ++i, arg);
                case "--command-config" -> commandConfig = Path.of(value(rest, ++i, arg));
                case "--topics" -> topics = List.of(value(rest, ++i, arg).split(","));
                case "--key-id" -> keyId = value(rest, ++i, arg);
                case "--jdbc" -> jdbc.add(value(rest, ++i, arg));
                case "-h", "--help" -> command = Command.HELP;
                default -> throw new UsageException("Unknown argument " + printable(arg));
            }
        }
        if (command == Command.HELP) {
            return new Options(command, false, false, null, null, List.of(), null, List.of());
        }
        if (dryRun && commit) {
            throw new UsageException("--dry-run and --commit exclude each other");
        }
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new UsageException("Say where Kafka is: --bootstrap HOST:PORT or KAFKA_BOOTSTRAP");
        }
        if (command == Command.RETIRE) {
            if (keyId == null || jdbc.isEmpty()) {
                throw new UsageException(
                        "retire needs --key-id and at least one --jdbc URL (one per service database)");
            }
            if (dryRun || commit) {
                throw new UsageException("retire takes neither --dry-run nor --commit");
            }
        } else if (keyId != null || !jdbc.isEmpty()) {
            throw new UsageException("--key-id and --jdbc belong to the retire command");
        }
        return new Options(command, dryRun, commit, bootstrap, commandConfig, topics, keyId, List.copyOf(jdbc));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    /** An argument as it may be echoed: a mistyped key pasted on the command line is not printed back. */
    private static String printable(String arg) {
        return arg.startsWith("-") && arg.length() <= 40 && !arg.contains("=")
                ? arg
                : "(" + arg.length() + " characters)";
    }

    /** The command line is wrong. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
