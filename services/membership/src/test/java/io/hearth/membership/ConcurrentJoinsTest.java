package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.EntryCreated;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.Topics;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Joins at the same moment: a cap is never passed, a person is never a member twice, and the count stays true. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class ConcurrentJoinsTest {

    @Test
    void concurrentJoinsFillACappedCommunityExactlyToItsCapAndRefuseTheRestAsFull() {
        int cap = 6;
        int joiners = 30;
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, cap);
        List<Callable<Integer>> joins = new ArrayList<>();
        for (int i = 0; i < joiners; i++) {
            String person = "joiner-" + i + "-" + UUID.randomUUID();
            joins.add(() -> as(TestTokens.member(person)).body("{}").post("/communities/{id}/members", community)
                    .statusCode());
        }

        Map<Integer, Long> statuses = tally(Concurrently.run(joins));

        // The owner holds one of the places.
        assertEquals(Map.of(201, (long) cap - 1, 422, (long) joiners - cap + 1), statuses);
        as(TestTokens.operator(owner)).get("/communities/{id}", community).then().statusCode(200)
                .body("memberCount", equalTo(cap));
        as(TestTokens.operator(owner)).queryParam("limit", 100).get("/communities/{id}/members", community)
                .then().statusCode(200).body("items", hasSize(cap));
        assertEquals(cap, joinEventsOnceALaterEventIsOut(community, owner).size());
    }

    @Test
    void samePersonJoiningManyTimesAtOnceIsOneMemberAndTheRestConflicts() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String person = "eager-" + UUID.randomUUID();
        List<Callable<Integer>> joins = Collections.nCopies(8, () -> as(TestTokens.member(person)).body("{}")
                .post("/communities/{id}/members", community).statusCode());

        assertEquals(Map.of(201, 1L, 409, 7L), tally(Concurrently.run(joins)));
        as(TestTokens.operator(owner)).get("/communities/{id}", community).then().statusCode(200)
                .body("memberCount", equalTo(2));
        assertEquals(1, joinEventsOnceALaterEventIsOut(community, owner).stream()
                .filter(e -> e.data(MemberJoined.class).userId().equals(person)).count());
    }

    @Test
    void leavingGivesThePlaceBackToTheNextJoiner() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, 2);
        String first = "first-" + UUID.randomUUID();
        MembershipApi.join(community, first);
        as(TestTokens.member("late-" + UUID.randomUUID())).body("{}").post("/communities/{id}/members", community)
                .then().statusCode(422);

        as(TestTokens.member(first)).delete("/communities/{id}/members/me", community).then().statusCode(204);
        as(TestTokens.operator(owner)).get("/communities/{id}", community).then().body("memberCount", equalTo(1));
        String next = "next-" + UUID.randomUUID();
        MembershipApi.join(community, next);
        as(TestTokens.operator(owner)).get("/communities/{id}", community).then().body("memberCount", equalTo(2));
        as(TestTokens.member(first)).body("{}").post("/communities/{id}/members", community).then().statusCode(422);
    }

    private static Map<Integer, Long> tally(List<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** The community's join events, read once an entry created after every join is on the topic behind them. */
    private static List<PublishedEvent> joinEventsOnceALaterEventIsOut(String community, String owner) {
        String code = MembershipApi.createEntry(community, owner, "INVITE_LINK");
        return KafkaEvents.awaitCommunityEvents(Topics.MEMBERSHIP, community,
                events -> events.stream().anyMatch(e -> e.is(EventType.ENTRY_CREATED)
                        && e.data(EntryCreated.class).code().equals(code)))
                .stream().filter(e -> e.is(EventType.MEMBER_JOINED)).toList();
    }
}
