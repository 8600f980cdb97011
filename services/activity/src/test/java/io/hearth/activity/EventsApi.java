package io.hearth.activity;

import static io.hearth.testing.Requests.as;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.hearth.contracts.events.EventData;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.NoticeIssued;
import io.hearth.contracts.events.Topics;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The event routes as a frontend calls them, and the events they publish. */
final class EventsApi {
    private EventsApi() {
    }

    /** A meetup's body: startsAt to endsAt, capacity places, at a location. */
    static Map<String, Object> meetup(String title, Instant startsAt, Instant endsAt, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("capacity", capacity);
        body.put("location", "Boathouse, West Lake");
        return body;
    }

    /** Staff member {@code staff} creates a two-hour meetup; its id. */
    static String create(String community, String staff, Instant startsAt, int capacity) {
        return as(TestTokens.member(staff))
                .body(meetup("Run " + startsAt, startsAt, startsAt.plusSeconds(7200), capacity))
                .post("/communities/{id}/events", community).then().statusCode(201).extract().path("id");
    }

    static ExtractableResponse<Response> register(String community, String event, String member) {
        return as(TestTokens.member(member)).body("{}")
                .post("/communities/{id}/events/{event}/registrations", community, event).then().extract();
    }

    static ExtractableResponse<Response> cancel(String community, String event, String member) {
        return as(TestTokens.member(member))
                .delete("/communities/{id}/events/{event}/registrations/me", community, event).then().extract();
    }

    static ExtractableResponse<Response> attend(String community, String event, String member) {
        return as(TestTokens.member(member)).body("{}")
                .post("/communities/{id}/events/{event}/attendance", community, event).then().extract();
    }

    static ExtractableResponse<Response> get(String community, String event, String member) {
        return as(TestTokens.member(member)).get("/communities/{id}/events/{event}", community, event).then()
                .extract();
    }

    /** The community's events of {@code type} on the activity topic, in the order activity published them. */
    static <T extends EventData> List<T> published(String community, EventType type, Class<T> data) {
        return KafkaEvents.communityEvents(Topics.ACTIVITY, community).stream().filter(e -> e.is(type))
                .map(e -> e.data(data)).toList();
    }

    /** The community's notices of {@code kind}, in the order published. */
    static List<NoticeIssued> notices(String community, String kind) {
        return published(community, EventType.NOTICE_ISSUED, NoticeIssued.class).stream()
                .filter(n -> n.kind().equals(kind)).toList();
    }

    /**
     * Waits until the community's events on the topic include one published after everything the test did before
     * ({@code marker} of {@code type}), so that reading them then sees every earlier event: a community's events are
     * published in commit order.
     */
    static void awaitMarker(String community, EventType type, java.util.function.Predicate<PublishedEvent> marker) {
        KafkaEvents.awaitCommunityEvents(Topics.ACTIVITY, community,
                events -> events.stream().anyMatch(e -> e.is(type) && marker.test(e)));
    }
}
