package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.EntryOpened;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** GET /entries/{code}: the public preview behind an invite or referral link, and the opening it records. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class EntryPreviewTest {
    private static final String VISITOR = "Hearth-Visitor-Id";

    @Test
    void anAnonymousVisitorSeesThePreviewGetsAVisitorIdAndTheOpeningIsRecorded() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, 200);
        String code = MembershipApi.createEntry(community, TestTokens.operator(owner),
                Map.of("channel", "INVITE_LINK", "source", "poster"));

        Response preview = given().get("/entries/{code}", code);
        preview.then().statusCode(200).contentType("application/json")
                .body("communityId", equalTo(community)).body("name", equalTo("Morning Runners"))
                .body("theme", equalTo("Run 5 km before work")).body("kind", equalTo("HOBBY"))
                .body("memberCount", equalTo(1)).body("sizeTier", equalTo("SMALL")).body("sizeCap", equalTo(200))
                .body("channel", equalTo("INVITE_LINK")).body("entryCode", equalTo(code))
                .body("source", equalTo("poster")).body("usable", equalTo(true))
                .body("unusableReason", nullValue())
                .body("visitorId", matchesPattern("[A-Za-z0-9_-]{1,64}"));
        String visitor = preview.jsonPath().getString("visitorId");
        assertEquals(visitor, preview.header(VISITOR));

        EntryOpened opened = KafkaEvents.awaitEvent(EventType.ENTRY_OPENED, e -> e.subject().equals(community))
                .data(EntryOpened.class);
        assertEquals(new EntryOpened(community, visitor, code, null, "INVITE_LINK", "poster", null, null), opened);
    }

    @Test
    void theVisitorIdSentComesBackAndASignedInOpenerIsNamedWhileAnInvalidTokenIsIgnored() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String member = "member-" + UUID.randomUUID();
        MembershipApi.join(community, member);
        String code = MembershipApi.createEntry(community, TestTokens.member(member), Map.of("channel", "REFERRAL"));
        String reader = "reader-" + UUID.randomUUID();

        given().header(VISITOR, "visitor_1").auth().oauth2(TestTokens.member(reader)).get("/entries/{code}", code)
                .then().statusCode(200).header(VISITOR, "visitor_1").body("visitorId", equalTo("visitor_1"));
        given().header(VISITOR, "visitor_2").auth().oauth2(TestTokens.expired(reader, "member"))
                .get("/entries/{code}", code).then().statusCode(200).body("visitorId", equalTo("visitor_2"));

        List<EntryOpened> openings = KafkaEvents.awaitEvents(EventType.ENTRY_OPENED,
                e -> e.subject().equals(community), 2).stream().map(e -> e.data(EntryOpened.class)).toList();
        assertEquals(List.of(
                new EntryOpened(community, "visitor_1", code, null, "REFERRAL", null, member, reader),
                new EntryOpened(community, "visitor_2", code, null, "REFERRAL", null, member, null)), openings);
    }

    @Test
    void anAnonymousOpenerWhoJoinsLaterIsOneJourney() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String code = MembershipApi.createEntry(community, TestTokens.operator(owner),
                Map.of("channel", "INVITE_LINK", "source", "article"));
        String visitor = given().get("/entries/{code}", code).then().statusCode(200).extract().path("visitorId");

        String person = "person-" + UUID.randomUUID();
        as(TestTokens.member(person)).body(Map.of("entryCode", code, "visitorId", visitor))
                .post("/communities/{id}/members", community).then().statusCode(201);

        EntryOpened opened = KafkaEvents.awaitEvent(EventType.ENTRY_OPENED, e -> e.subject().equals(community))
                .data(EntryOpened.class);
        MemberJoined joined = KafkaEvents.awaitEvent(EventType.MEMBER_JOINED, e -> e.subject().equals(community)
                && e.data(MemberJoined.class).userId().equals(person)).data(MemberJoined.class);
        assertEquals(opened.visitorId(), joined.visitorId());
        assertEquals("article", joined.source());
        assertNull(opened.userId());
    }

    @Test
    void expiredUsedUpAndFullEntriesStillPreviewSayingWhyTheyTakeNoJoins() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, 2);
        String expired = MembershipApi.createEntry(community, TestTokens.operator(owner),
                Map.of("channel", "INVITE_LINK", "expiresAt", java.time.Instant.now().plusSeconds(86400).toString()));
        MembershipApi.execute("update entry set expires_at = now() - interval '1 second' where code = ?", expired);
        String usedUp = MembershipApi.createEntry(community, TestTokens.operator(owner),
                Map.of("channel", "INVITE_LINK", "maxUses", 1));
        as(TestTokens.member("first-" + UUID.randomUUID())).body(Map.of("entryCode", usedUp))
                .post("/communities/{id}/members", community).then().statusCode(201);
        String open = MembershipApi.createEntry(community, TestTokens.operator(owner), Map.of("channel", "INVITE_LINK"));

        given().get("/entries/{code}", expired).then().statusCode(200).body("usable", equalTo(false))
                .body("unusableReason", equalTo("entry-expired")).body("communityId", equalTo(community));
        given().get("/entries/{code}", usedUp).then().statusCode(200).body("usable", equalTo(false))
                .body("unusableReason", equalTo("entry-used-up"));
        given().get("/entries/{code}", open).then().statusCode(200).body("usable", equalTo(false))
                .body("unusableReason", equalTo("community-full")).body("memberCount", equalTo(2));
        KafkaEvents.awaitEvents(EventType.ENTRY_OPENED, e -> e.subject().equals(community), 3);
    }

    @Test
    void unknownCodeIs404AndAMalformedVisitorIdIs400AndNeitherIsRecorded() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String code = MembershipApi.createEntry(community, TestTokens.operator(owner), Map.of("channel", "INVITE_LINK"));

        given().get("/entries/{code}", "NOSUCHCODE").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/not-found"));
        for (String visitor : List.of("has space", "x".repeat(65), "semi;colon", "dot.ted")) {
            given().header(VISITOR, visitor).get("/entries/{code}", code).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo(VISITOR));
        }
        assertEquals(0, MembershipApi.eventsOnceALaterEventIsOut(community, owner).stream()
                .filter(e -> e.is(EventType.ENTRY_OPENED)).count());
    }
}
