package dev.ferry.common.security;

import dev.ferry.events.EventCodec;
import dev.ferry.events.secret.SealedSecret;
import dev.ferry.events.secret.SecretBox;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Refuses to start with key material that differs from the one that sealed this service's data: each
 * key id leaves a sealed canary on first use, and every start must be able to open every canary.
 */
@ApplicationScoped
public class SecretKeyCheck {
    static final String CANARY = "ferry-secret-key-canary";
    private static final Logger LOG = Logger.getLogger(SecretKeyCheck.class);

    private final DataSource dataSource;
    private final SecretBox box;

    public SecretKeyCheck(DataSource dataSource, SecretBox box) {
        this.dataSource = dataSource;
        this.box = box;
    }

    // After Flyway (which runs at priority 0 ... 10) has created the table.
    void onStart(@Observes @Priority(200) StartupEvent event) {
        verify();
    }

    /** Opens every canary and leaves one for the active key; throws when a key is wrong or missing. */
    public void verify() {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, String> canaries = canaries(connection);
            canaries.forEach((keyId, json) -> open(keyId, json));
            if (!canaries.containsKey(box.activeKeyId())) {
                insert(connection, box.seal(CANARY));
                LOG.infof("Recorded a canary for secret key %s", box.activeKeyId());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the secret keys against the database", e);
        }
    }

    private void open(String keyId, String json) {
        SealedSecret sealed;
        try {
            sealed = EventCodec.mapper().readValue(json, SealedSecret.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The canary of key " + keyId + " is unreadable", e);
        }
        String opened;
        try {
            opened = box.open(sealed);
        } catch (SecretBox.SecretException e) {
            throw new IllegalStateException(
                    "Secret key "
                            + keyId
                            + " is missing or differs from the key that sealed this service's data; "
                            + "configure the original key material (FERRY_SECRETS_KEY / ferry.secrets.keys."
                            + keyId
                            + ") instead of starting with the wrong one",
                    e);
        }
        if (!CANARY.equals(opened)) {
            throw new IllegalStateException("The canary of key " + keyId + " opened to an unexpected value");
        }
    }

    private static Map<String, String> canaries(Connection connection) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select key_id, sealed from secret_key_canary");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.put(rows.getString(1), rows.getString(2));
            }
        }
        return result;
    }

    private static void insert(Connection connection, SealedSecret canary) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into secret_key_canary (key_id, sealed) values (?, ?) on conflict do nothing")) {
            insert.setString(1, canary.keyId());
            insert.setString(2, EventCodec.mapper().valueToTree(canary).toString());
            insert.executeUpdate();
        }
    }
}
