package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
