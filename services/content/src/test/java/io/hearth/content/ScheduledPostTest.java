package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.PostCreated;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Posts staff schedule with publishAt: kept apart until due, then published once, in their place in the post order. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class ScheduledPostTest {
    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();
    private final String admin = "admin-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();

    private void arrange() {
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        ContentApi.joined(community, admin, CommunityRole.ADMIN);
        ContentApi.joined(community, member, CommunityRole.MEMBER);
    }

    @Test
    void scheduledPostAppearsOnlyWhenDueOnceAndInItsPlaceInThePostOrder() {
        arrange();
        Instant publishAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        String id = as(TestTokens.member(admin))
                .body(Map.of("body", "Run at dawn tomorrow", "topics", List.of("#Running"), "publishAt",
                        publishAt.toString()))
                .post("/communities/{id}/posts", community)
                .then().statusCode(202).body("status", equalTo("SCHEDULED")).body("kind", equalTo("POST"))
                .body("publishAt", equalTo(publishAt.toString())).body("topics", equalTo(List.of("running")))
                .body("authorId", equalTo(admin)).extract().path("id");
        // Not a post yet: neither readable nor listed, and no event told anyone of it.
        as(TestTokens.member(member)).get("/communities/{id}/posts/{postId}", community, id).then().statusCode(404);
        as(TestTokens.member(owner)).get("/communities/{id}/scheduled-posts", community).then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        String before = ContentApi.post(community, member, "Written before it appears", List.of());
        assertTrue(KafkaEvents.events(EventType.POST_CREATED, e -> id.equals(e.data(PostCreated.class).postId()))
                .isEmpty());

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> as(TestTokens
                .member(member)).get("/communities/{id}/posts/{postId}", community, id).statusCode() == 200);
        Instant createdAt = Instant.parse(as(TestTokens.member(member))
                .get("/communities/{id}/posts/{postId}", community, id).then().statusCode(200)
                .body("body", equalTo("Run at dawn tomorrow")).extract().path("createdAt"));
        assertFalse(createdAt.isBefore(publishAt), "published at " + createdAt + ", before " + publishAt);
        // Newest first: it appeared after the post written while it waited, so it comes first.
        as(TestTokens.member(member)).get("/communities/{id}/posts", community).then()
                .body("items.id", equalTo(List.of(id, before)));
        as(TestTokens.member(owner)).get("/communities/{id}/scheduled-posts", community).then()
                .body("items", equalTo(List.of()));

        List<PublishedEvent> events = KafkaEvents.awaitEvents(EventType.POST_CREATED,
                e -> id.equals(e.data(PostCreated.class).postId()), 1);
        assertEquals(1, events.size(), "published once: " + events);
        assertFalse(events.get(0).time().isBefore(publishAt), "event time is the publication");
        assertEquals(List.of("running"), events.get(0).data(PostCreated.class).topics());
    }

    @Test
    void cancelledPostNeverAppearsAndCancellingAgainIsNotFound() {
        arrange();
        String cancelled = schedule(owner, "Never mind", Instant.now().plusSeconds(5));
        as(TestTokens.member(owner)).delete("/communities/{id}/scheduled-posts/{postId}", community, cancelled)
                .then().statusCode(204);
        as(TestTokens.member(owner)).delete("/communities/{id}/scheduled-posts/{postId}", community, cancelled)
                .then().statusCode(404).body("detail", containsString(cancelled));
        // A witness scheduled after it for the same moment: once it is out, the cancelled one's time has passed too.
        String witness = schedule(admin, "This one stays", Instant.now().plusSeconds(5));
        KafkaEvents.awaitEvent(EventType.POST_CREATED, e -> witness.equals(e.data(PostCreated.class).postId()));
        as(TestTokens.member(member)).get("/communities/{id}/posts/{postId}", community, cancelled).then()
                .statusCode(404);
        assertTrue(KafkaEvents.events(EventType.POST_CREATED,
                e -> cancelled.equals(e.data(PostCreated.class).postId())).isEmpty());
        // Published: a post now, no longer a scheduled one to cancel.
        as(TestTokens.member(owner)).delete("/communities/{id}/scheduled-posts/{postId}", community, witness)
                .then().statusCode(404);
    }

    @Test
    void memberOrPartnerGivingAPublishTimeIsRefusedAndNothingIsScheduled() {
        arrange();
        Map<String, Object> body = Map.of("body", "Later please", "publishAt",
                Instant.now().plusSeconds(60).toString());
        as(TestTokens.member(member)).body(body).post("/communities/{id}/posts", community).then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/forbidden"));
        as(TestTokens.partner("crm-" + UUID.randomUUID())).body(body).post("/communities/{id}/posts", community)
                .then().statusCode(403);
        as(TestTokens.member(owner)).get("/communities/{id}/scheduled-posts", community).then().statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void publishTimeInThePastOrMoreThanAYearAheadIsRefused() {
        arrange();
        for (Instant when : List.of(Instant.now().minusSeconds(5), Instant.now().plus(Duration.ofDays(366)))) {
            as(TestTokens.member(owner)).body(Map.of("body", "When?", "publishAt", when.toString()))
                    .post("/communities/{id}/posts", community).then().statusCode(400)
                    .body("violations.field", hasItem("publishAt"));
        }
        as(TestTokens.member(owner)).get("/communities/{id}/scheduled-posts", community).then()
                .body("items", equalTo(List.of()));
    }

    @Test
    void scheduledPostsArePagedInTheOrderTheyWereScheduledAndOnlyStaffSeeThem() {
        arrange();
        String first = schedule(owner, "One", Instant.now().plus(Duration.ofDays(2)));
        String second = schedule(admin, "Two", Instant.now().plus(Duration.ofDays(1)));
        String third = schedule(owner, "Three", Instant.now().plus(Duration.ofDays(3)));
        String cursor = as(TestTokens.member(admin)).queryParam("limit", 2)
                .get("/communities/{id}/scheduled-posts", community).then().statusCode(200)
                .body("items.id", equalTo(List.of(first, second))).extract().path("nextCursor");
        as(TestTokens.member(admin)).queryParam("limit", 2).queryParam("after", cursor)
                .get("/communities/{id}/scheduled-posts", community).then().statusCode(200)
                .body("items.id", equalTo(List.of(third))).body("$", not(org.hamcrest.Matchers.hasKey("nextCursor")));
        as(TestTokens.member(member)).get("/communities/{id}/scheduled-posts", community).then().statusCode(403);
        // Another community's staff cannot cancel it under their own community's path.
        String elsewhere = UUID.randomUUID().toString();
        ContentApi.joined(elsewhere, member, CommunityRole.OWNER);
        as(TestTokens.member(member)).delete("/communities/{id}/scheduled-posts/{postId}", elsewhere, first)
                .then().statusCode(404);
        as(TestTokens.member(admin)).delete("/communities/{id}/scheduled-posts/{postId}", community, second)
                .then().statusCode(204);
        as(TestTokens.member(admin)).get("/communities/{id}/scheduled-posts", community).then()
                .body("items.id", equalTo(List.of(first, third)));
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheSameScheduledPost() {
        arrange();
        Map<String, Object> body = Map.of("body", "Once", "publishAt", Instant.now().plusSeconds(600).toString());
        String first = as(TestTokens.member(owner)).header("Idempotency-Key", "sched-1").body(body)
                .post("/communities/{id}/posts", community).then().statusCode(202).extract().path("id");
        as(TestTokens.member(owner)).header("Idempotency-Key", "sched-1").body(body)
                .post("/communities/{id}/posts", community).then().statusCode(202).body("id", equalTo(first))
                .header("Idempotent-Replayed", "true");
        as(TestTokens.member(owner)).get("/communities/{id}/scheduled-posts", community).then()
                .body("items.id", equalTo(List.of(first)));
    }

    private String schedule(String staff, String body, Instant publishAt) {
        return as(TestTokens.member(staff)).body(Map.of("body", body, "publishAt", publishAt.toString()))
                .post("/communities/{id}/posts", community).then().statusCode(202).extract().path("id");
    }
}
