package io.hearth.activity;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hearth.activity.service.PointsBooking;
import io.hearth.contracts.events.AnswerAccepted;
import io.hearth.contracts.events.ChallengeCompleted;
import io.hearth.contracts.events.CheckInRecorded;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventAttended;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.PostCreated;
import io.hearth.contracts.events.PostRemoved;
import io.hearth.contracts.events.ReactionAdded;
import io.hearth.contracts.events.ReactionRemoved;
import io.hearth.contracts.events.ReplyCreated;
import io.hearth.platform.inbox.InboundEvent;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Points booked from content's and activity's events on the real broker: each event once, at the rate in force when
 * it is booked, taken back when what earned them is undone; the leaderboard and a member's own points over periods.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class PointsTest {
    private static final String OUT_OF_RANGE = "https://hearth.dev/problems/points-out-of-range";
    private static final String VALIDATION = "https://hearth.dev/problems/validation";
    private static final Duration BOOKED = Duration.ofSeconds(30);

    @Inject
    PointsBooking booking;

    private final String community = UUID.randomUUID().toString();

    @Test
    void contentEventsEarnPointsThroughTheBrokerAndARepeatedEventBooksNothingTwice() throws Throwable {
        String author = join("author");
        String replier = join("replier");
        String post = UUID.randomUUID().toString();
        String reply = UUID.randomUUID().toString();
        Instant now = Instant.now();

        String postEvent = KafkaEvents.publish(new PostCreated(community, post, author, List.of("running"), 40), now);
        KafkaEvents.publish(new ReplyCreated(community, post, reply, replier, author, 12), now);
        KafkaEvents.publish(new ReactionAdded(community, post, replier, "like", author), now);
        KafkaEvents.publish(new ReactionAdded(community, post, replier, "love", author), now);
        // Reacting to one's own post earns nothing.
        KafkaEvents.publish(new ReactionAdded(community, post, author, "like", author), now);
        KafkaEvents.publish(new AnswerAccepted(community, post, reply, replier, author), now);

        // post 2 + two reactions received 1 + 1; reply 1 + accepted answer 10.
        awaitTotal(author, 4);
        awaitTotal(replier, 11);

        // The same post event again (same ce_id), then a marker behind it on the same partition: once the marker is
        // booked the repeat has been consumed, and it booked nothing.
        KafkaEvents.publish(new PostCreated(community, post, author, List.of("running"), 40), now, postEvent);
        KafkaEvents.publish(new ReplyCreated(community, post, UUID.randomUUID().toString(), author, author, 3), now);
        awaitTotal(author, 5);

        // Even applied again past the consumer's own record of it (as after that record was purged), the ledger's
        // key (event, person) books nothing twice.
        InboundEvent again = new InboundEvent(postEvent, EventType.POST_CREATED, community, now,
                new PostCreated(community, post, author, List.of("running"), 40));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> booking.apply(again)));
        myPoints(author).then().statusCode(200).body("total", equalTo(5))
                .body("breakdown.find { it.action == 'POST' }.count", equalTo(1))
                .body("breakdown.find { it.action == 'POST' }.points", equalTo(2))
                .body("breakdown.find { it.action == 'REACTION_RECEIVED' }.count", equalTo(2))
                .body("breakdown.find { it.action == 'REPLY' }.count", equalTo(1));
        myPoints(replier).then().statusCode(200).body("total", equalTo(11))
                .body("breakdown.find { it.action == 'ACCEPTED_ANSWER' }.points", equalTo(10));
    }

    @Test
    void checkInsAttendanceAndCompletedChallengesEarnTheirPoints() {
        String member = join("member");
        Instant now = Instant.now();
        KafkaEvents.publish(new CheckInRecorded(community, member, LocalDate.now(ZoneOffset.UTC), 1), now);
        KafkaEvents.publish(new EventAttended(community, UUID.randomUUID().toString(), member), now);
        KafkaEvents.publish(new ChallengeCompleted(community, UUID.randomUUID().toString(), member, 18), now);

        awaitTotal(member, 1 + 5 + 20);
        myPoints(member).then().body("breakdown.action", contains("CHECK_IN", "ATTENDANCE", "CHALLENGE_COMPLETED"))
                .body("breakdown.points", contains(1, 5, 20));
    }

    @Test
    void welcomePostsOfHearthEarnNothingAndReactionsToThemNeither() {
        String member = join("member");
        String welcome = UUID.randomUUID().toString();
        Instant now = Instant.now();
        KafkaEvents.publish(new PostCreated(community, welcome, "hearth", List.of(), 80), now);
        KafkaEvents.publish(new ReactionAdded(community, welcome, member, "like", "hearth"), now);
        KafkaEvents.publish(new PostCreated(community, UUID.randomUUID().toString(), member, List.of(), 5), now);

        awaitTotal(member, 2);
        leaderboard(owner(), "all", 10).then().statusCode(200).body("items.userId", contains(member));
    }

    @Test
    void aChangedRateAppliesToLaterActionsOnly() {
        String owner = owner();
        String member = join("member");
        as(TestTokens.member(member)).get("/communities/{id}/points/settings", community).then().statusCode(200)
                .body("post", equalTo(2)).body("reply", equalTo(1)).body("reactionReceived", equalTo(1))
                .body("checkIn", equalTo(1)).body("attendance", equalTo(5)).body("acceptedAnswer", equalTo(10))
                .body("challengeCompleted", equalTo(20)).body("updatedAt", nullValue());
        KafkaEvents.publish(new PostCreated(community, UUID.randomUUID().toString(), member, List.of(), 5),
                Instant.now());
        awaitTotal(member, 2);

        as(TestTokens.member(owner)).body(Map.of("post", 7, "checkIn", 3)).put("/communities/{id}/points/settings",
                community).then().statusCode(200).body("post", equalTo(7)).body("checkIn", equalTo(3))
                .body("reply", equalTo(1)).body("challengeCompleted", equalTo(20)).body("updatedBy", equalTo(owner));
        as(TestTokens.member(member)).get("/communities/{id}/points/settings", community).then().statusCode(200)
                .body("post", equalTo(7)).body("acceptedAnswer", equalTo(10));

        KafkaEvents.publish(new PostCreated(community, UUID.randomUUID().toString(), member, List.of(), 5),
                Instant.now());
        awaitTotal(member, 9);
        myPoints(member).then().body("breakdown.find { it.action == 'POST' }.count", equalTo(2));
    }

    @Test
    void takingBackAReactionOrRemovingAPostOrReplyTakesBackItsPoints() {
        String author = join("author");
        String fan = join("fan");
        String answerer = join("answerer");
        String post = UUID.randomUUID().toString();
        String reply = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        Instant now = Instant.now();
        KafkaEvents.publish(new PostCreated(community, post, author, List.of(), 40), now);
        KafkaEvents.publish(new ReactionAdded(community, post, fan, "like", author), now);
        KafkaEvents.publish(new ReactionAdded(community, post, answerer, "thanks", author), now);
        KafkaEvents.publish(new ReplyCreated(community, post, reply, answerer, author, 12), now);
        KafkaEvents.publish(new ReplyCreated(community, post, other, fan, author, 12), now);
        KafkaEvents.publish(new AnswerAccepted(community, post, reply, answerer, author), now);
        awaitTotal(author, 4);
        awaitTotal(answerer, 11);

        // The fan takes their like back: one point less; liking again earns it again.
        KafkaEvents.publish(new ReactionRemoved(community, post, fan, "like"), now);
        awaitTotal(author, 3);
        KafkaEvents.publish(new ReactionAdded(community, post, fan, "like", author), now);
        awaitTotal(author, 4);

        // Another reply becomes the answer: the answer's points move with it.
        KafkaEvents.publish(new AnswerAccepted(community, post, other, fan, author), now);
        awaitTotal(fan, 11);
        awaitTotal(answerer, 1);

        // Staff remove the fan's reply: its reply point and accepted-answer points go.
        KafkaEvents.publish(new PostRemoved(community, post, other, fan, author, "Off topic"), now);
        awaitTotal(fan, 0);
        myPoints(fan).then().body("rank", nullValue()).body("breakdown", empty());

        // The author removes the post: the post and the reactions it received go; the answerer keeps their reply.
        KafkaEvents.publish(new PostRemoved(community, post, null, author, author, null), now);
        awaitTotal(author, 0);
        myPoints(answerer).then().body("total", equalTo(1));
        leaderboard(author, "all", 10).then().body("items.userId", contains(answerer));
    }

    @Test
    void leaderboardRanksCurrentMembersByPointsInEachPeriodAndTiesShareARank() {
        String owner = owner();
        String a = join("a");
        String b = join("b");
        String c = join("c");
        String gone = join("d");
        join("e-no-points");
        Instant now = Instant.now();
        // a: a post now, 10 days ago and 40 days ago (7d 2, 30d 4, all 6).
        post(a, now);
        post(a, now.minus(Duration.ofDays(10)));
        post(a, now.minus(Duration.ofDays(40)));
        // b: two check-ins now and a reply 20 days ago (7d 2, 30d 3, all 3).
        KafkaEvents.publish(new CheckInRecorded(community, b, LocalDate.now(ZoneOffset.UTC).minusDays(1), 1), now);
        KafkaEvents.publish(new CheckInRecorded(community, b, LocalDate.now(ZoneOffset.UTC), 2), now);
        reply(b, now.minus(Duration.ofDays(20)));
        // c: a post and a reply now (3 in every period).
        post(c, now);
        reply(c, now);
        // gone: the most points, but no longer a member.
        post(gone, now);
        post(gone, now);
        post(gone, now);
        await().atMost(BOOKED).until(() -> myPoints(gone).then().extract().<Integer>path("total") == 6);
        ActivityApi.leave(community, gone);
        awaitTotal(c, 3);
        awaitTotal(b, 3);
        awaitTotal(a, 6);

        leaderboard(owner, "7d", 10).then().statusCode(200).body("period", equalTo("7d"))
                .body("items.userId", contains(c, a, b)).body("items.points", contains(3, 2, 2))
                .body("items.rank", contains(1, 2, 2));
        Instant since = Instant.parse(leaderboard(owner, "7d", 10).then().extract().path("since"));
        assertTrue(Duration.between(now.minus(Duration.ofDays(7)), since).abs().compareTo(BOOKED) < 0, since::toString);
        leaderboard(owner, "30d", 10).then().statusCode(200)
                .body("items.userId", contains(a, b, c)).body("items.points", contains(4, 3, 3))
                .body("items.rank", contains(1, 2, 2));
        leaderboard(owner, "all", 10).then().statusCode(200)
                .body("items.userId", contains(a, b, c)).body("items.points", contains(6, 3, 3));
        // Without a period: all time.
        as(TestTokens.member(b)).get("/communities/{id}/leaderboard", community).then().statusCode(200)
                .body("period", equalTo("all")).body("items.userId", contains(a, b, c));
        leaderboard(owner, "7d", 2).then().statusCode(200).body("items.userId", contains(c, a));

        myPoints(b).then().statusCode(200).body("total", equalTo(3)).body("rank", equalTo(2))
                .body("periods.period", contains("7d", "30d", "all"))
                .body("periods.points", contains(2, 3, 3)).body("periods.rank", contains(2, 2, 2))
                .body("breakdown.action", containsInAnyOrder("REPLY", "CHECK_IN"))
                .body("breakdown.find { it.action == 'CHECK_IN' }.count", equalTo(2));
        myPoints(owner).then().statusCode(200).body("total", equalTo(0)).body("rank", nullValue())
                .body("periods.rank", contains(nullValue(), nullValue(), nullValue()))
                .body("breakdown", empty());
    }

    @Test
    void outsidersAndMembersWritingSettingsAndBadSettingsOrParametersAreRefused() {
        String owner = owner();
        String member = join("member");
        String outsider = "outsider-" + UUID.randomUUID();
        for (String path : List.of("/points/settings", "/points/me", "/leaderboard")) {
            as(TestTokens.member(outsider)).get("/communities/{id}" + path, community).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        as(TestTokens.member(outsider)).body(Map.of("post", 3)).put("/communities/{id}/points/settings", community)
                .then().statusCode(403);
        as(TestTokens.member(member)).body(Map.of("post", 3)).put("/communities/{id}/points/settings", community)
                .then().statusCode(403).contentType("application/problem+json");

        as(TestTokens.member(owner)).body(Map.of("post", -1, "challengeCompleted", 1001, "reply", 1000))
                .put("/communities/{id}/points/settings", community).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(OUT_OF_RANGE))
                .body("violations.field", containsInAnyOrder("post", "challengeCompleted"));
        as(TestTokens.member(owner)).body("{\"post\": 2.5}").put("/communities/{id}/points/settings", community)
                .then().statusCode(400).body("type", equalTo(VALIDATION));
        as(TestTokens.member(owner)).body("{\"post\": \"many\"}").put("/communities/{id}/points/settings", community)
                .then().statusCode(400).body("type", equalTo(VALIDATION));
        // Nothing of the refused requests was kept.
        as(TestTokens.member(member)).get("/communities/{id}/points/settings", community).then().statusCode(200)
                .body("post", equalTo(2)).body("reply", equalTo(1)).body("challengeCompleted", equalTo(20));
        as(TestTokens.member(owner)).body(Map.of("post", 0, "reply", 1000)).put("/communities/{id}/points/settings",
                community).then().statusCode(200).body("post", equalTo(0)).body("reply", equalTo(1000));

        for (String query : List.of("period=1y", "period=7D", "limit=0", "limit=101", "limit=ten")) {
            as(TestTokens.member(member)).get("/communities/{id}/leaderboard?" + query, community).then()
                    .statusCode(400).contentType("application/problem+json").body("type", equalTo(VALIDATION));
        }
        as(TestTokens.member(member)).get("/communities/{id}/leaderboard?period=30d&limit=100", community).then()
                .statusCode(200).body("items", empty());
        // An empty value is no value: the default.
        as(TestTokens.member(member)).get("/communities/{id}/leaderboard?period=", community).then()
                .statusCode(200).body("period", equalTo("all"));
    }

    private String owner() {
        return join("owner", CommunityRole.OWNER);
    }

    private String join(String name) {
        return join(name, CommunityRole.MEMBER);
    }

    private String join(String name, CommunityRole role) {
        String userId = name + "-" + UUID.randomUUID();
        ActivityApi.join(community, userId, role);
        return userId;
    }

    private void post(String author, Instant at) {
        KafkaEvents.publish(new PostCreated(community, UUID.randomUUID().toString(), author, List.of(), 10), at);
    }

    private void reply(String author, Instant at) {
        KafkaEvents.publish(new ReplyCreated(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                author, "someone", 10), at);
    }

    private void awaitTotal(String userId, int total) {
        await().atMost(BOOKED).pollInterval(Duration.ofMillis(200))
                .until(() -> myPoints(userId).then().extract().<Integer>path("total") == total);
    }

    private io.restassured.response.Response myPoints(String userId) {
        return as(TestTokens.member(userId)).get("/communities/{id}/points/me", community);
    }

    private io.restassured.response.Response leaderboard(String userId, String period, int limit) {
        return as(TestTokens.member(userId)).get("/communities/{id}/leaderboard?period={p}&limit={l}", community,
                period, limit);
    }
}
