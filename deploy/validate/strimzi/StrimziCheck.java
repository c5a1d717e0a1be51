import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.strimzi.api.kafka.model.common.UnknownPropertyPreserving;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Checks Strimzi custom resources offline against Strimzi's own Java API model (io.strimzi:api, the
 * classes its operator reads them with): the apiVersion must be one the model serves, every field
 * must bind to its type, no field may be unknown (the model keeps unknown fields aside instead of
 * failing, so they are looked for after binding), and KafkaTopic config keys must be Kafka topic
 * configs. Run with --self-test to see planted faults caught.
 *
 * <p>usage: java -cp <classpath> StrimziCheck.java [--self-test] <file.yaml>...
 */
public class StrimziCheck {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final Map<String, Class<?>> MODELS = Map.of(
            "Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class,
            "KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class,
            "KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class,
            "KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class,
            "KafkaMirrorMaker2", io.strimzi.api.kafka.model.mirrormaker2.KafkaMirrorMaker2.class);

    public static void main(String[] args) throws Exception {
        boolean selfTest = args.length > 0 && args[0].equals("--self-test");
        List<JsonNode> docs = new ArrayList<>();
        for (int i = selfTest ? 1 : 0; i < args.length; i++) {
            try (var parser = YAML.createParser(new File(args[i]))) {
                YAML.readValues(parser, JsonNode.class).forEachRemaining(n -> {
                    if (n != null && !n.isNull() && !n.isEmpty()) {
                        docs.add(n);
                    }
                });
            }
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : docs) {
            check(doc, problems::add);
        }
        problems.forEach(p -> System.out.println("  FAIL " + p));
        System.out.printf(
                "  strimzi: %d custom resources bound to Strimzi's API model (io.strimzi:api %s), %d problems%n",
                docs.size(), io.strimzi.api.kafka.model.kafka.Kafka.class.getPackage().getImplementationVersion(),
                problems.size());
        if (!problems.isEmpty()) {
            System.exit(1);
        }
        if (selfTest && selfTest(docs) > 0) {
            System.exit(1);
        }
    }

    static void check(JsonNode doc, Consumer<String> problem) {
        String kind = doc.path("kind").asText();
        String id = kind + " " + doc.path("metadata").path("name").asText("?");
        Class<?> model = MODELS.get(kind);
        if (model == null) {
            problem.accept(id + ": no Strimzi model for kind " + kind);
            return;
        }
        String apiVersion = doc.path("apiVersion").asText();
        List<String> served = servedVersions(model);
        if (!apiVersion.startsWith("kafka.strimzi.io/") || !served.contains(apiVersion.substring(17))) {
            problem.accept(id + ": apiVersion " + apiVersion + " is not served (kafka.strimzi.io/" + served + ")");
        }
        Object resource;
        try {
            resource = YAML.treeToValue(doc, model);
        } catch (Exception e) {
            problem.accept(id + ": " + e.getMessage().lines().findFirst().orElse(e.toString()));
            return;
        }
        findUnknown(resource, "", new IdentityHashMap<>(), path -> problem.accept(id + ": unknown field " + path));
        if (kind.equals("KafkaTopic")) {
            Set<String> known = topicConfigNames();
            doc.path("spec").path("config").fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    problem.accept(id + ": spec.config." + key + " is not a Kafka topic config");
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> servedVersions(Class<?> model) {
        try {
            return (List<String>) model.getField("VERSIONS").get(null);
        } catch (ReflectiveOperationException e) {
            return List.of("v1beta2");
        }
    }

    /** Walks the bound object: any Strimzi object that kept fields aside received fields it does not have. */
    static void findUnknown(Object value, String path, IdentityHashMap<Object, Boolean> seen, Consumer<String> unknown) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                findUnknown(item, path + "[" + i++ + "]", seen, unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> findUnknown(v, path + "." + k, seen, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.strimzi.")) {
            return;
        }
        if (value instanceof UnknownPropertyPreserving preserving
                && preserving.getAdditionalProperties() != null) {
            preserving.getAdditionalProperties().keySet().forEach(k -> unknown.accept(path + "." + k));
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() == 0
                    && m.getName().startsWith("get")
                    && !m.getName().equals("getAdditionalProperties")
                    && !m.getName().equals("getClass")
                    && !Modifier.isStatic(m.getModifiers())) {
                try {
                    String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                    findUnknown(m.invoke(value), path + "." + name, seen, unknown);
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // a computed getter that cannot run on a partial object: nothing to inspect
                }
            }
        }
    }

    static Set<String> topicConfigNames() {
        Set<String> names = new TreeSet<>();
        for (Field f : TopicConfig.class.getFields()) {
            if (f.getName().endsWith("_CONFIG") && f.getType() == String.class) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException ignored) {
                    // public static fields are readable
                }
            }
        }
        return names;
    }

    /** Plants one fault at a time in copies of good resources; each must be reported. */
    static int selfTest(List<JsonNode> good) {
        record Mutation(String kind, String name, Consumer<ObjectNode> plant) {}
        List<Mutation> mutations = List.of(
                new Mutation("Kafka", "a misspelt listeners field", d -> {
                    ObjectNode kafka = (ObjectNode) d.path("spec").path("kafka");
                    kafka.set("listners", kafka.remove("listeners"));
                }),
                new Mutation("Kafka", "an unknown field in a listener", d ->
                        ((ObjectNode) d.path("spec").path("kafka").path("listeners").get(0)).put("tsl", true)),
                new Mutation("KafkaNodePool", "replicas that are not a number", d ->
                        ((ObjectNode) d.path("spec")).put("replicas", "three")),
                new Mutation("KafkaNodePool", "an unknown storage field", d ->
                        ((ObjectNode) d.path("spec").path("storage").path("volumes").get(0)).put("sise", "1Gi")),
                new Mutation("KafkaTopic", "an unknown topic config key", d ->
                        ((ObjectNode) d.path("spec").path("config")).put("retention.mss", -1)),
                new Mutation("KafkaTopic", "partitions that are not a number", d ->
                        ((ObjectNode) d.path("spec")).put("partitions", "six")),
                new Mutation("KafkaTopic", "an apiVersion Strimzi does not serve", d ->
                        ((ObjectNode) d).put("apiVersion", "kafka.strimzi.io/v2")));
        int missed = 0;
        for (Mutation m : mutations) {
            JsonNode original = good.stream()
                    .filter(d -> d.path("kind").asText().equals(m.kind()))
                    .findFirst()
                    .orElse(null);
            if (original == null) {
                System.out.println("  self-test SKIPPED (strimzi): no " + m.kind() + " to plant '" + m.name() + "' in");
                continue;
            }
            ObjectNode copy = original.deepCopy();
            m.plant().accept(copy);
            List<String> found = new ArrayList<>();
            check(copy, found::add);
            System.out.println("  self-test " + (found.isEmpty() ? "MISSED" : "caught") + " (strimzi): " + m.name()
                    + (found.isEmpty() ? "" : " -> " + found.get(0)));
            if (found.isEmpty()) {
                missed++;
            }
        }
        System.out.printf("  self-test: %d of %d planted faults caught%n", mutations.size() - missed, mutations.size());
        return missed;
    }
}
