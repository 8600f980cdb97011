package io.hearth.activity;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.ChallengeCompleted;
import io.hearth.contracts.events.ChallengeCreated;
import io.hearth.contracts.events.ChallengeJoined;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.Topics;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Challenges: staff set one, members join, check-ins on its days (before joining too) make progress, and reaching
 * the goal publishes hearth.challenge.completed exactly once per participant, on the real activity topic.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class ChallengeTest {
    private static final String CHALLENGE_INVALID = "https://hearth.dev/problems/challenge-invalid";
    /** A day the clock is moved to: its noon UTC, in a community without a time zone (UTC days). */
    private static final LocalDate D = LocalDate.of(2031, 3, 10);

    @Inject
    MovableClock clock;

    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();

    @BeforeEach
    void arrange() {
        clock.setTo(noon(D));
        ActivityApi.created(community, owner, null);
    }

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    @Test
    void staffCreateAChallengeThatIsPublishedAndMembersSeeIt() {
        String admin = member(CommunityRole.ADMIN);
        String member = member(CommunityRole.MEMBER);

        io.restassured.response.ExtractableResponse<io.restassured.response.Response> created = as(
                TestTokens.member(admin))
                .body(Map.of("name", " 21 days of morning pages ", "startsOn", D.toString(), "days", 21, "goal", 18))
                .post("/communities/{id}/challenges", community)
                .then().statusCode(201)
                .body("communityId", equalTo(community)).body("name", equalTo("21 days of morning pages"))
                .body("startsOn", equalTo(D.toString())).body("endsOn", equalTo(D.plusDays(20).toString()))
                .body("days", equalTo(21)).body("goal", equalTo(18)).body("createdBy", equalTo(admin))
                .body("createdAt", equalTo("2031-03-10T12:00:00Z"))
                .extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"),
                endsWith("/communities/" + community + "/challenges/" + id));
        String later = createChallenge(D.plusDays(30), 7, 5);

        PublishedEvent event = KafkaEvents.awaitEvent(EventType.CHALLENGE_CREATED,
                e -> e.data(ChallengeCreated.class).challengeId().equals(id));
        assertEquals(Topics.ACTIVITY, event.topic());
        assertEquals(community, event.key());
        assertEquals(new ChallengeCreated(community, id, "21 days of morning pages", D, 21, 18, admin),
                event.data(ChallengeCreated.class));

        as(TestTokens.member(member)).get("/communities/{id}/challenges", community)
                .then().statusCode(200).body("items.id", contains(later, id));
        String cursor = as(TestTokens.member(member)).queryParam("limit", 1).get("/communities/{id}/challenges",
                community).then().statusCode(200).body("items.id", contains(later)).extract().path("nextCursor");
        as(TestTokens.member(member)).queryParam("after", cursor).get("/communities/{id}/challenges", community)
                .then().statusCode(200).body("items.id", contains(id)).body("nextCursor", nullValue());
        as(TestTokens.member(member)).get("/communities/{id}/challenges/{c}", community, id)
                .then().statusCode(200).body("challenge.id", equalTo(id)).body("participants", equalTo(0))
                .body("completions", equalTo(0)).body("me", nullValue()).body("leaderboard.size()", equalTo(0));
    }

    @Test
    void anIdempotencyKeyMakesARetryReturnTheSameChallenge() {
        Map<String, Object> body = Map.of("name", "Plank", "startsOn", D.toString(), "days", 30, "goal", 25);
        String first = as(TestTokens.member(owner)).header("Idempotency-Key", "k-" + community).body(body)
                .post("/communities/{id}/challenges", community).then().statusCode(201).extract().path("id");
        as(TestTokens.member(owner)).header("Idempotency-Key", "k-" + community).body(body)
                .post("/communities/{id}/challenges", community).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(TestTokens.member(owner)).get("/communities/{id}/challenges", community)
                .then().statusCode(200).body("items.id", contains(first));
    }

    @Test
    void membersAndOutsidersCannotCreateAChallenge() {
        String member = member(CommunityRole.MEMBER);
        String outsider = "outsider-" + UUID.randomUUID();
        ActivityApi.join(UUID.randomUUID().toString(), outsider, CommunityRole.OWNER);
        Map<String, Object> body = Map.of("name", "Plank", "startsOn", D.toString(), "days", 30, "goal", 25);

        for (String caller : List.of(member, outsider)) {
            as(TestTokens.member(caller)).body(body).post("/communities/{id}/challenges", community)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://hearth.dev/problems/forbidden"));
        }
        as(TestTokens.member(owner)).get("/communities/{id}/challenges", community)
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void impossibleChallengesAre422NamingTheFieldAndNothingIsCreated() {
        assertInvalid(D.toString(), 21, 22, "goal");
        assertInvalid(D.toString(), 21, 0, "goal");
        assertInvalid(D.toString(), 0, 1, "days");
        assertInvalid(D.toString(), 367, 18, "days");
        assertInvalid(D.minusDays(1).toString(), 21, 18, "startsOn");
        as(TestTokens.member(owner)).body(Map.of("startsOn", D.toString(), "days", 21, "goal", 18))
                .post("/communities/{id}/challenges", community)
                .then().statusCode(400).body("violations.field", hasItem("name"));
        as(TestTokens.member(owner)).body(Map.of("name", "x", "startsOn", "10 March", "days", 21, "goal", 18))
                .post("/communities/{id}/challenges", community).then().statusCode(400);

        // The bounds themselves are possible: one day with a goal of one, and 366 days.
        createChallenge(D, 1, 1);
        createChallenge(D, 366, 366);
        as(TestTokens.member(owner)).get("/communities/{id}/challenges", community)
                .then().statusCode(200).body("items.days", containsInAnyOrder(1, 366));
    }

    @Test
    void todayIsTheCommunitysSoAStartThatIsTodayInUtcIsInThePastInShanghai() {
        String shanghai = UUID.randomUUID().toString();
        String staff = "owner-" + UUID.randomUUID();
        ActivityApi.created(shanghai, staff, "Asia/Shanghai");
        // 23:30 UTC on D is 07:30 on D+1 in Shanghai.
        clock.setTo(Instant.parse("2031-03-10T23:30:00Z"));

        as(TestTokens.member(staff)).body(Map.of("name", "Run", "startsOn", D.toString(), "days", 5, "goal", 3))
                .post("/communities/{id}/challenges", shanghai)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(CHALLENGE_INVALID)).body("violations.field", contains("startsOn"));
        as(TestTokens.member(staff)).body(Map.of("name", "Run", "startsOn", D.plusDays(1).toString(), "days", 5,
                "goal", 3)).post("/communities/{id}/challenges", shanghai).then().statusCode(201);
    }

    @Test
    void aMemberJoinsOnceAndARepeatJoinChangesNothing() {
        String member = member(CommunityRole.MEMBER);
        String challenge = createChallenge(D, 21, 18);

        as(TestTokens.member(member)).body("{}").post("/communities/{id}/challenges/{c}/participants", community,
                challenge).then().statusCode(201)
                .header("Location", endsWith("/communities/" + community + "/challenges/" + challenge))
                .body("challengeId", equalTo(challenge)).body("userId", equalTo(member))
                .body("joinedAt", equalTo("2031-03-10T12:00:00Z")).body("checkIns", equalTo(0))
                .body("goal", equalTo(18)).body("completed", equalTo(false)).body("completedAt", nullValue());
        as(TestTokens.member(member)).post("/communities/{id}/challenges/{c}/participants", community, challenge)
                .then().statusCode(200).body("joinedAt", equalTo("2031-03-10T12:00:00Z"));

        ActivityApi.awaitALaterEvent(community);
        assertEquals(List.of(new ChallengeJoined(community, challenge, member)), joinedEvents(member));
        as(TestTokens.member(member)).get("/communities/{id}/challenges/{c}", community, challenge)
                .then().statusCode(200).body("participants", equalTo(1)).body("me.userId", equalTo(member));
    }

    @Test
    void joiningIsRefusedToStrangersMutedMembersUnknownAndEndedChallenges() {
        String member = member(CommunityRole.MEMBER);
        String muted = member(CommunityRole.MEMBER);
        String stranger = "stranger-" + UUID.randomUUID();
        String challenge = createChallenge(D, 2, 1);
        String participant = member(CommunityRole.MEMBER);
        join(participant, challenge, 201);

        as(TestTokens.member(stranger)).post("/communities/{id}/challenges/{c}/participants", community, challenge)
                .then().statusCode(403).body("type", equalTo("https://hearth.dev/problems/forbidden"));
        as(TestTokens.member(stranger)).get("/communities/{id}/challenges/{c}", community, challenge)
                .then().statusCode(403);

        KafkaEvents.publish(new MemberMuted(community, muted, Instant.now().plus(Duration.ofHours(2)), "Spam", owner),
                Instant.now());
        ActivityApi.join(community, "marker-" + UUID.randomUUID(), CommunityRole.MEMBER);
        as(TestTokens.member(muted)).post("/communities/{id}/challenges/{c}/participants", community, challenge)
                .then().statusCode(403).body("type", equalTo("https://hearth.dev/problems/muted"));

        String unknown = UUID.randomUUID().toString();
        as(TestTokens.member(member)).post("/communities/{id}/challenges/{c}/participants", community, unknown)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/not-found"));
        as(TestTokens.member(member)).get("/communities/{id}/challenges/{c}", community, unknown)
                .then().statusCode(404).body("type", equalTo("https://hearth.dev/problems/not-found"));
        // Another community's challenge is unknown here.
        as(TestTokens.member(member)).get("/communities/{id}/challenges/{c}", UUID.randomUUID(), challenge)
                .then().statusCode(403);

        // Its days are D and D+1: on D+1 a member can still join, on D+2 nobody new can.
        clock.setTo(noon(D.plusDays(2)));
        as(TestTokens.member(member)).post("/communities/{id}/challenges/{c}/participants", community, challenge)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/challenge-ended"));
        // A repeat join stays idempotent after the end.
        join(participant, challenge, 200);

        ActivityApi.awaitALaterEvent(community);
        assertEquals(List.of(new ChallengeJoined(community, challenge, participant)),
                KafkaEvents.events(EventType.CHALLENGE_JOINED, e -> e.subject().equals(community)).stream()
                        .map(e -> e.data(ChallengeJoined.class)).toList());
    }

    @Test
    void checkInsOnTheChallengesDaysMakeProgressAndReachingTheGoalIsPublishedOnce() {
        String member = member(CommunityRole.MEMBER);
        // Before the challenge exists and outside its days: does not count.
        checkIn(member, D, 1);
        String challenge = createChallenge(D.plusDays(1), 3, 2);
        // On its first day but before joining: counts.
        checkIn(member, D.plusDays(1), 2);
        clock.setTo(noon(D.plusDays(1)));
        join(member, challenge, 201).body("checkIns", equalTo(1)).body("completed", equalTo(false));

        Instant reached = noon(D.plusDays(2));
        checkIn(member, D.plusDays(2), 3);
        progress(member, challenge).body("me.checkIns", equalTo(2)).body("me.completed", equalTo(true))
                .body("me.completedAt", equalTo(reached.toString())).body("completions", equalTo(1));
        // The last day counts too, but completes nothing again; the day after is outside it.
        checkIn(member, D.plusDays(3), 4);
        checkIn(member, D.plusDays(4), 5);
        progress(member, challenge).body("me.checkIns", equalTo(3))
                .body("me.completedAt", equalTo(reached.toString()));

        ActivityApi.awaitALaterEvent(community);
        List<PublishedEvent> completed = KafkaEvents.events(EventType.CHALLENGE_COMPLETED,
                e -> e.subject().equals(community));
        assertEquals(List.of(new ChallengeCompleted(community, challenge, member, 2)),
                completed.stream().map(e -> e.data(ChallengeCompleted.class)).toList());
        assertEquals(Topics.ACTIVITY, completed.get(0).topic());
        assertEquals(community, completed.get(0).key());
        assertEquals(reached, completed.get(0).time());
    }

    @Test
    void aJoinWhoseEarlierCheckInsReachTheGoalCompletesItOnceEvenWhenSentFourTimesAtOnce() throws Exception {
        String member = member(CommunityRole.MEMBER);
        String challenge = createChallenge(D, 5, 2);
        checkIn(member, D, 1);
        checkIn(member, D.plusDays(1), 2);
        clock.setTo(noon(D.plusDays(1)));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> as(TestTokens.member(member))
                            .post("/communities/{id}/challenges/{c}/participants", community, challenge)
                            .then().body("checkIns", equalTo(2)).body("completed", equalTo(true))
                            .extract().statusCode(), pool))
                    .toList();
            assertEquals(List.of(200, 200, 200, 201), calls.stream().map(CompletableFuture::join).sorted().toList());
        } finally {
            pool.shutdown();
        }

        ActivityApi.awaitALaterEvent(community);
        assertEquals(List.of(new ChallengeJoined(community, challenge, member)), joinedEvents(member));
        // Joined first, then completed, in one transaction.
        List<PublishedEvent> events = KafkaEvents.communityEvents(Topics.ACTIVITY, community).stream()
                .filter(e -> e.is(EventType.CHALLENGE_JOINED) || e.is(EventType.CHALLENGE_COMPLETED)).toList();
        assertEquals(List.of(EventType.CHALLENGE_JOINED.type(), EventType.CHALLENGE_COMPLETED.type()),
                events.stream().map(PublishedEvent::type).toList());
        assertEquals(new ChallengeCompleted(community, challenge, member, 2),
                events.get(1).data(ChallengeCompleted.class));
    }

    @Test
    void theLeaderboardRanksByCheckInsThenByEarlierCompletion() {
        String early = member(CommunityRole.MEMBER);
        String late = member(CommunityRole.MEMBER);
        String behind = member(CommunityRole.MEMBER);
        String onlooker = member(CommunityRole.MEMBER);
        String challenge = createChallenge(D, 7, 2);
        for (String m : List.of(late, early, behind)) {
            join(m, challenge, 201);
        }
        checkIn(late, D, 1);
        checkIn(early, D, 1);
        checkIn(behind, D, 1);
        // Both reach the goal of 2 on D+1, early at 08:00 and late at 20:00.
        checkInAt(early, D.plusDays(1).atTime(8, 0).toInstant(java.time.ZoneOffset.UTC));
        checkInAt(late, D.plusDays(1).atTime(20, 0).toInstant(java.time.ZoneOffset.UTC));

        as(TestTokens.member(onlooker)).get("/communities/{id}/challenges/{c}", community, challenge)
                .then().statusCode(200).body("participants", equalTo(3)).body("completions", equalTo(2))
                .body("me", nullValue())
                .body("leaderboard.userId", contains(early, late, behind))
                .body("leaderboard.rank", contains(1, 2, 3))
                .body("leaderboard.checkIns", contains(2, 2, 1))
                .body("leaderboard.completed", contains(true, true, false));
        as(TestTokens.member(behind)).queryParam("limit", 2)
                .get("/communities/{id}/challenges/{c}", community, challenge)
                .then().statusCode(200).body("leaderboard.userId", contains(early, late))
                .body("me.userId", equalTo(behind)).body("me.checkIns", equalTo(1));
        as(TestTokens.member(behind)).queryParam("limit", 0)
                .get("/communities/{id}/challenges/{c}", community, challenge).then().statusCode(400);
    }

    private String member(CommunityRole role) {
        String user = role.name().toLowerCase() + "-" + UUID.randomUUID();
        ActivityApi.join(community, user, role);
        return user;
    }

    private String createChallenge(LocalDate startsOn, int days, int goal) {
        return as(TestTokens.member(owner)).body(Map.of("name", "Challenge", "startsOn", startsOn.toString(),
                "days", days, "goal", goal)).post("/communities/{id}/challenges", community)
                .then().statusCode(201).extract().path("id");
    }

    private void assertInvalid(String startsOn, int days, int goal, String field) {
        as(TestTokens.member(owner)).body(Map.of("name", "Plank", "startsOn", startsOn, "days", days, "goal", goal))
                .post("/communities/{id}/challenges", community)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(CHALLENGE_INVALID)).body("violations.field", hasItem(field));
    }

    private io.restassured.response.ValidatableResponse join(String member, String challenge, int status) {
        return as(TestTokens.member(member)).post("/communities/{id}/challenges/{c}/participants", community,
                challenge).then().statusCode(status);
    }

    private io.restassured.response.ValidatableResponse progress(String member, String challenge) {
        return as(TestTokens.member(member)).get("/communities/{id}/challenges/{c}", community, challenge)
                .then().statusCode(200);
    }

    private void checkIn(String member, LocalDate day, int streak) {
        clock.setTo(noon(day));
        as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(201).body("day", equalTo(day.toString())).body("streak", equalTo(streak));
    }

    private void checkInAt(String member, Instant at) {
        clock.setTo(at);
        as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(201);
    }

    private List<ChallengeJoined> joinedEvents(String member) {
        return KafkaEvents.events(EventType.CHALLENGE_JOINED, e -> e.subject().equals(community)
                && e.data(ChallengeJoined.class).userId().equals(member)).stream()
                .map(e -> e.data(ChallengeJoined.class)).toList();
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
    }
}
