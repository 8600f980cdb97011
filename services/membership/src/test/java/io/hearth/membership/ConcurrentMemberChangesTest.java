package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.MemberRoleChanged;
import io.hearth.contracts.events.Topics;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Leave, role change and join of one member racing each other: whatever order they commit in, membership's table and
 * the events it publishes must tell the same story, because every other service's replica is built from the events.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class ConcurrentMemberChangesTest {
    private static final int MEMBERS = 16;

    @Test
    void racingLeaveRoleChangeAndRejoinLeaveTheTableAndTheEventsInAgreement() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            String member = "member-" + i + "-" + UUID.randomUUID();
            MembershipApi.join(community, member);
            members.add(member);
        }
        // Half are admins already, so both a promotion and a demotion race a leave.
        for (String admin : members.subList(0, MEMBERS / 2)) {
            changeRole(community, owner, admin, CommunityRole.ADMIN);
        }

        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            String member = members.get(i);
            CommunityRole other = i < MEMBERS / 2 ? CommunityRole.MEMBER : CommunityRole.ADMIN;
            requests.add(() -> as(TestTokens.member(member)).delete("/communities/{id}/members/me", community)
                    .statusCode());
            requests.add(() -> changeRole(community, owner, member, other));
            requests.add(() -> as(TestTokens.member(member)).body("{}").post("/communities/{id}/members", community)
                    .statusCode());
        }
        List<Integer> statuses = Concurrently.run(requests);

        int rejoins = 0;
        for (int i = 0; i < MEMBERS; i++) {
            int left = statuses.get(3 * i);
            int changed = statuses.get(3 * i + 1);
            int joined = statuses.get(3 * i + 2);
            // The leave always finds the stay it ends; the role change finds a stay or none; a join before the leave
            // commits is refused as a second stay.
            assertEquals(204, left, "leave of " + members.get(i));
            assertTrue(Set.of(200, 404).contains(changed), "role change of " + members.get(i) + ": " + changed);
            assertTrue(Set.of(201, 409).contains(joined), "join of " + members.get(i) + ": " + joined);
            rejoins += joined == 201 ? 1 : 0;
        }

        // A join after every request has returned: once its event is out, every earlier one of the community is.
        String marker = "marker-" + UUID.randomUUID();
        MembershipApi.join(community, marker);
        List<PublishedEvent> events = KafkaEvents.awaitCommunityEvents(Topics.MEMBERSHIP, community,
                found -> found.stream().anyMatch(e -> e.is(EventType.MEMBER_JOINED)
                        && e.data(MemberJoined.class).userId().equals(marker)));

        Map<String, CommunityRole> replica = replay(events);
        assertEquals(currentMembers(community, owner), replica,
                "a replica built from the events in topic order must equal membership's table");
        assertEquals(MEMBERS, count(events, EventType.MEMBER_LEFT), "one leave event per leave");
        // After the setup's promotions, a member's role event comes only from a role change that answered 200 (and
        // not always: demoting someone who has just rejoined as a member changes nothing).
        List<String> raced = events.stream().filter(e -> e.is(EventType.MEMBER_ROLE_CHANGED)).skip(MEMBERS / 2)
                .map(e -> e.data(MemberRoleChanged.class).userId()).toList();
        for (int i = 0; i < MEMBERS; i++) {
            String member = members.get(i);
            long roleEvents = raced.stream().filter(member::equals).count();
            assertTrue(roleEvents <= (statuses.get(3 * i + 1) == 200 ? 1 : 0),
                    member + " has " + roleEvents + " role events for a role change that answered "
                            + statuses.get(3 * i + 1));
        }
        assertEquals(1 + MEMBERS + rejoins + 1, count(events, EventType.MEMBER_JOINED),
                "one join event per join that answered 201");
    }

    private static int changeRole(String community, String owner, String member, CommunityRole role) {
        return as(TestTokens.operator(owner)).body(Map.of("role", role.name()))
                .put("/communities/{id}/members/{user}/role", community, member).statusCode();
    }

    /** Applies the events as a replica does, refusing any that could not follow the ones before it. */
    private static Map<String, CommunityRole> replay(List<PublishedEvent> events) {
        Map<String, CommunityRole> replica = new HashMap<>();
        for (PublishedEvent event : events) {
            if (event.is(EventType.MEMBER_JOINED)) {
                MemberJoined joined = event.data(MemberJoined.class);
                assertTrue(replica.put(joined.userId(), joined.role()) == null,
                        "joined while a member: " + joined + " in " + events);
            } else if (event.is(EventType.MEMBER_ROLE_CHANGED)) {
                MemberRoleChanged changed = event.data(MemberRoleChanged.class);
                assertEquals(changed.previousRole(), replica.get(changed.userId()),
                        "role changed from a role they did not have (or after they left): " + changed);
                replica.put(changed.userId(), changed.role());
            } else if (event.is(EventType.MEMBER_LEFT)) {
                MemberLeft left = event.data(MemberLeft.class);
                assertTrue(replica.remove(left.userId()) != null, "left while not a member: " + left);
            }
        }
        return replica;
    }

    private static Map<String, CommunityRole> currentMembers(String community, String owner) {
        JsonPath page = as(TestTokens.operator(owner)).queryParam("limit", 100)
                .get("/communities/{id}/members", community).then().statusCode(200).extract().jsonPath();
        assertNull(page.getString("nextCursor"));
        Map<String, CommunityRole> members = new HashMap<>();
        List<Map<String, String>> items = page.getList("items");
        items.forEach(item -> members.put(item.get("userId"), CommunityRole.valueOf(item.get("role"))));
        return members;
    }

    private static long count(List<PublishedEvent> events, EventType type) {
        return events.stream().filter(e -> e.is(type)).count();
    }
}
