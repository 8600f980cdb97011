package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Entries that expire or take a limited number of joins, and what a join through one carries. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class EntryLimitsTest {
    private static final String PROBLEMS = "https://hearth.dev/problems/";

    @Test
    void joinCarriesTheEntrysSourceAndTheVisitorIntoTheMembershipAndTheEvent() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String code = MembershipApi.createEntry(community, TestTokens.operator(owner),
                Map.of("channel", "INVITE_LINK", "source", "poster"));
        String person = "person-" + UUID.randomUUID();
        as(TestTokens.member(person)).body(Map.of("entryCode", code, "visitorId", "v_42-abc"))
                .post("/communities/{id}/members", community)
                .then().statusCode(201).body("channel", equalTo("INVITE_LINK")).body("source", equalTo("poster"));

        MemberJoined joined = KafkaEvents.awaitEvent(EventType.MEMBER_JOINED, e -> e.subject().equals(community)
                && e.data(MemberJoined.class).userId().equals(person)).data(MemberJoined.class);
        assertEquals("poster", joined.source());
        assertEquals("v_42-abc", joined.visitorId());
        assertEquals(code, joined.entryCode());
        assertEquals("v_42-abc", MembershipApi.queryOne(
                "select visitor_id from membership where community_id = ? and user_id = ?",
                UUID.fromString(community), person));
        assertEquals(1, MembershipApi.queryOne("select uses from entry where code = ?", code));
    }

    @Test
    void malformedVisitorIdIsRefusedAndNobodyJoins() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String person = "person-" + UUID.randomUUID();
        for (String visitor : List.of("", "has space", "x".repeat(65), "semi;colon")) {
            as(TestTokens.member(person)).body(Map.of("visitorId", visitor))
                    .post("/communities/{id}/members", community)
                    .then().statusCode(400).body("violations[0].field", equalTo("visitorId"));
        }
        assertEquals(List.of(owner), joinedUsers(community, owner));
    }

    @Test
    void expiredEntryRefusesTheJoinSayingSoAndTakesNothing() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String code = MembershipApi.createEntry(community, TestTokens.operator(owner),
                Map.of("channel", "INVITE_LINK", "expiresAt", Instant.now().plusSeconds(3600).toString()));
        // Time passes: the entry expired a minute ago.
        MembershipApi.execute("update entry set expires_at = now() - interval '1 minute' where code = ?", code);

        String late = "late-" + UUID.randomUUID();
        as(TestTokens.member(late)).body(Map.of("entryCode", code)).post("/communities/{id}/members", community)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "entry-expired"));

        assertEquals(0, MembershipApi.queryOne("select uses from entry where code = ?", code));
        assertEquals(List.of(owner), joinedUsers(community, owner));
        as(TestTokens.operator(owner)).get("/communities/{id}", community).then().body("memberCount", equalTo(1));
    }

    @Test
    void usedUpEntryRefusesTheJoinSayingSoOnceItsUsesAreTaken() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String code = MembershipApi.createEntry(community, TestTokens.operator(owner),
                Map.of("channel", "INVITE_LINK", "maxUses", 1));
        String first = "first-" + UUID.randomUUID();
        as(TestTokens.member(first)).body(Map.of("entryCode", code)).post("/communities/{id}/members", community)
                .then().statusCode(201);

        String second = "second-" + UUID.randomUUID();
        as(TestTokens.member(second)).body(Map.of("entryCode", code)).post("/communities/{id}/members", community)
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "entry-used-up"));

        assertEquals(1, MembershipApi.queryOne("select uses from entry where code = ?", code));
        assertEquals(List.of(owner, first), joinedUsers(community, owner));
        // The community itself is still open to joins that name no entry.
        MembershipApi.join(community, second);
    }

    @Test
    void aJoinRefusedForAnotherReasonGivesItsUseBack() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, 2);
        String code = MembershipApi.createEntry(community, TestTokens.operator(owner),
                Map.of("channel", "INVITE_LINK", "maxUses", 5));
        MembershipApi.join(community, "filler-" + UUID.randomUUID());

        as(TestTokens.member("late-" + UUID.randomUUID())).body(Map.of("entryCode", code))
                .post("/communities/{id}/members", community)
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "community-full"));
        assertEquals(0, MembershipApi.queryOne("select uses from entry where code = ?", code));
    }

    @Test
    void concurrentJoinsThroughAnEntryTakeExactlyItsUsesAndRefuseTheRestAsUsedUp() {
        int maxUses = 3;
        int joiners = 16;
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String code = MembershipApi.createEntry(community, TestTokens.operator(owner),
                Map.of("channel", "INVITE_LINK", "maxUses", maxUses));
        List<Callable<String>> joins = new ArrayList<>();
        for (int i = 0; i < joiners; i++) {
            String person = "joiner-" + i + "-" + UUID.randomUUID();
            joins.add(() -> {
                var response = as(TestTokens.member(person)).body(Map.of("entryCode", code))
                        .post("/communities/{id}/members", community);
                return response.statusCode() == 201 ? "201"
                        : response.statusCode() + " " + response.jsonPath().getString("type");
            });
        }

        Map<String, Long> outcomes = Concurrently.run(joins).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(Map.of("201", (long) maxUses, "422 " + PROBLEMS + "entry-used-up", (long) joiners - maxUses),
                outcomes);
        assertEquals(maxUses, MembershipApi.queryOne("select uses from entry where code = ?", code));
        as(TestTokens.operator(owner)).get("/communities/{id}", community).then()
                .body("memberCount", equalTo(maxUses + 1));
        assertEquals(maxUses + 1, joinedUsers(community, owner).size());
    }

    /** Who the community's join events say joined, in order, once every earlier event is out. */
    private static List<String> joinedUsers(String community, String owner) {
        return MembershipApi.eventsOnceALaterEventIsOut(community, owner).stream()
                .filter(e -> e.is(EventType.MEMBER_JOINED)).map(e -> e.data(MemberJoined.class).userId()).toList();
    }
}
