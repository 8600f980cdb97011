package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.AnnouncementPublished;
import io.hearth.contracts.events.AnnouncementRead;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Announcements: staff publish, members read and mark read once, staff see the reach and who has not read it. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class AnnouncementResourceTest {
    private static final String ANNOUNCEMENTS = "/communities/{id}/announcements";
    private static final String ANNOUNCEMENT = ANNOUNCEMENTS + "/{announcementId}";

    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();
    private final String admin = "admin-" + UUID.randomUUID();
    private final String ann = "ann-" + UUID.randomUUID();
    private final String bo = "bo-" + UUID.randomUUID();

    @BeforeEach
    void arrange() {
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        ContentApi.joined(community, admin, CommunityRole.ADMIN);
        ContentApi.joined(community, ann, CommunityRole.MEMBER);
        ContentApi.joined(community, bo, CommunityRole.MEMBER);
    }

    @Test
    void staffPublishAndTheEventSaysWhoAndWhetherPinnedButNotTheText() {
        var created = as(TestTokens.member(admin)).body(Map.of("title", "  Meetup moves  ", "body", "Saturday at 9",
                "pinned", true)).post(ANNOUNCEMENTS, community)
                .then().statusCode(201)
                .body("title", equalTo("Meetup moves")).body("authorId", equalTo(admin)).body("pinned", equalTo(true))
                .body("readCount", equalTo(0)).body("readByMe", equalTo(false))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/communities/" + community + "/announcements/" + id),
                created.header("Location"));
        PublishedEvent event = KafkaEvents.awaitEvent(EventType.ANNOUNCEMENT_PUBLISHED, e -> community.equals(e.key()));
        assertEquals(new AnnouncementPublished(community, id, admin, true), event.data(AnnouncementPublished.class));
        as(TestTokens.member(ann)).get(ANNOUNCEMENT, community, id).then().statusCode(200)
                .body("body", equalTo("Saturday at 9")).body("readByMe", equalTo(false));
    }

    @Test
    void pinnedComeFirstThenNewestAndPagesFollowThatOrder() {
        String oldPinned = announce(owner, "old pinned", true);
        String oldPlain = announce(owner, "old plain", false);
        String newPinned = announce(admin, "new pinned", true);
        String newPlain = announce(admin, "new plain", null);
        as(TestTokens.member(ann)).get(ANNOUNCEMENTS, community).then().statusCode(200)
                .body("items.id", contains(newPinned, oldPinned, newPlain, oldPlain))
                .body("items.pinned", contains(true, true, false, false))
                .body("nextCursor", nullValue());

        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            var request = as(TestTokens.member(ann)).queryParam("limit", 1);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.get(ANNOUNCEMENTS, community).then().statusCode(200).body("items", hasSize(1))
                    .extract().jsonPath();
            paged.add(page.getString("items[0].id"));
            after = page.getString("nextCursor");
        } while (after != null);
        assertEquals(List.of(newPinned, oldPinned, newPlain, oldPlain), paged);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameAnnouncement() {
        Map<String, Object> body = Map.of("title", "Once", "body", "only once");
        String first = as(TestTokens.member(owner)).header("Idempotency-Key", "k-1").body(body)
                .post(ANNOUNCEMENTS, community).then().statusCode(201).extract().path("id");
        as(TestTokens.member(owner)).header("Idempotency-Key", "k-1").body(body).post(ANNOUNCEMENTS, community)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(TestTokens.member(owner)).get(ANNOUNCEMENTS, community).then().body("items", hasSize(1));
    }

    @Test
    void markingReadTwiceCountsOnceAndPublishesOnce() {
        String id = announce(owner, "Read me", false);
        as(TestTokens.member(ann)).post(ANNOUNCEMENT + "/reads", community, id).then().statusCode(200)
                .body("readCount", equalTo(1)).body("readByMe", equalTo(true));
        as(TestTokens.member(ann)).post(ANNOUNCEMENT + "/reads", community, id).then().statusCode(200)
                .body("readCount", equalTo(1)).body("readByMe", equalTo(true));
        as(TestTokens.member(ann)).get(ANNOUNCEMENTS, community).then()
                .body("items[0].readCount", equalTo(1)).body("items[0].readByMe", equalTo(true));
        as(TestTokens.member(bo)).get(ANNOUNCEMENT, community, id).then()
                .body("readCount", equalTo(1)).body("readByMe", equalTo(false));

        // Bo's read comes after Ann's on the community's partition: once it is there, Ann's repeat would be too.
        as(TestTokens.member(bo)).post(ANNOUNCEMENT + "/reads", community, id).then().statusCode(200)
                .body("readCount", equalTo(2));
        List<PublishedEvent> reads = KafkaEvents.awaitEvents(EventType.ANNOUNCEMENT_READ,
                e -> community.equals(e.key()), 2);
        assertEquals(List.of(new AnnouncementRead(community, id, ann), new AnnouncementRead(community, id, bo)),
                reads.stream().map(e -> e.data(AnnouncementRead.class)).toList());
    }

    @Test
    void statsCountCurrentMembersOnlyAndListWhoHasNotRead() {
        String cy = "cy-" + UUID.randomUUID();
        ContentApi.joined(community, cy, CommunityRole.MEMBER);
        String id = announce(owner, "Reach", true);
        for (String reader : List.of(ann, admin, cy)) {
            as(TestTokens.member(reader)).post(ANNOUNCEMENT + "/reads", community, id).then().statusCode(200);
        }
        // Cy read it and left: still a read, no longer a current member.
        ContentApi.left(community, cy);

        as(TestTokens.member(admin)).get(ANNOUNCEMENT + "/stats", community, id).then().statusCode(200)
                .body("readCount", equalTo(3)).body("currentMembers", equalTo(2))
                .body("currentMemberReads", equalTo(1)).body("readShare", equalTo(0.5f));
        as(TestTokens.member(owner)).get(ANNOUNCEMENT + "/unread-members", community, id).then().statusCode(200)
                .body("items.userId", contains(bo)).body("nextCursor", nullValue());

        String dan = "dan-" + UUID.randomUUID();
        ContentApi.joined(community, dan, CommunityRole.MEMBER);
        List<String> unread = new ArrayList<>();
        String after = null;
        do {
            var request = as(TestTokens.member(owner)).queryParam("limit", 1);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.get(ANNOUNCEMENT + "/unread-members", community, id).then().statusCode(200)
                    .body("items", hasSize(1)).extract().jsonPath();
            unread.add(page.getString("items[0].userId"));
            after = page.getString("nextCursor");
        } while (after != null);
        assertEquals(List.of(bo, dan).stream().sorted().toList(), unread);
    }

    @Test
    void readShareIsZeroWhenTheCommunityHasNoMembersButStaff() {
        String lonely = UUID.randomUUID().toString();
        ContentApi.joined(lonely, owner, CommunityRole.OWNER);
        String id = as(TestTokens.member(owner)).body(Map.of("title", "Anyone?", "body", "hello"))
                .post(ANNOUNCEMENTS, lonely).then().statusCode(201).extract().path("id");
        as(TestTokens.member(owner)).post(ANNOUNCEMENT + "/reads", lonely, id).then().statusCode(200);
        as(TestTokens.member(owner)).get(ANNOUNCEMENT + "/stats", lonely, id).then().statusCode(200)
                .body("readCount", equalTo(1)).body("currentMembers", equalTo(0))
                .body("currentMemberReads", equalTo(0)).body("readShare", equalTo(0.0f));
    }

    @Test
    void aMemberCannotPublishAndAnOutsiderCannotRead() {
        String id = announce(owner, "Members only", false);
        as(TestTokens.member(ann)).body(Map.of("title", "Me too", "body", "x")).post(ANNOUNCEMENTS, community)
                .then().statusCode(403).body("type", endsWith("/forbidden"));
        as(TestTokens.member(ann)).get(ANNOUNCEMENT + "/stats", community, id).then().statusCode(403);
        as(TestTokens.member(ann)).get(ANNOUNCEMENT + "/unread-members", community, id).then().statusCode(403);
        String outsider = "outsider-" + UUID.randomUUID();
        as(TestTokens.member(outsider)).get(ANNOUNCEMENTS, community).then().statusCode(403);
        as(TestTokens.member(outsider)).get(ANNOUNCEMENT, community, id).then().statusCode(403);
        as(TestTokens.member(outsider)).post(ANNOUNCEMENT + "/reads", community, id).then().statusCode(403);
        as(TestTokens.member(owner)).get(ANNOUNCEMENT, community, id).then().body("readCount", equalTo(0));
    }

    @Test
    void aMutedMemberMayStillMarkReadButMutedStaffCannotPublish() {
        String id = announce(owner, "Still readable", false);
        KafkaEvents.publish(new MemberMuted(community, admin, Instant.now().plusSeconds(600), "cool down",
                owner), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> as(TestTokens
                .member(admin)).body(Map.of("title", "t", "body", "b")).post(ANNOUNCEMENTS, community).statusCode()
                == 403);
        as(TestTokens.member(admin)).body(Map.of("title", "t", "body", "b")).post(ANNOUNCEMENTS, community).then()
                .body("type", endsWith("/muted"));
        as(TestTokens.member(admin)).post(ANNOUNCEMENT + "/reads", community, id).then().statusCode(200)
                .body("readByMe", equalTo(true));
    }

    @Test
    void anUnknownAnnouncementOrAnotherCommunitysIsNotFound() {
        String elsewhere = UUID.randomUUID().toString();
        ContentApi.joined(elsewhere, owner, CommunityRole.OWNER);
        String theirs = as(TestTokens.member(owner)).body(Map.of("title", "Other", "body", "x"))
                .post(ANNOUNCEMENTS, elsewhere).then().statusCode(201).extract().path("id");
        for (String id : List.of(UUID.randomUUID().toString(), theirs)) {
            as(TestTokens.member(ann)).get(ANNOUNCEMENT, community, id).then().statusCode(404)
                    .body("type", endsWith("/not-found"));
            as(TestTokens.member(ann)).post(ANNOUNCEMENT + "/reads", community, id).then().statusCode(404);
            as(TestTokens.member(owner)).get(ANNOUNCEMENT + "/stats", community, id).then().statusCode(404);
            as(TestTokens.member(owner)).get(ANNOUNCEMENT + "/unread-members", community, id).then().statusCode(404);
        }
    }

    @Test
    void invalidAnnouncementsAndCursorsAreRefusedWith400() {
        for (Map<String, Object> body : List.of(Map.<String, Object>of("body", "no title"),
                Map.<String, Object>of("title", " ", "body", "blank title"),
                Map.<String, Object>of("title", "x".repeat(201), "body", "long title"),
                Map.<String, Object>of("title", "no body"),
                Map.<String, Object>of("title", "long body", "body", "x".repeat(10001)))) {
            as(TestTokens.member(owner)).body(body).post(ANNOUNCEMENTS, community).then().statusCode(400)
                    .body("type", endsWith("/validation"));
        }
        as(TestTokens.member(owner)).body("{\"title\":\"t\",\"body\":\"b\",\"pinned\":\"maybe\"}")
                .post(ANNOUNCEMENTS, community).then().statusCode(400);
        as(TestTokens.member(owner)).get(ANNOUNCEMENTS, community).then().body("items", hasSize(0));
        for (String cursor : List.of("42", "2.5", "1.x", "1.-3")) {
            as(TestTokens.member(ann)).queryParam("after", cursor).get(ANNOUNCEMENTS, community).then()
                    .statusCode(400).body("detail", containsString("after"));
        }
        as(TestTokens.member(ann)).queryParam("limit", 101).get(ANNOUNCEMENTS, community).then().statusCode(400);
    }

    private String announce(String author, String title, Boolean pinned) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "body", "About " + title));
        if (pinned != null) {
            body.put("pinned", pinned);
        }
        return as(TestTokens.member(author)).body(body).post(ANNOUNCEMENTS, community).then().statusCode(201)
                .extract().path("id");
    }
}
