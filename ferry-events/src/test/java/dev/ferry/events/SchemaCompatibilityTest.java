package dev.ferry.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Committed schemas may only grow from their released baselines. Record a new baseline at release
 * with {@code -Dferry.schemas.baseline=true}.
 */
class SchemaCompatibilityTest {
    private static final boolean WRITE_BASELINE = Boolean.getBoolean("ferry.schemas.baseline");

    @Test
    void everyBaselineStillExistsAndOnlyGrew() throws IOException {
        if (WRITE_BASELINE) {
            for (String type : EventCatalog.typeNames()) {
                SchemaSupport.write(
                        SchemaSupport.schemaFile(SchemaSupport.BASELINES, type),
                        SchemaSupport.read(SchemaSupport.schemaFile(SchemaSupport.SCHEMAS, type)));
            }
        }
        List<Path> baselines;
        try (Stream<Path> files = Files.list(SchemaSupport.BASELINES)) {
            baselines =
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(baselines).as("released baselines").isNotEmpty();
        List<String> baselined = baselines.stream()
                .map(p -> p.getFileName().toString().replace(".json", ""))
                .toList();
        assertThat(baselined)
                .as("every event type has a baseline (record one with -Dferry.schemas.baseline=true)")
                .containsAll(EventCatalog.typeNames());
        for (Path baseline : baselines) {
            String type = baseline.getFileName().toString().replace(".json", "");
            assertThat(EventCatalog.classOf(type))
                    .as("event type %s was released and must stay", type)
                    .isPresent();
            JsonNode current = SchemaSupport.read(SchemaSupport.schemaFile(SchemaSupport.SCHEMAS, type));
            assertThat(SchemaCompatibility.breakingChanges(SchemaSupport.read(baseline), current))
                    .as("breaking changes in %s; make a new version instead", type)
                    .isEmpty();
        }
    }

    @Test
    void anOptionalFieldIsAdditive() {
        ObjectNode current = base();
        ((ObjectNode) current.get("properties")).putObject("comment").put("type", "string");
        assertThat(SchemaCompatibility.breakingChanges(base(), current)).isEmpty();
    }

    @Test
    void aRemovedFieldBreaks() {
        ObjectNode current = base();
        ((ObjectNode) current.get("properties")).remove("version");
        ((ArrayNode) current.get("required")).removeAll().add("planId");
        assertThat(SchemaCompatibility.breakingChanges(base(), current))
                .anySatisfy(p -> assertThat(p).contains("version").contains("removed"));
    }

    @Test
    void aChangedTypeBreaks() {
        ObjectNode current = base();
        ((ObjectNode) current.get("properties")).putObject("version").put("type", "string");
        assertThat(SchemaCompatibility.breakingChanges(base(), current))
                .anySatisfy(p -> assertThat(p).contains("$.version").contains("type changed"));
    }

    @Test
    void aNewRequiredFieldBreaks() {
        ObjectNode current = base();
        ((ObjectNode) current.get("properties")).putObject("approvedBy").put("type", "string");
        ((ArrayNode) current.get("required")).add("approvedBy");
        assertThat(SchemaCompatibility.breakingChanges(base(), current))
                .anySatisfy(p -> assertThat(p).contains("approvedBy").contains("required"));
    }

    private static ObjectNode base() {
        ObjectNode schema = EventCodec.mapper().createObjectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject("planId").put("type", "string");
        props.putObject("version").put("type", "integer");
        schema.putArray("required").add("planId").add("version");
        return schema;
    }
}
