package io.hearth.activity;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.PollCreated;
import io.hearth.contracts.events.Topics;
import io.hearth.contracts.events.VoteCast;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class PollResourceTest {
    private static final String VALIDATION = "https://hearth.dev/problems/validation";
    private static final String POLL_CLOSED = "https://hearth.dev/problems/poll-closed";
    private static final String ALREADY_VOTED = "https://hearth.dev/problems/already-voted";
    private static final String OPTIONS_INVALID = "https://hearth.dev/problems/vote-options-invalid";

    /** The service's "now" for each test, stopped so that a test can move past a poll's closesAt. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

    @Inject
    MovableClock clock;

    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();
    private final String admin = "admin-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();
    private final String other = "other-" + UUID.randomUUID();

    @BeforeEach
    void arrangeCommunityAndStopTheClock() {
        clock.setTo(NOW);
        ActivityApi.join(community, owner, CommunityRole.OWNER);
        ActivityApi.join(community, admin, CommunityRole.ADMIN);
        ActivityApi.join(community, member, CommunityRole.MEMBER);
        ActivityApi.join(community, other, CommunityRole.MEMBER);
    }

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    @Test
    void ownerOpensPollWhoseOptionsGetIdsAndPollCreatedIsPublishedKeyedByCommunity() {
        JsonPath poll = as(TestTokens.member(owner))
                .body(pollBody("  Which evening suits the next meetup? ", List.of(" Tuesday", "Thursday "), false,
                        TOMORROW))
                .post("/communities/{id}/polls", community)
                .then().statusCode(201).contentType("application/json")
                .body("communityId", equalTo(community))
                .body("question", equalTo("Which evening suits the next meetup?"))
                .body("options.text", contains("Tuesday", "Thursday"))
                .body("options.id", hasSize(2)).body("options.id", everyItemIsUuid())
                .body("multipleChoice", equalTo(false)).body("open", equalTo(true))
                .body("closesAt", equalTo(TOMORROW.toString())).body("createdBy", equalTo(owner))
                .body("createdAt", equalTo(NOW.toString()))
                .body("myVote", nullValue())
                .body("results.voterCount", equalTo(0)).body("results.options.votes", contains(0, 0))
                .extract().jsonPath();
        String pollId = poll.getString("id");

        as(TestTokens.member(owner)).get("/communities/{id}/polls/{poll}", community, pollId)
                .then().statusCode(200).body("options.id", equalTo(poll.getList("options.id")));

        PublishedEvent event = KafkaEvents.awaitEvent(EventType.POLL_CREATED,
                e -> e.data(PollCreated.class).pollId().equals(pollId));
        assertEquals(Topics.ACTIVITY, event.topic());
        assertEquals(community, event.key());
        assertEquals(new PollCreated(community, pollId, "Which evening suits the next meetup?", 2, false, TOMORROW,
                owner), event.data(PollCreated.class));
    }

    @Test
    void adminOpensMultipleChoicePollWithLocationAndMembersAndMutedStaffCannot() {
        as(TestTokens.member(admin)).body(pollBody("Which days?", List.of("Mon", "Tue", "Wed"), true, TOMORROW))
                .post("/communities/{id}/polls", community)
                .then().statusCode(201).header("Location", containsString("/communities/" + community + "/polls/"))
                .body("multipleChoice", equalTo(true)).body("createdBy", equalTo(admin));

        as(TestTokens.member(member)).body(pollBody("Mine?", List.of("a", "b"), false, TOMORROW))
                .post("/communities/{id}/polls", community)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/forbidden"));

        KafkaEvents.publish(new MemberMuted(community, admin, Instant.now().plus(Duration.ofHours(1)), null, owner),
                Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> as(TestTokens.member(admin)).body("{}")
                .post("/communities/{id}/check-ins", community).statusCode() == 403);
        as(TestTokens.member(admin)).body(pollBody("Muted?", List.of("a", "b"), false, TOMORROW))
                .post("/communities/{id}/polls", community)
                .then().statusCode(403).body("type", equalTo("https://hearth.dev/problems/muted"));
        assertEquals(List.of(), pollsCreatedBy(member));
    }

    @Test
    void idempotencyKeyReturnsTheSamePollOnRetry() {
        Map<String, Object> body = pollBody("Again?", List.of("yes", "no"), false, TOMORROW);
        String key = UUID.randomUUID().toString();
        String first = as(TestTokens.member(owner)).header("Idempotency-Key", key).body(body)
                .post("/communities/{id}/polls", community).then().statusCode(201).extract().path("id");
        as(TestTokens.member(owner)).header("Idempotency-Key", key).body(body)
                .post("/communities/{id}/polls", community).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(TestTokens.member(member)).get("/communities/{id}/polls", community).then().statusCode(200)
                .body("items", hasSize(1));
    }

    static Stream<Arguments> invalidPolls() {
        return Stream.of(
                Arguments.of("blank question", "question", pollBody(" ", List.of("a", "b"), false, TOMORROW)),
                Arguments.of("question over 300", "question", pollBody("q".repeat(301), List.of("a", "b"), false,
                        TOMORROW)),
                Arguments.of("one option", "options", pollBody("Q?", List.of("a"), false, TOMORROW)),
                Arguments.of("eleven options", "options", pollBody("Q?", IntStream.range(0, 11)
                        .mapToObj(i -> "option " + i).toList(), false, TOMORROW)),
                Arguments.of("blank option", "options", pollBody("Q?", List.of("a", "  "), false, TOMORROW)),
                Arguments.of("option over 200", "options", pollBody("Q?", List.of("a", "b".repeat(201)), false,
                        TOMORROW)),
                Arguments.of("same option twice", "options", pollBody("Q?", List.of("Yes", " yes "), false,
                        TOMORROW)),
                Arguments.of("closesAt now", "closesAt", pollBody("Q?", List.of("a", "b"), false, NOW)),
                Arguments.of("closesAt in the past", "closesAt", pollBody("Q?", List.of("a", "b"), false,
                        NOW.minusSeconds(60))),
                Arguments.of("closesAt over a year ahead", "closesAt", pollBody("Q?", List.of("a", "b"), false,
                        NOW.plus(Duration.ofDays(366)))),
                Arguments.of("no closesAt", "closesAt", pollBody("Q?", List.of("a", "b"), false, null)),
                Arguments.of("no options", "options", pollBody("Q?", null, false, TOMORROW)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPolls")
    void invalidPollIsRefusedNamingTheFieldAndNothingIsCreated(String name, String field, Map<String, Object> body) {
        as(TestTokens.member(owner)).body(body).post("/communities/{id}/polls", community)
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo(VALIDATION))
                .body("violations.field", hasItem(endsWith(field)));
        as(TestTokens.member(owner)).get("/communities/{id}/polls", community).then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void memberVotesSeesResultsAndVoteCastIsPublishedAsActivity() {
        JsonPath poll = createPoll(List.of("Tuesday", "Thursday", "Friday"), false);
        String thursday = poll.getString("options[1].id");

        as(TestTokens.member(member)).body(Map.of("optionIds", List.of(thursday)))
                .post("/communities/{id}/polls/{poll}/votes", community, poll.getString("id"))
                .then().statusCode(201).contentType("application/json")
                .header("Location", endsWith("/communities/" + community + "/polls/" + poll.getString("id")))
                .body("myVote", contains(thursday)).body("open", equalTo(true))
                .body("results.voterCount", equalTo(1)).body("results.options.votes", contains(0, 1, 0))
                .body("results.options.optionId", equalTo(poll.getList("options.id")));

        PublishedEvent event = KafkaEvents.awaitEvent(EventType.VOTE_CAST, e -> ofVoter(e, community, member));
        assertEquals(Topics.ACTIVITY, event.topic());
        assertEquals(community, event.key());
        assertEquals(new VoteCast(community, poll.getString("id"), member, List.of(thursday)),
                event.data(VoteCast.class));
        assertEquals(member, event.data(VoteCast.class).actorId());
    }

    @Test
    void multipleChoiceVoteTakesSeveralOptionsAndCountsOneVoter() {
        JsonPath poll = createPoll(List.of("Mon", "Tue", "Wed"), true);
        List<String> ids = poll.getList("options.id");

        vote(member, poll, List.of(ids.get(2), ids.get(0))).then().statusCode(201)
                .body("myVote", contains(ids.get(0), ids.get(2)))
                .body("results.voterCount", equalTo(1)).body("results.options.votes", contains(1, 0, 1));
        vote(other, poll, List.of(ids.get(0))).then().statusCode(201)
                .body("results.voterCount", equalTo(2)).body("results.options.votes", contains(2, 0, 1));
        assertEquals(List.of(new VoteCast(community, poll.getString("id"), member, List.of(ids.get(2), ids.get(0)))),
                KafkaEvents.events(EventType.VOTE_CAST, e -> ofVoter(e, community, member)).stream()
                        .map(e -> e.data(VoteCast.class)).toList());
    }

    @Test
    void resultsAreHiddenFromNonVotersWhileOpenAndShownToEveryMemberOnceClosed() {
        JsonPath poll = createPoll(List.of("yes", "no"), false);
        String pollId = poll.getString("id");
        vote(member, poll, List.of(poll.getString("options[0].id"))).then().statusCode(201);

        as(TestTokens.member(other)).get("/communities/{id}/polls/{poll}", community, pollId)
                .then().statusCode(200).body("open", equalTo(true))
                .body("results", nullValue()).body("myVote", nullValue())
                .body("options.text", contains("yes", "no"));
        as(TestTokens.member(other)).get("/communities/{id}/polls", community)
                .then().statusCode(200).body("items[0].id", equalTo(pollId)).body("items[0].results", nullValue());
        as(TestTokens.member(member)).get("/communities/{id}/polls/{poll}", community, pollId)
                .then().statusCode(200).body("results.voterCount", equalTo(1))
                .body("myVote", contains(poll.getString("options[0].id")));
        for (String staff : List.of(owner, admin)) {
            as(TestTokens.member(staff)).get("/communities/{id}/polls/{poll}", community, pollId)
                    .then().statusCode(200).body("results.options.votes", contains(1, 0)).body("myVote", nullValue());
        }

        clock.setTo(TOMORROW);
        as(TestTokens.member(other)).get("/communities/{id}/polls/{poll}", community, pollId)
                .then().statusCode(200).body("open", equalTo(false))
                .body("results.voterCount", equalTo(1)).body("results.options.votes", contains(1, 0));
        as(TestTokens.member(other)).get("/communities/{id}/polls", community)
                .then().statusCode(200).body("items[0].results.voterCount", equalTo(1));
    }

    @Test
    void voteAtOrAfterClosesAtIsRefusedAsPollClosed() {
        JsonPath poll = createPoll(List.of("yes", "no"), false);
        clock.setTo(TOMORROW.minusMillis(1));
        vote(other, poll, List.of(poll.getString("options[1].id"))).then().statusCode(201);

        clock.setTo(TOMORROW);
        vote(member, poll, List.of(poll.getString("options[0].id"))).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(POLL_CLOSED))
                .body("detail", containsString(TOMORROW.toString()));
        as(TestTokens.member(member)).get("/communities/{id}/polls/{poll}", community, poll.getString("id"))
                .then().statusCode(200).body("myVote", nullValue()).body("results.voterCount", equalTo(1));
        assertEquals(List.of(), votesOf(member));
    }

    @Test
    void secondVoteIsConflictAndChangesNothing() {
        JsonPath poll = createPoll(List.of("yes", "no"), false);
        vote(member, poll, List.of(poll.getString("options[0].id"))).then().statusCode(201);
        vote(member, poll, List.of(poll.getString("options[1].id"))).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(ALREADY_VOTED));
        as(TestTokens.member(member)).get("/communities/{id}/polls/{poll}", community, poll.getString("id"))
                .then().statusCode(200).body("myVote", contains(poll.getString("options[0].id")))
                .body("results.options.votes", contains(1, 0));
        assertEquals(1, votesOf(member).size());
    }

    @Test
    void simultaneousVotesOfOneMemberCountOnceAndOthersVoteSideBySide() {
        JsonPath poll = createPoll(List.of("yes", "no"), false);
        List<String> voters = IntStream.range(0, 4).mapToObj(i -> "voter-" + UUID.randomUUID()).toList();
        voters.forEach(v -> ActivityApi.join(community, v, CommunityRole.MEMBER));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<ExtractableResponse<Response>>> same = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> vote(member, poll,
                            List.of(poll.getString("options[" + (i % 2) + "].id"))).then().extract(), pool))
                    .toList();
            List<CompletableFuture<ExtractableResponse<Response>>> others = voters.stream()
                    .map(v -> CompletableFuture.supplyAsync(() -> vote(v, poll,
                            List.of(poll.getString("options[1].id"))).then().extract(), pool))
                    .toList();
            assertEquals(List.of(201, 409, 409, 409, 409, 409),
                    same.stream().map(f -> f.join().statusCode()).sorted().toList());
            assertEquals(List.of(201, 201, 201, 201), others.stream().map(f -> f.join().statusCode()).toList());
        } finally {
            pool.shutdown();
        }

        as(TestTokens.member(owner)).get("/communities/{id}/polls/{poll}", community, poll.getString("id"))
                .then().statusCode(200).body("results.voterCount", equalTo(5));
        KafkaEvents.awaitEvents(EventType.VOTE_CAST, e -> e.subject().equals(community), 5);
        assertEquals(1, votesOf(member).size());
    }

    @Test
    void optionsThatDoNotFitThePollAreRefusedAndNothingIsRecorded() {
        JsonPath poll = createPoll(List.of("yes", "no"), false);
        JsonPath another = createPoll(List.of("up", "down"), false);
        List<String> ids = poll.getList("options.id");

        vote(member, poll, List.of(another.getString("options[0].id"))).then().statusCode(422)
                .body("type", equalTo(OPTIONS_INVALID)).body("detail", containsString(another.getString("options[0].id")));
        vote(member, poll, List.of(UUID.randomUUID().toString())).then().statusCode(422)
                .body("type", equalTo(OPTIONS_INVALID));
        vote(member, poll, ids).then().statusCode(422).body("type", equalTo(OPTIONS_INVALID))
                .body("detail", containsString("one option"));
        vote(member, poll, List.of(ids.get(0), ids.get(0))).then().statusCode(400)
                .body("type", equalTo(VALIDATION)).body("violations.field", hasItem(endsWith("optionIds")));
        vote(member, poll, List.of()).then().statusCode(400).body("violations.field", hasItem(endsWith("optionIds")));
        as(TestTokens.member(member)).body(Map.of()).post("/communities/{id}/polls/{poll}/votes", community,
                poll.getString("id")).then().statusCode(400);
        as(TestTokens.member(member)).body(Map.of("optionIds", List.of("not-a-uuid")))
                .post("/communities/{id}/polls/{poll}/votes", community, poll.getString("id"))
                .then().statusCode(400).contentType("application/problem+json");

        // All refused, so the member's vote is still theirs to cast.
        vote(member, poll, List.of(ids.get(1))).then().statusCode(201).body("results.voterCount", equalTo(1));
        assertEquals(List.of(new VoteCast(community, poll.getString("id"), member, List.of(ids.get(1)))),
                votesOf(member));
    }

    @Test
    void mutedMemberReadsPollsButCannotVote() {
        JsonPath poll = createPoll(List.of("yes", "no"), false);
        KafkaEvents.publish(new MemberMuted(community, member, Instant.now().plus(Duration.ofHours(1)), "Spam", owner),
                Instant.now());
        // Checking in is the write to probe with: a vote that got through would spoil the test.
        await().atMost(Duration.ofSeconds(10)).until(() -> as(TestTokens.member(member)).body("{}")
                .post("/communities/{id}/check-ins", community).statusCode() == 403);

        vote(member, poll, List.of(poll.getString("options[0].id"))).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://hearth.dev/problems/muted"));
        as(TestTokens.member(member)).get("/communities/{id}/polls/{poll}", community, poll.getString("id"))
                .then().statusCode(200).body("myVote", nullValue()).body("results", nullValue());
        assertEquals(List.of(), votesOfAfterALaterOne(member, poll));
    }

    @Test
    void nonMembersCannotSeeOrVoteAndPollsOfOtherCommunitiesAreNotFound() {
        JsonPath poll = createPoll(List.of("yes", "no"), false);
        String stranger = "stranger-" + UUID.randomUUID();
        String elsewhere = UUID.randomUUID().toString();
        ActivityApi.join(elsewhere, stranger, CommunityRole.OWNER);

        as(TestTokens.member(stranger)).get("/communities/{id}/polls", community).then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.member(stranger)).get("/communities/{id}/polls/{poll}", community, poll.getString("id"))
                .then().statusCode(403);
        vote(stranger, poll, List.of(poll.getString("options[0].id"))).then().statusCode(403);
        as(TestTokens.member(stranger)).post("/communities/{id}/polls/{poll}/close", community, poll.getString("id"))
                .then().statusCode(403);

        // Named under a community its caller owns, the poll of another community does not exist.
        as(TestTokens.member(stranger)).get("/communities/{id}/polls/{poll}", elsewhere, poll.getString("id"))
                .then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.member(stranger)).body(Map.of("optionIds", List.of(poll.getString("options[0].id"))))
                .post("/communities/{id}/polls/{poll}/votes", elsewhere, poll.getString("id"))
                .then().statusCode(404);
        as(TestTokens.member(stranger)).post("/communities/{id}/polls/{poll}/close", elsewhere, poll.getString("id"))
                .then().statusCode(404);
        as(TestTokens.member(member)).get("/communities/{id}/polls/{poll}", community, UUID.randomUUID())
                .then().statusCode(404);
        as(TestTokens.member(member)).get("/communities/{id}/polls/{poll}", community, "not-a-uuid")
                .then().statusCode(400);
        assertEquals(List.of(), votesOfAfterALaterOne(stranger, poll));
    }

    @Test
    void pollsAreListedNewestFirstPageByPage() {
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> {
            clock.setTo(NOW.plusSeconds(i));
            return createPoll(List.of("a" + i, "b" + i), false).getString("id");
        }).toList();

        JsonPath first = as(TestTokens.member(member)).queryParam("limit", 2).get("/communities/{id}/polls", community)
                .then().statusCode(200).body("items.id", contains(ids.get(4), ids.get(3)))
                .body("nextCursor", notNullValue()).extract().jsonPath();
        JsonPath second = as(TestTokens.member(member)).queryParam("limit", 2)
                .queryParam("after", first.getString("nextCursor")).get("/communities/{id}/polls", community)
                .then().statusCode(200).body("items.id", contains(ids.get(2), ids.get(1))).extract().jsonPath();
        as(TestTokens.member(member)).queryParam("limit", 2).queryParam("after", second.getString("nextCursor"))
                .get("/communities/{id}/polls", community)
                .then().statusCode(200).body("items.id", contains(ids.get(0))).body("nextCursor", nullValue())
                .body("items[0].options.text", contains("a0", "b0"));
        as(TestTokens.member(member)).queryParam("limit", 101).get("/communities/{id}/polls", community)
                .then().statusCode(400);
    }

    @Test
    void staffCloseEarlyOnceAndThenEveryMemberSeesResultsAndNoVoteIsTaken() {
        JsonPath poll = createPoll(List.of("yes", "no"), false);
        String pollId = poll.getString("id");
        vote(member, poll, List.of(poll.getString("options[1].id"))).then().statusCode(201);
        as(TestTokens.member(member)).post("/communities/{id}/polls/{poll}/close", community, pollId)
                .then().statusCode(403).body("type", equalTo("https://hearth.dev/problems/forbidden"));

        Instant closedAt = NOW.plus(Duration.ofHours(2));
        clock.setTo(closedAt);
        as(TestTokens.member(admin)).post("/communities/{id}/polls/{poll}/close", community, pollId)
                .then().statusCode(200).contentType("application/json")
                .body("open", equalTo(false)).body("closesAt", equalTo(closedAt.toString()))
                .body("closedBy", equalTo(admin)).body("results.options.votes", contains(0, 1));

        clock.setTo(closedAt.plusSeconds(60));
        as(TestTokens.member(owner)).post("/communities/{id}/polls/{poll}/close", community, pollId)
                .then().statusCode(200).body("closesAt", equalTo(closedAt.toString()))
                .body("closedBy", equalTo(admin));
        as(TestTokens.member(other)).get("/communities/{id}/polls/{poll}", community, pollId)
                .then().statusCode(200).body("open", equalTo(false)).body("results.voterCount", equalTo(1));
        vote(other, poll, List.of(poll.getString("options[0].id"))).then().statusCode(422)
                .body("type", equalTo(POLL_CLOSED));
    }

    @Test
    void closingAPollThatClosedOnTimeChangesNothing() {
        JsonPath poll = createPoll(List.of("yes", "no"), false);
        clock.setTo(TOMORROW.plusSeconds(5));
        as(TestTokens.member(owner)).post("/communities/{id}/polls/{poll}/close", community, poll.getString("id"))
                .then().statusCode(200).body("open", equalTo(false)).body("closesAt", equalTo(TOMORROW.toString()))
                .body("closedBy", nullValue());
    }

    private JsonPath createPoll(List<String> options, boolean multipleChoice) {
        return as(TestTokens.member(owner)).body(pollBody("Which one?", options, multipleChoice, TOMORROW))
                .post("/communities/{id}/polls", community).then().statusCode(201).extract().jsonPath();
    }

    private Response vote(String voter, JsonPath poll, List<String> optionIds) {
        return as(TestTokens.member(voter)).body(Map.of("optionIds", optionIds))
                .post("/communities/{id}/polls/{poll}/votes", community, poll.getString("id"));
    }

    static Map<String, Object> pollBody(String question, List<String> options, boolean multipleChoice,
            Instant closesAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", question);
        body.put("options", options);
        body.put("multipleChoice", multipleChoice);
        body.put("closesAt", closesAt == null ? null : closesAt.toString());
        return body;
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIsUuid() {
        return org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.matchesPattern(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    private List<VoteCast> votesOf(String voter) {
        return KafkaEvents.events(EventType.VOTE_CAST, e -> ofVoter(e, community, voter)).stream()
                .map(e -> e.data(VoteCast.class)).toList();
    }

    /**
     * The voter's vote events once a later vote of another member in the same community is out: a community's events
     * are published in commit order, so any vote of the voter's would be out too.
     */
    private List<VoteCast> votesOfAfterALaterOne(String voter, JsonPath poll) {
        String later = "later-" + UUID.randomUUID();
        ActivityApi.join(community, later, CommunityRole.MEMBER);
        vote(later, poll, List.of(poll.getString("options[0].id"))).then().statusCode(201);
        KafkaEvents.awaitEvent(EventType.VOTE_CAST, e -> ofVoter(e, community, later));
        return votesOf(voter);
    }

    private List<PollCreated> pollsCreatedBy(String user) {
        return KafkaEvents.events(EventType.POLL_CREATED, e -> e.subject().equals(community)).stream()
                .map(e -> e.data(PollCreated.class)).filter(p -> p.createdBy().equals(user)).toList();
    }

    private static boolean ofVoter(PublishedEvent event, String community, String voter) {
        return event.subject().equals(community) && event.data(VoteCast.class).userId().equals(voter);
    }
}
