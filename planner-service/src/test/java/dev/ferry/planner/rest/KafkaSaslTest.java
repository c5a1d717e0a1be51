package dev.ferry.planner.rest;

import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SecuredKafkaTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The planner on a broker whose listener wants SASL PLAIN credentials. */
@QuarkusTest
@AsUser("everyone")
@WithTestResource(value = SecuredKafkaTestResource.class, initArgs = @ResourceArg(name = "protocol", value = "sasl"))
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "ferry_planner_sasl"))
class KafkaSaslTest extends SecuredKafkaContract {
    @Override
    List<String> clientSettingNames() {
        return List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config");
    }

    @Override
    String protocol() {
        return "SASL_PLAINTEXT";
    }
}
