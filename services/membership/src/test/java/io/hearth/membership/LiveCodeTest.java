package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityCreated;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EntryOpened;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Live codes: one code over a pool of communities that places each newcomer in the first one with room. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class LiveCodeTest {
    private static final String PROBLEMS = "https://hearth.dev/problems/";

    @Test
    void theOwnerOfEveryCommunityCreatesALiveCodeOverThem() {
        String owner = "owner-" + UUID.randomUUID();
        String first = MembershipApi.createCommunity(owner, 3);
        String second = MembershipApi.createCommunity(owner, 3);
        as(TestTokens.operator(owner)).body(Map.of("name", " Runners poster ", "communityIds", List.of(first, second),
                "source", "poster", "overflow", true)).post("/live-codes")
                .then().statusCode(201).header("Location", matchesPattern(".*/live-codes/[A-Z0-9]{10}"))
                .body("code", matchesPattern("[A-Z0-9]{10}")).body("name", equalTo("Runners poster"))
                .body("communityIds", equalTo(List.of(first, second))).body("source", equalTo("poster"))
                .body("overflow", equalTo(true)).body("ownerId", equalTo(owner));
    }

    @Test
    void aLiveCodeOverACommunityTheCallerDoesNotOwnOrThatDoesNotExistIsRefusedAndNotCreated() {
        String owner = "owner-" + UUID.randomUUID();
        String own = MembershipApi.createCommunity(owner, null);
        String otherOwner = "other-" + UUID.randomUUID();
        String others = MembershipApi.createCommunity(otherOwner, null);
        String admin = "admin-" + UUID.randomUUID();
        MembershipApi.join(others, admin);
        as(TestTokens.operator(otherOwner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", others, admin).then().statusCode(200);

        for (List<String> pool : List.of(List.of(own, others), List.of(own, UUID.randomUUID().toString()))) {
            as(TestTokens.operator(owner)).body(Map.of("name", "Poster", "communityIds", pool, "overflow", false))
                    .post("/live-codes").then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "forbidden"));
        }
        // Staff who are not the owner cannot pool the community either.
        as(TestTokens.member(admin)).body(Map.of("name", "Poster", "communityIds", List.of(others), "overflow", false))
                .post("/live-codes").then().statusCode(403);
        assertEquals(0L, MembershipApi.queryOne("select count(*) from live_code where owner_id in (?, ?, ?)",
                owner, otherOwner, admin));
    }

    @Test
    void aMalformedLiveCodeIsRefusedNamingTheField() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
        bad.put("communityIds", Map.of("name", "Poster", "communityIds", List.of(), "overflow", true));
        bad.put("communityIds ", Map.of("name", "Poster", "communityIds", tooMany, "overflow", true));
        bad.put("communityIds  ", Map.of("name", "Poster", "communityIds", List.of(community, community),
                "overflow", true));
        bad.put("name", Map.of("name", " ", "communityIds", List.of(community), "overflow", true));
        bad.put("overflow", Map.of("name", "Poster", "communityIds", List.of(community)));
        bad.put("source", Map.of("name", "Poster", "communityIds", List.of(community), "overflow", true,
                "source", "y".repeat(41)));
        bad.forEach((field, body) -> as(TestTokens.operator(owner)).body(body).post("/live-codes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(field.strip())));
    }

    @Test
    void sevenJoinsFillThreeCommunitiesTwoTwoTwoThenOneInAFourthTheLiveCodeCreated() {
        String owner = "owner-" + UUID.randomUUID();
        // A cap of 3 counts the owner: room for two more people each.
        List<String> pool = List.of(MembershipApi.createCommunity(owner, 3), MembershipApi.createCommunity(owner, 3),
                MembershipApi.createCommunity(owner, 3));
        String code = MembershipApi.createLiveCode(owner, true, pool.toArray(String[]::new));

        List<String> placed = new ArrayList<>();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String person = "person-" + i + "-" + UUID.randomUUID();
            people.add(person);
            placed.add(as(TestTokens.member(person)).body(Map.of("visitorId", "visitor-" + i))
                    .post("/live-codes/{code}/members", code)
                    .then().statusCode(201).body("userId", equalTo(person)).body("channel", equalTo("LIVE_CODE"))
                    .body("liveCode", equalTo(code)).body("source", equalTo("poster"))
                    .extract().path("communityId"));
        }

        String fourth = placed.get(6);
        assertEquals(List.of(pool.get(0), pool.get(0), pool.get(1), pool.get(1), pool.get(2), pool.get(2), fourth),
                placed);
        assertTrue(!pool.contains(fourth), "the seventh went into a new community");
        // A copy of the last one, numbered, owned by the live code's owner, holding the owner and the seventh person.
        as(TestTokens.operator(owner)).get("/communities/{id}", fourth).then().statusCode(200)
                .body("name", equalTo("Morning Runners 2")).body("theme", equalTo("Run 5 km before work"))
                .body("kind", equalTo("HOBBY")).body("sizeCap", equalTo(3)).body("ownerId", equalTo(owner))
                .body("memberCount", equalTo(2));
        for (String community : pool) {
            as(TestTokens.operator(owner)).get("/communities/{id}", community).then().body("memberCount", equalTo(3));
        }

        List<PublishedEvent> events = MembershipApi.eventsOnceALaterEventIsOut(fourth, owner);
        CommunityCreated created = events.get(0).data(CommunityCreated.class);
        assertEquals(new CommunityCreated(fourth, "Morning Runners 2", "Run 5 km before work", "HOBBY", 3, owner,
                "UTC", "OPEN"), created);
        List<MemberJoined> joins = events.stream().filter(e -> e.is(EventType.MEMBER_JOINED))
                .map(e -> e.data(MemberJoined.class)).toList();
        assertEquals(List.of(owner, people.get(6)), joins.stream().map(MemberJoined::userId).toList());
        assertEquals(CommunityRole.OWNER, joins.get(0).role());
        assertEquals(new MemberJoined(fourth, people.get(6), CommunityRole.MEMBER, null, "LIVE_CODE", null, "poster",
                code, "visitor-6", people.get(6)), joins.get(1));

        // The pool now ends with the new community: the next person is placed there, not in a fifth.
        String eighth = as(TestTokens.member("person-7-" + UUID.randomUUID())).body("{}")
                .post("/live-codes/{code}/members", code).then().statusCode(201).extract().path("communityId");
        assertEquals(fourth, eighth);
    }

    @Test
    void sevenJoinsAtOnceFillTheThreeCommunitiesAndCreateExactlyOneMore() {
        String owner = "owner-" + UUID.randomUUID();
        List<String> pool = List.of(MembershipApi.createCommunity(owner, 3), MembershipApi.createCommunity(owner, 3),
                MembershipApi.createCommunity(owner, 3));
        String code = MembershipApi.createLiveCode(owner, true, pool.toArray(String[]::new));
        List<Callable<String>> joins = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String person = "racer-" + i + "-" + UUID.randomUUID();
            joins.add(() -> as(TestTokens.member(person)).body("{}").post("/live-codes/{code}/members", code)
                    .then().statusCode(201).extract().path("communityId"));
        }

        Map<String, Long> perCommunity = Concurrently.run(joins).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(4, perCommunity.size(), "three pooled communities and one overflow: " + perCommunity);
        pool.forEach(community -> assertEquals(2L, perCommunity.get(community)));
        String created = perCommunity.keySet().stream().filter(c -> !pool.contains(c)).findFirst().orElseThrow();
        assertEquals(1L, perCommunity.get(created));
        assertEquals(4L, MembershipApi.queryOne("select count(*) from live_code_community where live_code = ?", code));
    }

    @Test
    void withOverflowOffAFullPoolRefusesTheJoinAndWritesNothing() {
        String owner = "owner-" + UUID.randomUUID();
        String only = MembershipApi.createCommunity(owner, 2);
        String code = MembershipApi.createLiveCode(owner, false, only);
        String first = "first-" + UUID.randomUUID();
        as(TestTokens.member(first)).body("{}").post("/live-codes/{code}/members", code).then().statusCode(201)
                .body("communityId", equalTo(only));

        String late = "late-" + UUID.randomUUID();
        as(TestTokens.member(late)).body("{}").post("/live-codes/{code}/members", code).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "community-full"));

        assertEquals(1L, MembershipApi.queryOne("select count(*) from live_code_community where live_code = ?", code));
        assertEquals(0L, MembershipApi.queryOne("select count(*) from membership where user_id = ?", late));
        assertEquals(0L, MembershipApi.queryOne("select count(*) from community where owner_id = ? and id <> ?",
                owner, UUID.fromString(only)));
        assertEquals(List.of(owner, first), MembershipApi.eventsOnceALaterEventIsOut(only, owner).stream()
                .filter(e -> e.is(EventType.MEMBER_JOINED)).map(e -> e.data(MemberJoined.class).userId()).toList());
    }

    @Test
    void someoneAlreadyInOneOfThePoolsCommunitiesIsNotPlacedInAnother() {
        String owner = "owner-" + UUID.randomUUID();
        String full = MembershipApi.createCommunity(owner, 2);
        String roomy = MembershipApi.createCommunity(owner, null);
        String member = "member-" + UUID.randomUUID();
        MembershipApi.join(full, member);
        String code = MembershipApi.createLiveCode(owner, false, full, roomy);

        as(TestTokens.member(member)).body("{}").post("/live-codes/{code}/members", code).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "already-member"));
        as(TestTokens.operator(owner)).get("/communities/{id}", roomy).then().body("memberCount", equalTo(1));
    }

    @Test
    void thePreviewShowsTheCommunityTheNextPersonWouldJoinAndRecordsTheOpeningThere() {
        String owner = "owner-" + UUID.randomUUID();
        String first = MembershipApi.createCommunity(owner, 2);
        String second = MembershipApi.createCommunity(owner, 2);
        String code = MembershipApi.createLiveCode(owner, false, first, second);
        String reader = "reader-" + UUID.randomUUID();

        Response anonymous = given().get("/live-codes/{code}", code);
        anonymous.then().statusCode(200).body("communityId", equalTo(first)).body("channel", equalTo("LIVE_CODE"))
                .body("liveCode", equalTo(code)).body("source", equalTo("poster")).body("entryCode", nullValue())
                .body("usable", equalTo(true));
        String visitor = anonymous.jsonPath().getString("visitorId");
        assertEquals(visitor, anonymous.header("Hearth-Visitor-Id"));
        EntryOpened opened = KafkaEvents.awaitEvent(EventType.ENTRY_OPENED, e -> e.subject().equals(first))
                .data(EntryOpened.class);
        assertEquals(new EntryOpened(first, visitor, null, code, "LIVE_CODE", "poster", null, null), opened);

        // The anonymous visitor joins later: the join is tied to the opening.
        String person = "person-" + UUID.randomUUID();
        as(TestTokens.member(person)).body(Map.of("visitorId", visitor)).post("/live-codes/{code}/members", code)
                .then().statusCode(201).body("communityId", equalTo(first));
        assertEquals(visitor, KafkaEvents.awaitEvent(EventType.MEMBER_JOINED, e -> e.subject().equals(first)
                && e.data(MemberJoined.class).userId().equals(person)).data(MemberJoined.class).visitorId());

        // The first is full now: the preview moves on to the second and records the opening there.
        given().header("Hearth-Visitor-Id", "v-2").auth().oauth2(TestTokens.member(reader))
                .get("/live-codes/{code}", code).then().statusCode(200).body("communityId", equalTo(second))
                .body("visitorId", equalTo("v-2"));
        assertEquals(new EntryOpened(second, "v-2", null, code, "LIVE_CODE", "poster", null, reader),
                KafkaEvents.awaitEvent(EventType.ENTRY_OPENED, e -> e.subject().equals(second))
                        .data(EntryOpened.class));

        // All full, no overflow: the last one, saying the code takes nobody.
        MembershipApi.join(second, "filler-" + UUID.randomUUID());
        given().get("/live-codes/{code}", code).then().statusCode(200).body("communityId", equalTo(second))
                .body("usable", equalTo(false)).body("unusableReason", equalTo("community-full"));
    }

    @Test
    void unknownLiveCodeIs404ToPreviewAndToJoinAndAMalformedVisitorIdIs400() {
        given().get("/live-codes/{code}", "NOSUCHCODE").then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.member("m-" + UUID.randomUUID())).body("{}").post("/live-codes/{code}/members", "NOSUCHCODE")
                .then().statusCode(404).contentType("application/problem+json");

        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String code = MembershipApi.createLiveCode(owner, false, community);
        given().header("Hearth-Visitor-Id", "no/slashes").get("/live-codes/{code}", code).then().statusCode(400)
                .body("violations[0].field", equalTo("Hearth-Visitor-Id"));
        String person = "m-" + UUID.randomUUID();
        as(TestTokens.member(person)).body(Map.of("visitorId", "no/slashes")).post("/live-codes/{code}/members", code)
                .then().statusCode(400).body("violations[0].field", equalTo("visitorId"));
        assertEquals(0, MembershipApi.eventsOnceALaterEventIsOut(community, owner).stream()
                .filter(e -> e.is(EventType.ENTRY_OPENED) || e.is(EventType.MEMBER_JOINED)
                        && e.data(MemberJoined.class).userId().equals(person)).count());
    }

    @Test
    void partnersAndTokensWithoutTheMemberRoleCannotJoinThroughALiveCode() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String code = MembershipApi.createLiveCode(owner, true, community);
        for (String token : List.of(TestTokens.partner("crm-" + UUID.randomUUID()),
                TestTokens.token("roleless-" + UUID.randomUUID()))) {
            as(token).body("{}").post("/live-codes/{code}/members", code).then().statusCode(403)
                    .body("type", equalTo(PROBLEMS + "forbidden"));
        }
        as(TestTokens.operator(owner)).get("/communities/{id}", community).then().body("memberCount", equalTo(1));
    }
}
