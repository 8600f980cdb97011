package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.BroadcastPublished;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.PostCreated;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Broadcasts: a post in every target community, then inbox deliveries driven by hearth.broadcast.published through the
 * real broker, once per person, within the daily cap.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class BroadcastTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String communityA = UUID.randomUUID().toString();
    private final String communityB = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();

    @Test
    void personInTwoTargetCommunitiesGetsTheBroadcastOnceAndTheSenderNone() {
        String both = "both-" + UUID.randomUUID();
        String onlyA = "a-" + UUID.randomUUID();
        String onlyB = "b-" + UUID.randomUUID();
        ContentApi.joined(communityA, owner, CommunityRole.OWNER);
        ContentApi.joined(communityB, owner, CommunityRole.OWNER);
        ContentApi.joined(communityA, both, CommunityRole.MEMBER);
        ContentApi.joined(communityB, both, CommunityRole.ADMIN);
        ContentApi.joined(communityA, onlyA, CommunityRole.MEMBER);
        ContentApi.joined(communityB, onlyB, CommunityRole.MEMBER);

        String id = as(TestTokens.member(owner))
                .body(Map.of("communityIds", List.of(communityA, communityB), "title", "Summer meetup",
                        "body", "West Lake, 12 July"))
                .post("/broadcasts").then().statusCode(201)
                .header("Location", containsString("/broadcasts/")).body("status", equalTo("PUBLISHED"))
                .body("communityIds", equalTo(List.of(communityA, communityB))).extract().path("id");

        // Three people reached (the one in both communities once), nobody suppressed.
        awaitFigures(owner, id, 3, 0);
        for (String person : List.of(both, onlyA, onlyB)) {
            List<String> items = broadcastItems(person, id);
            assertEquals(1, items.size(), person + " got " + items);
        }
        assertTrue(broadcastItems(owner, id).isEmpty(), "the sender gets no copy");
        as(TestTokens.member(both)).get("/me/inbox").then()
                .body("items.find { it.broadcastId == '" + id + "' }.title", equalTo("Summer meetup"))
                .body("items.find { it.broadcastId == '" + id + "' }.body", equalTo("West Lake, 12 July"))
                .body("items.find { it.broadcastId == '" + id + "' }.kind", equalTo("broadcast"));

        // One post of kind BROADCAST in each community, each with its events.
        List<PublishedEvent> created = KafkaEvents.awaitEvents(EventType.POST_CREATED,
                e -> id.equals(e.data(PostCreated.class).broadcastId()), 2);
        assertEquals(2, created.size());
        created.forEach(e -> assertEquals("BROADCAST", e.data(PostCreated.class).kind()));
        List<PublishedEvent> published = KafkaEvents.awaitEvents(EventType.BROADCAST_PUBLISHED,
                e -> id.equals(e.data(BroadcastPublished.class).broadcastId()), 2);
        assertEquals(List.of(communityA, communityB), published.stream().map(PublishedEvent::subject).sorted(
                (x, y) -> x.equals(communityA) ? -1 : 1).toList());
        for (String community : List.of(communityA, communityB)) {
            as(TestTokens.member(owner)).get("/communities/{id}/posts", community).then()
                    .body("items.body", hasItem("Summer meetup\n\nWest Lake, 12 July"));
        }
        // Staff of a target community see the figures; its plain members do not.
        as(TestTokens.member(both)).get("/broadcasts/{id}", id).then().statusCode(200).body("delivered", equalTo(3));
        as(TestTokens.member(onlyA)).get("/broadcasts/{id}", id).then().statusCode(403);
    }

    @Test
    void dailyCapSuppressesBroadcastsPastItAndCountsThem() {
        String member = "m-" + UUID.randomUUID();
        ContentApi.joined(communityA, owner, CommunityRole.OWNER);
        ContentApi.joined(communityA, member, CommunityRole.MEMBER);

        // The default cap is 2 a day: the third broadcast of the day is suppressed for the member.
        List<String> ids = IntStream.rangeClosed(1, 3).mapToObj(i -> broadcast(owner, List.of(communityA),
                "News " + i)).toList();
        awaitFigures(owner, ids.get(2), 0, 1);
        awaitFigures(owner, ids.get(0), 1, 0);
        awaitFigures(owner, ids.get(1), 1, 0);
        assertEquals(1, broadcastItems(member, ids.get(0)).size());
        assertEquals(1, broadcastItems(member, ids.get(1)).size());
        assertTrue(broadcastItems(member, ids.get(2)).isEmpty());
        // Suppressed from the inbox only: the post is in the community all the same.
        as(TestTokens.member(member)).get("/communities/{id}/posts", communityA).then()
                .body("items.body", hasItem(containsString("News 3")));
    }

    @Test
    void ownersCapAppliesToMembersReachedThroughTheirCommunity() {
        String member = "m-" + UUID.randomUUID();
        ContentApi.joined(communityA, owner, CommunityRole.OWNER);
        ContentApi.joined(communityA, member, CommunityRole.MEMBER);
        as(TestTokens.member(owner)).get("/me/broadcast-settings").then().statusCode(200)
                .body("dailyCap", equalTo(2));
        as(TestTokens.member(owner)).body(Map.of("dailyCap", 1)).put("/me/broadcast-settings").then()
                .statusCode(200).body("dailyCap", equalTo(1));
        as(TestTokens.member(owner)).get("/me/broadcast-settings").then().body("dailyCap", equalTo(1));
        for (Object invalid : List.of(-1, 21)) {
            as(TestTokens.member(owner)).body(Map.of("dailyCap", invalid)).put("/me/broadcast-settings").then()
                    .statusCode(400);
        }
        as(TestTokens.member(owner)).body(Map.of()).put("/me/broadcast-settings").then().statusCode(400);

        String first = broadcast(owner, List.of(communityA), "One");
        String second = broadcast(owner, List.of(communityA), "Two");
        awaitFigures(owner, first, 1, 0);
        awaitFigures(owner, second, 0, 1);
    }

    @Test
    void senderWhoIsNotStaffOfEveryCommunityIsRefusedNamingWhereAndNothingIsPosted() {
        String third = UUID.randomUUID().toString();
        ContentApi.joined(communityA, owner, CommunityRole.OWNER);
        ContentApi.joined(communityB, owner, CommunityRole.MEMBER);
        as(TestTokens.member(owner))
                .body(Map.of("communityIds", List.of(communityA, communityB, third), "title", "Hi", "body", "All"))
                .post("/broadcasts").then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/forbidden"))
                .body("detail", containsString(communityB)).body("detail", containsString(third))
                .body("detail", not(containsString(communityA)));
        as(TestTokens.member(owner)).get("/communities/{id}/posts", communityA).then()
                .body("items", equalTo(List.of()));
    }

    @Test
    void staffMutedInATargetCommunityIsRefusedAsMuted() {
        ContentApi.joined(communityA, owner, CommunityRole.OWNER);
        ContentApi.joined(communityB, owner, CommunityRole.ADMIN);
        KafkaEvents.publish(new MemberMuted(communityB, owner, Instant.now().plusSeconds(3600), "Cool down",
                "owner-" + UUID.randomUUID()), Instant.now());
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> as(TestTokens.member(owner))
                .body(Map.of("body", "still here?")).post("/communities/{id}/posts", communityB).statusCode() == 403);
        as(TestTokens.member(owner))
                .body(Map.of("communityIds", List.of(communityA, communityB), "title", "Hi", "body", "All"))
                .post("/broadcasts").then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/muted"))
                .body("detail", containsString(communityB));
        as(TestTokens.member(owner)).get("/communities/{id}/posts", communityA).then()
                .body("items", equalTo(List.of()));
    }

    @Test
    void invalidBroadcastsAreRefused() {
        ContentApi.joined(communityA, owner, CommunityRole.OWNER);
        List<Map<String, Object>> invalid = List.of(
                Map.of("communityIds", List.of(), "title", "t", "body", "b"),
                Map.of("communityIds", List.of(communityA, communityA), "title", "t", "body", "b"),
                Map.of("communityIds", IntStream.range(0, 51).mapToObj(i -> UUID.randomUUID().toString()).toList(),
                        "title", "t", "body", "b"),
                Map.of("communityIds", List.of(communityA), "title", " ", "body", "b"),
                Map.of("communityIds", List.of(communityA), "title", "t", "body", "b",
                        "publishAt", Instant.now().minusSeconds(1).toString()));
        for (Map<String, Object> body : invalid) {
            as(TestTokens.member(owner)).body(body).post("/broadcasts").then().statusCode(400);
        }
        as(TestTokens.member(owner)).get("/communities/{id}/posts", communityA).then()
                .body("items", equalTo(List.of()));
    }

    @Test
    void scheduledBroadcastAppearsAndIsDeliveredWhenDue() {
        String member = "m-" + UUID.randomUUID();
        ContentApi.joined(communityA, owner, CommunityRole.OWNER);
        ContentApi.joined(communityA, member, CommunityRole.MEMBER);
        String id = as(TestTokens.member(owner))
                .body(Map.of("communityIds", List.of(communityA), "title", "Later", "body", "Soon",
                        "publishAt", Instant.now().plusSeconds(3).toString()))
                .post("/broadcasts").then().statusCode(201).body("status", equalTo("SCHEDULED")).extract().path("id");
        as(TestTokens.member(owner)).get("/communities/{id}/scheduled-posts", communityA).then()
                .body("items.broadcastId", equalTo(List.of(id))).body("items.kind", equalTo(List.of("BROADCAST")));
        assertTrue(broadcastItems(member, id).isEmpty());
        awaitFigures(owner, id, 1, 0);
        as(TestTokens.member(owner)).get("/broadcasts/{id}", id).then().body("status", equalTo("PUBLISHED"));
        as(TestTokens.member(owner)).get("/communities/{id}/scheduled-posts", communityA).then()
                .body("items", equalTo(List.of()));
    }

    @Test
    void readsCountIntoTheBroadcastOncePerItem() {
        String member = "m-" + UUID.randomUUID();
        ContentApi.joined(communityA, owner, CommunityRole.OWNER);
        ContentApi.joined(communityA, member, CommunityRole.MEMBER);
        String id = broadcast(owner, List.of(communityA), "Read me");
        awaitFigures(owner, id, 1, 0);
        String item = broadcastItems(member, id).get(0);
        String readAt = as(TestTokens.member(member)).post("/me/inbox/{item}/read", item).then().statusCode(200)
                .body("read", equalTo(true)).extract().path("readAt");
        as(TestTokens.member(member)).post("/me/inbox/{item}/read", item).then().statusCode(200)
                .body("readAt", equalTo(readAt));
        // Someone else's item is not found in the caller's inbox, and reading it there counts nothing.
        as(TestTokens.member(owner)).post("/me/inbox/{item}/read", item).then().statusCode(404);
        as(TestTokens.member(owner)).get("/broadcasts/{id}", id).then().body("read", equalTo(1));
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheSameBroadcast() {
        ContentApi.joined(communityA, owner, CommunityRole.OWNER);
        Map<String, Object> body = Map.of("communityIds", List.of(communityA), "title", "Once", "body", "Only");
        String first = as(TestTokens.member(owner)).header("Idempotency-Key", "b-1").body(body).post("/broadcasts")
                .then().statusCode(201).extract().path("id");
        as(TestTokens.member(owner)).header("Idempotency-Key", "b-1").body(body).post("/broadcasts").then()
                .statusCode(201).body("id", equalTo(first)).header("Idempotent-Replayed", "true");
        as(TestTokens.member(owner)).get("/communities/{id}/posts", communityA).then()
                .body("items.size()", equalTo(1));
        as(TestTokens.member(owner)).get("/broadcasts/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    private static String broadcast(String sender, List<String> communities, String title) {
        return as(TestTokens.member(sender))
                .body(Map.of("communityIds", communities, "title", title, "body", "Body of " + title))
                .post("/broadcasts").then().statusCode(201).extract().path("id");
    }

    private static void awaitFigures(String sender, String id, int delivered, int suppressed) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath figures = as(TestTokens.member(sender)).get("/broadcasts/{id}", id).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(List.of(delivered, suppressed),
                    List.of(figures.getInt("delivered"), figures.getInt("suppressed")), "broadcast " + id);
        });
    }

    /** Ids of the person's inbox items of this broadcast. */
    private static List<String> broadcastItems(String person, String broadcastId) {
        return as(TestTokens.member(person)).queryParam("limit", 100).get("/me/inbox").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.broadcastId == '" + broadcastId + "' }.id");
    }
}
