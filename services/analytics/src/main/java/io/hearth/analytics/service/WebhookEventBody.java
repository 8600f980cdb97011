package io.hearth.analytics.service;

import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hearth.contracts.events.EventJson;
import io.hearth.platform.inbox.InboundEvent;

/**
 * A Hearth event as a webhook carries it: one CloudEvent 1.0 in structured JSON mode ({@code application/cloudevents+json}),
 * the same attributes as on Kafka with the data inline.
 */
public final class WebhookEventBody {
    public static final String MEDIA_TYPE = "application/cloudevents+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookEventBody() {
    }

    public static String of(InboundEvent event) {
        ObjectNode ce = JSON.createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", event.id());
        // hearth.<service>.v1 -> /hearth/<service>: the producer, as the Kafka record's ce_source names it.
        ce.put("source", "/hearth/" + event.type().topic().split("\\.")[1]);
        ce.put("type", event.type().type());
        ce.put("subject", event.subject());
        ce.put("time", DateTimeFormatter.ISO_INSTANT.format(event.time()));
        ce.put("datacontenttype", "application/json");
        ce.put("dataschema", event.type().dataSchema().toString());
        try {
            ce.set("data", JSON.readTree(EventJson.write(event.data())));
            return JSON.writeValueAsString(ce);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data that was read from JSON writes as JSON", e);
        }
    }
}
