package dev.ferry.notifier.rest;

import dev.ferry.notifier.NotifierTestResources;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SecuredKafkaTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;

/**
 * Slack's buttons with the notifier on a broker that enforces production's ACLs for the KafkaUser
 * {@code ferry-notifier} (k8s/overlays/production/kafka-users.yaml): mapping Slack users, reading
 * plans and migrations and appending commands work with exactly what that user is granted. The
 * tests' own reads and appends go as the super user.
 */
@QuarkusTest
@WithTestResource(
        value = SecuredKafkaTestResource.class,
        initArgs = {
            @ResourceArg(name = "protocol", value = "tls-acl"),
            @ResourceArg(name = "kafka-user", value = "ferry-notifier"),
            @ResourceArg(name = "kafka-users", value = "../k8s/overlays/production/kafka-users.yaml")
        })
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "ferry_notifier_acl"))
@WithTestResource(
        value = SimulatorResource.class,
        initArgs = {
            @ResourceArg(name = "module", value = NotifierTestResources.SLACK_MODULE),
            @ResourceArg(name = "property", value = NotifierTestResources.SLACK_URL_PROPERTY)
        })
@AsUser("admin")
class SlackInteractionAclTest extends SlackInteractionContract {
    @Override
    Map<String, String> kafkaClientSettings() {
        return SecuredKafkaTestResource.superUserSettings();
    }
}
