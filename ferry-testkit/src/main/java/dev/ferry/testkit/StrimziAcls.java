package dev.ferry.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs a Strimzi {@code KafkaUser} declares ({@code spec.authorization.acls}, simple
 * authorization), as Kafka ACL bindings for a test principal, so a test broker enforces exactly what
 * the deployment grants.
 */
public final class StrimziAcls {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private StrimziAcls() {}

    /** The bindings of the {@code KafkaUser} named {@code user} in {@code file}, granted to {@code principal}. */
    public static List<AclBinding> of(Path file, String user, String principal) {
        JsonNode found = null;
        try (var parser = YAML.createParser(file.toFile())) {
            var docs = YAML.readValues(parser, JsonNode.class);
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null
                        && "KafkaUser".equals(doc.path("kind").asText())
                        && user.equals(doc.path("metadata").path("name").asText())) {
                    found = doc;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read KafkaUsers from " + file + ": " + e.getMessage(), e);
        }
        if (found == null) {
            throw new IllegalArgumentException("No KafkaUser " + user + " in " + file);
        }
        JsonNode authorization = found.path("spec").path("authorization");
        if (!"simple".equals(authorization.path("type").asText())) {
            throw new IllegalArgumentException("KafkaUser " + user + " has no simple authorization");
        }
        List<AclBinding> bindings = new ArrayList<>();
        for (JsonNode acl : authorization.path("acls")) {
            JsonNode resource = acl.path("resource");
            ResourcePattern pattern = new ResourcePattern(
                    ResourceType.fromString(upperSnake(resource.path("type").asText())),
                    resource.path("name").asText(),
                    // Strimzi's "prefix" is Kafka's PREFIXED
                    resource.path("patternType").asText("literal").equals("prefix")
                            ? PatternType.PREFIXED
                            : PatternType.LITERAL);
            if (pattern.resourceType() == ResourceType.UNKNOWN) {
                throw new IllegalArgumentException("KafkaUser " + user + ": unknown resource " + resource);
            }
            for (JsonNode operation : acl.path("operations")) {
                AclOperation op = AclOperation.fromString(upperSnake(operation.asText()));
                if (op == AclOperation.UNKNOWN) {
                    throw new IllegalArgumentException(
                            "KafkaUser " + user + ": unknown operation " + operation.asText());
                }
                bindings.add(new AclBinding(
                        pattern,
                        new AccessControlEntry(
                                principal,
                                acl.path("host").asText("*"),
                                op,
                                AclPermissionType.fromString(acl.path("type").asText("allow")))));
            }
        }
        return bindings;
    }

    /** Strimzi writes {@code DescribeConfigs}; Kafka's enum is {@code DESCRIBE_CONFIGS}. */
    private static String upperSnake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
