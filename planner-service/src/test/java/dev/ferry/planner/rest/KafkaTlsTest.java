package dev.ferry.planner.rest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.EventIds;
import dev.ferry.planner.Estates;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SecuredKafkaTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.Test;

/**
 * The planner on a broker that speaks mutual TLS only, set up as the production overlay sets the
 * services up for Strimzi's TLS listener: a PEM trust store and a PKCS12 key store with its password.
 */
@QuarkusTest
@AsUser("everyone")
@WithTestResource(value = SecuredKafkaTestResource.class, initArgs = @ResourceArg(name = "protocol", value = "tls"))
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "ferry_planner_tls"))
class KafkaTlsTest extends SecuredKafkaContract {
    private static final List<String> TRUST =
            List.of("security.protocol", "ssl.truststore.type", "ssl.truststore.location");

    /** What a client of a mutual-TLS broker sets: a PEM trust store and a PKCS12 key store. */
    static final List<String> CLIENT_SETTINGS = List.of(
            "security.protocol",
            "ssl.truststore.type",
            "ssl.truststore.location",
            "ssl.keystore.type",
            "ssl.keystore.location",
            "ssl.keystore.password");

    @Override
    List<String> clientSettingNames() {
        return CLIENT_SETTINGS;
    }

    @Override
    String protocol() {
        return "SSL";
    }

    @Test
    void aClientThatTrustsTheBrokerButHasNoCertificateIsNotServed() {
        assertThatThrownBy(() -> withSettings(TRUST)
                        .append(EventIds.random(), "/ferry/inventory", Estates.shop("d-nocert", "alice", "acc-nocert")))
                .isInstanceOf(IllegalStateException.class)
                .hasStackTraceContaining(SslAuthenticationException.class.getName())
                .hasRootCauseInstanceOf(SSLHandshakeException.class);
    }
}
