package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.NoticeIssued;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Other services' notices (hearth.notice.issued, through the real broker) land in the person's inbox. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class InboxTest {
    private final String community = UUID.randomUUID().toString();
    private final String person = "p-" + UUID.randomUUID();

    @Test
    void noticeLandsInTheInboxOnceAndItsOwnerMarksItRead() {
        String eventId = UUID.randomUUID().toString();
        Instant time = Instant.parse("2026-11-21T08:00:00Z");
        NoticeIssued notice = new NoticeIssued(community, person, "waitlist-promoted", "You are in",
                "A place opened up at the Saturday meetup.", "event:42");
        KafkaEvents.publish(notice, time, eventId);
        awaitInboxSize(person, 1);
        // The same event delivered again changes nothing.
        KafkaEvents.publish(notice, time, eventId);
        KafkaEvents.publish(new NoticeIssued(community, person, "event-reminder", "Tomorrow", null, null),
                time.plusSeconds(60));
        awaitInboxSize(person, 2);
        String id = as(TestTokens.member(person)).get("/me/inbox").then().statusCode(200)
                .body("items.kind", equalTo(List.of("event-reminder", "waitlist-promoted")))
                .body("items[1].title", equalTo("You are in"))
                .body("items[1].body", equalTo("A place opened up at the Saturday meetup."))
                .body("items[1].ref", equalTo("event:42"))
                .body("items[1].communityId", equalTo(community))
                .body("items[1].createdAt", equalTo("2026-11-21T08:00:00Z"))
                .body("items[1].read", equalTo(false))
                .extract().path("items[1].id");
        as(TestTokens.member(person)).post("/me/inbox/{id}/read", id).then().statusCode(200)
                .body("read", equalTo(true));
        as(TestTokens.member(person)).get("/me/inbox").then().body("items[1].read", equalTo(true))
                .body("items[0].read", equalTo(false));
        // Nobody else sees it or can mark it.
        String other = "o-" + UUID.randomUUID();
        as(TestTokens.member(other)).get("/me/inbox").then().statusCode(200).body("items", equalTo(List.of()));
        as(TestTokens.member(other)).post("/me/inbox/{id}/read", id).then().statusCode(404);
        as(TestTokens.member(person)).post("/me/inbox/{id}/read", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void inboxIsPagedNewestFirst() {
        for (int i = 1; i <= 3; i++) {
            KafkaEvents.publish(new NoticeIssued(community, person, "lottery-result", "Draw " + i, null, null),
                    Instant.now());
        }
        awaitInboxSize(person, 3);
        String cursor = as(TestTokens.member(person)).queryParam("limit", 2).get("/me/inbox").then()
                .body("items.title", equalTo(List.of("Draw 3", "Draw 2"))).extract().path("nextCursor");
        as(TestTokens.member(person)).queryParam("limit", 2).queryParam("after", cursor).get("/me/inbox").then()
                .body("items.title", equalTo(List.of("Draw 1"))).body("$", not(hasKey("nextCursor")));
        as(TestTokens.partner("crm-" + UUID.randomUUID())).get("/me/inbox").then().statusCode(403);
    }

    private static void awaitInboxSize(String person, int size) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> as(TestTokens
                .member(person)).queryParam("limit", 100).get("/me/inbox").then().extract().jsonPath()
                .getList("items").size() >= size);
    }
}
