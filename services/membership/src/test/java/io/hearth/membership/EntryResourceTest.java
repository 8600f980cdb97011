package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.EntryCreated;
import io.hearth.contracts.events.EventType;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class EntryResourceTest {

    @Test
    void ownerCreatesEntryWithCode() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String code = as(TestTokens.operator(owner)).body(Map.of("channel", "REFERRAL"))
                .post("/communities/{id}/entries", community)
                .then().statusCode(201).body("channel", equalTo("REFERRAL")).body("createdBy", equalTo(owner))
                .extract().path("code");
        EntryCreated event = KafkaEvents.awaitEvent(EventType.ENTRY_CREATED, e -> e.subject().equals(community))
                .data(EntryCreated.class);
        assertEquals(code, event.code());
        assertEquals("REFERRAL", event.channel());
    }

    @Test
    void plainMemberCannotCreateEntry() {
        String community = MembershipApi.createCommunity("owner-" + UUID.randomUUID(), null);
        String member = "member-" + UUID.randomUUID();
        MembershipApi.join(community, member);
        as(TestTokens.member(member)).body(Map.of("channel", "INVITE_LINK"))
                .post("/communities/{id}/entries", community)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void operatorOfAnotherCommunityCannotCreateEntry() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String otherOwner = "owner-" + UUID.randomUUID();
        MembershipApi.createCommunity(otherOwner, null);
        as(TestTokens.operator(otherOwner)).body(Map.of("channel", "INVITE_LINK"))
                .post("/communities/{id}/entries", community)
                .then().statusCode(403);
        // The owner's later entry is the community's only one: the refused request published nothing.
        String code = MembershipApi.createEntry(community, owner, "INVITE_LINK");
        assertEquals(List.of(code), KafkaEvents.awaitEvents(EventType.ENTRY_CREATED,
                e -> e.subject().equals(community), 1).stream().map(e -> e.data(EntryCreated.class).code()).toList());
    }

    @Test
    void unknownChannelIsRejected() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        as(TestTokens.operator(owner)).body(Map.of("channel", "CARRIER_PIGEON"))
                .post("/communities/{id}/entries", community)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("channel"));
        as(TestTokens.operator(owner)).body("{}").post("/communities/{id}/entries", community)
                .then().statusCode(400).body("violations.field", hasItem("channel"));
    }

    @Test
    void entryCarriesItsSourceExpiryAndMaxUsesInTheAnswerAndTheEvent() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        Instant expiresAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        String code = as(TestTokens.operator(owner)).body(Map.of("channel", "INVITE_LINK", "source", "partner-acme",
                "expiresAt", expiresAt.toString(), "maxUses", 50))
                .post("/communities/{id}/entries", community)
                .then().statusCode(201).body("source", equalTo("partner-acme"))
                .body("expiresAt", equalTo(expiresAt.toString())).body("maxUses", equalTo(50))
                .body("uses", equalTo(0)).extract().path("code");
        EntryCreated event = KafkaEvents.awaitEvent(EventType.ENTRY_CREATED, e -> e.subject().equals(community))
                .data(EntryCreated.class);
        assertEquals(new EntryCreated(community, code, "INVITE_LINK", owner, "partner-acme", expiresAt, 50), event);
    }

    @Test
    void anyMemberCreatesAReferralWhoseReferrerTheyAre() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String member = "member-" + UUID.randomUUID();
        MembershipApi.join(community, member);
        String code = as(TestTokens.member(member)).body(Map.of("channel", "REFERRAL", "source", "wechat-moments"))
                .post("/communities/{id}/entries", community)
                .then().statusCode(201).body("createdBy", equalTo(member)).extract().path("code");
        EntryCreated event = KafkaEvents.awaitEvent(EventType.ENTRY_CREATED, e -> e.subject().equals(community))
                .data(EntryCreated.class);
        assertEquals(member, event.createdBy());

        // A friend joining through it is the member's referral.
        String friend = "friend-" + UUID.randomUUID();
        as(TestTokens.member(friend)).body(Map.of("entryCode", code)).post("/communities/{id}/members", community)
                .then().statusCode(201).body("referrerId", equalTo(member)).body("source", equalTo("wechat-moments"));
    }

    @Test
    void aMemberAskingForAnotherChannelOrAnOutsiderForAReferralIsRefusedAndNothingIsCreated() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String member = "member-" + UUID.randomUUID();
        MembershipApi.join(community, member);
        for (String channel : List.of("INVITE_LINK", "LIVE_CODE")) {
            as(TestTokens.member(member)).body(Map.of("channel", channel))
                    .post("/communities/{id}/entries", community)
                    .then().statusCode(403).body("type", equalTo("https://hearth.dev/problems/forbidden"));
        }
        as(TestTokens.member("outsider-" + UUID.randomUUID())).body(Map.of("channel", "REFERRAL"))
                .post("/communities/{id}/entries", community).then().statusCode(403);
        assertEquals(1, MembershipApi.eventsOnceALaterEventIsOut(community, owner).stream()
                .filter(e -> e.is(EventType.ENTRY_CREATED)).count());
    }

    @Test
    void badSourceExpiryOrMaxUsesIsRefusedNamingTheField() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        Map<String, Map<String, Object>> bad = Map.of(
                "source", Map.of("channel", "INVITE_LINK", "source", "x".repeat(41)),
                "source ", Map.of("channel", "INVITE_LINK", "source", " poster"),
                "source  ", Map.of("channel", "INVITE_LINK", "source", "post\ter"),
                "expiresAt", Map.of("channel", "INVITE_LINK", "expiresAt", Instant.now().minusSeconds(60).toString()),
                "maxUses", Map.of("channel", "INVITE_LINK", "maxUses", 0),
                "expiresAt ", Map.of("channel", "INVITE_LINK", "expiresAt", "+100000-01-01T00:00:00Z"));
        bad.forEach((field, body) -> as(TestTokens.operator(owner)).body(body)
                .post("/communities/{id}/entries", community)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field.strip())));
        as(TestTokens.operator(owner)).body(Map.of("channel", "INVITE_LINK", "source", "x".repeat(40)))
                .post("/communities/{id}/entries", community).then().statusCode(201);
    }
}
