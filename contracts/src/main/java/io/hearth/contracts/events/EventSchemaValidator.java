package io.hearth.contracts.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Checks an event's {@code data} against the JSON Schema of its type, as published in {@code contracts/events/}. */
public final class EventSchemaValidator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    public EventSchemaValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemaValidator.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("Missing schema " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(in, config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The violations of {@code data} (JSON text) against the schema of {@code type}; empty when it conforms. */
    public List<String> violations(String type, String data) {
        EventType eventType = EventType.ofType(type).orElse(null);
        if (eventType == null) {
            return List.of("unknown event type " + type);
        }
        JsonNode node;
        try {
            node = JSON.readTree(data);
        } catch (IOException e) {
            return List.of("data is not JSON: " + e.getMessage());
        }
        Set<ValidationMessage> messages = schemas.get(eventType).validate(node);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Throws with every violation listed when {@code data} does not conform to the schema of {@code type}. */
    public void assertValid(String type, String data) {
        List<String> violations = violations(type, data);
        if (!violations.isEmpty()) {
            throw new AssertionError("Event " + type + " violates its schema: " + violations + "\n" + data);
        }
    }
}
