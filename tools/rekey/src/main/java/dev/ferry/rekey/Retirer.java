package dev.ferry.rekey;

import dev.ferry.rekey.db.CanaryStore;
import dev.ferry.rekey.kafka.Clients;
import dev.ferry.rekey.kafka.StateStore;
import dev.ferry.rekey.kafka.TopicAdmin;
import dev.ferry.rekey.kafka.TopicState;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retires a key once nothing needs it: checks that no topic and no table (projections rebuilt) holds a
 * value sealed with it, then removes its canary from each service's database, so the services start
 * without it. Refuses, changing nothing, while anything still refers to the key.
 */
public final class Retirer {
    private final Clients clients;
    private final TopicAdmin admin;
    private final PrintStream out;

    public Retirer(Clients clients, TopicAdmin admin, PrintStream out) {
        this.clients = clients;
        this.admin = admin;
        this.out = out;
    }

    public void retire(String keyId, String activeKeyId, List<String> topics, List<CanaryStore> databases)
            throws SQLException {
        if (keyId.equals(activeKeyId)) {
            throw new IllegalStateException("Key " + keyId + " is the active key (FERRY_SECRETS_KEY_ID); "
                    + "switch to the new key and re-key first");
        }
        List<String> problems = new ArrayList<>();
        Map<String, TopicState> states = new StateStore(clients, admin).read();
        Scanner scanner = new Scanner(clients, out);
        for (String topic : topics) {
            TopicState state = states.get(topic);
            if (state != null && state.phase() != TopicState.Phase.DONE) {
                problems.add(topic + " is being re-keyed (" + state.phase() + "); finish with --commit");
                continue;
            }
            if (!admin.exists(topic)) {
                continue;
            }
            long n = scanner.scan(topic, admin.describe(topic).partitions(), null)
                    .byKeyId()
                    .getOrDefault(keyId, 0L);
            out.printf(Locale.ROOT, "%s: %,d values sealed with %s%n", topic, n, keyId);
            if (n > 0) {
                problems.add(String.format(
                        Locale.ROOT,
                        "%s holds %,d values sealed with %s; re-key the topics " + "first",
                        topic,
                        n,
                        keyId));
            }
        }
        for (CanaryStore db : databases) {
            List<CanaryStore.Hit> hits = db.sealedWith(keyId);
            out.printf(
                    "%s: canaries %s, %s%n",
                    db.name(),
                    db.canaries(),
                    hits.isEmpty()
                            ? "no stored value sealed with " + keyId
                            : "values sealed with " + keyId + " in " + hits);
            for (CanaryStore.Hit hit : hits) {
                problems.add(String.format(
                        Locale.ROOT,
                        "%s: %s.%s holds %,d rows with values sealed with %s; "
                                + "rebuild that service's projection (POST /api/admin/projection/rebuild) first",
                        db.name(),
                        hit.table(),
                        hit.column(),
                        hit.rows(),
                        keyId));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Key " + keyId + " is still needed; nothing was changed:\n  - " + String.join("\n  - ", problems));
        }
        for (CanaryStore db : databases) {
            boolean removed = db.removeCanary(keyId);
            out.printf(
                    "%s: %s%n",
                    db.name(),
                    removed ? "removed the canary of " + keyId : "no canary of " + keyId + " (already retired)");
        }
        out.printf("Key %s is retired: remove it from every service's configuration and restart them%n", keyId);
    }
}
