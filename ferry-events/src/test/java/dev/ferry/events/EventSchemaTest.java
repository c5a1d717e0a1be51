package dev.ferry.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every event type has a committed JSON Schema that matches its record, and every sample
 * serialises, validates and deserialises back to itself. Regenerate schemas with {@code
 * -Dferry.schemas.write=true}.
 */
class EventSchemaTest {
    private static final boolean WRITE = Boolean.getBoolean("ferry.schemas.write");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void everyEventTypeHasASample() {
        Set<String> sampled =
                EventSamples.all().stream().map(EventCatalog::typeName).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(EventCatalog.typeNames());
    }

    @Test
    void typeNamesAreVersionedAndDotted() {
        assertThat(EventCatalog.typeNames())
                .isNotEmpty()
                .allSatisfy(type -> assertThat(type).matches("ferry\\.[a-z]+\\.[a-z-]+\\.v[0-9]+"));
    }

    @Test
    void committedSchemasMatchTheRecords() {
        for (Class<? extends FerryEvent> eventClass : EventCatalog.all()) {
            String type = EventCatalog.typeName(eventClass);
            Path file = SchemaSupport.schemaFile(SchemaSupport.SCHEMAS, type);
            JsonNode generated = SchemaSupport.generate(eventClass);
            if (WRITE) {
                SchemaSupport.write(file, generated);
            }
            assertThat(file)
                    .as("schema file for %s (run with -Dferry.schemas.write=true)", type)
                    .exists();
            assertThat(SchemaSupport.read(file))
                    .as("committed schema of %s is stale; regenerate with -Dferry.schemas.write=true", type)
                    .isEqualTo(generated);
        }
    }

    @Test
    void everySampleValidatesAndRoundTrips() throws Exception {
        for (FerryEvent event : EventSamples.all()) {
            String type = EventCatalog.typeName(event);
            String json = EventCodec.toJson(event);
            JsonSchema schema =
                    FACTORY.getSchema(Files.readString(SchemaSupport.schemaFile(SchemaSupport.SCHEMAS, type)));
            Set<ValidationMessage> errors = schema.validate(EventCodec.mapper().readTree(json));
            assertThat(errors).as("%s against its schema", type).isEmpty();
            assertThat(EventCodec.fromJson(type, json)).isEqualTo(event);
        }
    }

    @Test
    void schemaRejectsAMissingRequiredField() throws Exception {
        JsonSchema schema = FACTORY.getSchema(
                Files.readString(SchemaSupport.schemaFile(SchemaSupport.SCHEMAS, "ferry.plan.approved.v1")));
        JsonNode withoutApprover = EventCodec.mapper()
                .readTree("{\"planId\":\"p1\",\"version\":1,\"approvedAt\":\"2026-11-26T12:00:00Z\"}");
        assertThat(schema.validate(withoutApprover))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("approvedBy"));
    }

    @Test
    void sealedValuesNeverCarryThePlaintext() {
        String json = EventSamples.all().stream().map(EventCodec::toJson).collect(Collectors.joining("\n"));
        assertThat(json).contains("SECRET_KEY_BASE").doesNotContain("FAKE-secret");
    }
}
