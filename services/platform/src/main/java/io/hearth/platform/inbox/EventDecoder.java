package io.hearth.platform.inbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.hearth.contracts.events.EventData;
import io.hearth.contracts.events.EventJson;
import io.hearth.contracts.events.EventSchemaValidator;
import io.hearth.contracts.events.EventType;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Turns a Kafka record carrying a CloudEvent into an {@link InboundEvent}, holding it to the contract: the attributes
 * we promise, a type this version knows, data that satisfies the type's JSON Schema. Anything else is poison.
 */
@ApplicationScoped
public class EventDecoder {
    private final EventSchemaValidator schemas = new EventSchemaValidator();

    @SuppressWarnings("unchecked")
    public InboundEvent decode(Message<String> message) {
        IncomingCloudEventMetadata<String> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new PoisonEventException("Not a CloudEvent: no ce_ attributes"));
        if (ce.getId() == null || ce.getType() == null || ce.getSubject().isEmpty() || ce.getTimeStamp().isEmpty()) {
            throw new PoisonEventException("CloudEvent lacks id, type, subject or time: " + ce.getId());
        }
        EventType type = EventType.ofType(ce.getType()).orElseThrow(() -> new PoisonEventException(
                "Event " + ce.getId() + " has a type this version does not know: " + ce.getType()));
        String payload = message.getPayload();
        if (payload == null) {
            throw new PoisonEventException("Event " + ce.getId() + " has no data");
        }
        List<String> violations = schemas.violations(type.type(), payload);
        if (!violations.isEmpty()) {
            throw new PoisonEventException("Event " + ce.getId() + " violates the schema of " + type.type() + ": "
                    + String.join("; ", violations));
        }
        EventData data;
        try {
            data = EventJson.read(payload, type.dataClass());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + ce.getId() + ": " + e.getMessage(), e);
        }
        if (!ce.getSubject().get().equals(data.communityId())) {
            throw new PoisonEventException("Event " + ce.getId() + ": subject and data.communityId differ");
        }
        return new InboundEvent(ce.getId(), type, ce.getSubject().get(), ce.getTimeStamp().get().toInstant(), data);
    }
}
