package io.hearth.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** contracts/asyncapi.yaml names every event type, on the topic the code publishes it to, with its schema. */
class AsyncApiDocumentTest {

    @Test
    void everyEventTypeIsDocumentedOnItsTopicWithItsSchema() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(new File("asyncapi.yaml"));
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        Map<String, String> topicOfMessage = new HashMap<>();
        doc.path("channels").forEach(channel -> channel.path("messages").fieldNames()
                .forEachRemaining(name -> topicOfMessage.put(name, channel.path("address").asText())));
        JsonNode messages = doc.path("components").path("messages");
        assertEquals(EventType.values().length, messages.size());
        for (EventType type : EventType.values()) {
            String name = type.dataClass().getSimpleName();
            JsonNode message = messages.path(name);
            assertEquals(type.type(), message.path("name").asText(), name);
            assertEquals(type.topic(), topicOfMessage.get(name), name);
            String schema = message.path("payload").path("$ref").asText();
            assertEquals("./events/" + type.type() + ".schema.json", schema);
            assertTrue(new File(schema).isFile(), schema);
        }
    }
}
