package dev.ferry.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generates the JSON Schema of an event record the way the committed schemas were made. */
final class SchemaSupport {
    static final Path SCHEMAS = Path.of("src/main/resources/META-INF/ferry/schemas");
    static final Path BASELINES = Path.of("src/test/resources/schema-baselines");

    private static final SchemaGenerator GENERATOR = generator();

    private SchemaSupport() {}

    static ObjectNode generate(Class<?> eventClass) {
        ObjectNode schema = GENERATOR.generateSchema(eventClass);
        ObjectNode ordered = EventCodec.mapper().createObjectNode();
        ordered.put("$schema", schema.path("$schema").asText());
        ordered.put("$id", "https://ferry.dev/schemas/" + EventCatalog.typeName(eventClass) + ".json");
        ordered.put("title", EventCatalog.typeName(eventClass));
        schema.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("$schema")) {
                ordered.set(e.getKey(), e.getValue());
            }
        });
        return ordered;
    }

    static JsonNode read(Path file) {
        try {
            return EventCodec.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, JsonNode schema) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path schemaFile(Path dir, String type) {
        return dir.resolve(type + ".json");
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.ADDITIONAL_FIXED_TYPES)
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                .with(Option.INLINE_ALL_SCHEMAS);
        builder.forFields()
                .withRequiredCheck(field -> field.getAnnotationConsideringFieldAndGetter(Nullable.class) == null)
                .withNullableCheck(field -> field.getAnnotationConsideringFieldAndGetter(Nullable.class) != null);
        return new SchemaGenerator(builder.build());
    }
}
