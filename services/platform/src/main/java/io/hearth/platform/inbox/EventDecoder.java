package io.hearth.platform.inbox;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.hearth.contracts.events.EventData;
import io.hearth.contracts.events.EventJson;
import io.hearth.contracts.events.EventType;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/** Turns a Kafka record carrying a CloudEvent into an {@link InboundEvent}. */
@ApplicationScoped
public class EventDecoder {

    /**
     * The decoded event, or empty for a well-formed event of a type this version does not know (a newer producer's
     * addition, which consumers ignore). Throws {@link PoisonEventException} for anything malformed.
     */
    @SuppressWarnings("unchecked")
    public Optional<InboundEvent> decode(Message<String> message) {
        IncomingCloudEventMetadata<String> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new PoisonEventException("Not a CloudEvent: no ce_ attributes"));
        if (ce.getId() == null || ce.getType() == null || ce.getSubject().isEmpty() || ce.getTimeStamp().isEmpty()) {
            throw new PoisonEventException("CloudEvent lacks id, type, subject or time: " + ce.getId());
        }
        Optional<EventType> type = EventType.ofType(ce.getType());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String payload = message.getPayload();
        if (payload == null) {
            throw new PoisonEventException("Event " + ce.getId() + " has no data");
        }
        EventData data;
        try {
            data = EventJson.read(payload, type.get().dataClass());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + ce.getId() + ": " + e.getMessage(), e);
        }
        if (!ce.getSubject().get().equals(data.communityId())) {
            throw new PoisonEventException("Event " + ce.getId() + ": subject and data.communityId differ");
        }
        return Optional.of(new InboundEvent(ce.getId(), type.get(), ce.getSubject().get(),
                ce.getTimeStamp().get().toInstant(), data));
    }
}
