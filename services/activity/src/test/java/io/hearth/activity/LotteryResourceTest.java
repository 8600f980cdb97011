package io.hearth.activity;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.activity.service.LotteryScheduler;
import io.hearth.contracts.events.CommunityCreated;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.LotteryCreated;
import io.hearth.contracts.events.LotteryDrawn;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.NoticeIssued;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class LotteryResourceTest {
    private static final String HEX64 = "^[0-9a-f]{64}$";
    private static final String PROBLEMS = "https://hearth.dev/problems/";

    @Inject
    MovableClock clock;
    @Inject
    Scheduler scheduler;
    @Inject
    LotteryScheduler lotteryScheduler;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();
    private final String admin = "admin-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();
    private final String outsider = "outsider-" + UUID.randomUUID();

    @BeforeEach
    void arrange() {
        clock.setTo(now);
        ActivityApi.join(community, owner, CommunityRole.OWNER);
        ActivityApi.join(community, admin, CommunityRole.ADMIN);
        ActivityApi.join(community, member, CommunityRole.MEMBER);
        ActivityApi.join(UUID.randomUUID().toString(), outsider, CommunityRole.OWNER);
    }

    @AfterEach
    void release() {
        LotteryApi.drawEverythingLeft(clock, lotteryScheduler);
        scheduler.resume(LotteryScheduler.JOB);
    }

    @Test
    void staffCreateALotteryThatShowsItsCommitmentButNotItsSeed() {
        Instant drawAt = now.plus(Duration.ofDays(3));
        io.restassured.response.Response created = LotteryApi.create(community, admin,
                LotteryApi.checkedIn(2, 3, 7, drawAt));
        created.then().statusCode(201).body("status", equalTo("OPEN")).body("seedHex", nullValue());
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/communities/" + community + "/lotteries/" + id),
                created.header("Location"));
        LotteryApi.get(community, member, id).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("prize", equalTo("A signed running guide"))
                .body("winners", equalTo(2)).body("eligibility.kind", equalTo("CHECKED_IN"))
                .body("eligibility.minCheckIns", equalTo(3)).body("eligibility.withinDays", equalTo(7))
                .body("drawAt", equalTo(drawAt.toString())).body("createdBy", equalTo(admin))
                .body("commitment", matchesPattern(HEX64))
                .body("seedHex", nullValue()).body("eligible", nullValue()).body("winnerIds", nullValue())
                .body("drawnAt", nullValue());
        String commitment = LotteryApi.get(community, owner, id).then().extract().path("commitment");

        LotteryCreated published = KafkaEvents.awaitEvent(EventType.LOTTERY_CREATED,
                e -> e.data(LotteryCreated.class).lotteryId().equals(id)).data(LotteryCreated.class);
        assertEquals(new LotteryCreated(community, id, "A signed running guide", 2, drawAt, commitment, admin),
                published);
        as(TestTokens.member(member)).get("/communities/{id}/lotteries", community).then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].commitment", equalTo(commitment))
                .body("items[0].seedHex", nullValue());
    }

    @Test
    void eachLotteryGetsItsOwnCommitment() {
        String first = LotteryApi.createdId(community, owner, LotteryApi.allMembers(1, now.plusSeconds(60)));
        String second = LotteryApi.createdId(community, owner, LotteryApi.allMembers(1, now.plusSeconds(60)));
        String a = LotteryApi.get(community, member, first).then().extract().path("commitment");
        String b = LotteryApi.get(community, member, second).then().extract().path("commitment");
        assertTrue(!a.equals(b), "two lotteries share the commitment " + a);
    }

    @Test
    void onlyStaffCreateLotteries() {
        Map<String, Object> body = LotteryApi.allMembers(1, now.plusSeconds(3600));
        LotteryApi.create(community, member, body).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "forbidden"));
        LotteryApi.create(community, outsider, body).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        as(TestTokens.member(owner)).get("/communities/{id}/lotteries", community).then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void outsidersCannotReadOrDrawLotteries() {
        String id = LotteryApi.createdId(community, owner, LotteryApi.allMembers(1, now.plusSeconds(3600)));
        as(TestTokens.member(outsider)).get("/communities/{id}/lotteries", community).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        LotteryApi.get(community, outsider, id).then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        LotteryApi.draw(community, outsider, id).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        LotteryApi.draw(community, member, id).then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
    }

    @Test
    void invalidLotteriesAreRefusedAndNothingIsCreated() {
        Instant later = now.plusSeconds(3600);
        List<Object> bodies = new ArrayList<>();
        bodies.add(LotteryApi.allMembers(0, later));
        bodies.add(LotteryApi.allMembers(1001, later));
        bodies.add(LotteryApi.allMembers(1, now));
        bodies.add(LotteryApi.allMembers(1, now.minusSeconds(1)));
        bodies.add(LotteryApi.allMembers(1, now.plus(Duration.ofDays(367))));
        bodies.add(LotteryApi.checkedIn(1, 0, 7, later));
        bodies.add(LotteryApi.checkedIn(1, 8, 7, later));
        bodies.add(LotteryApi.checkedIn(1, 1, 367, later));
        bodies.add(with(LotteryApi.allMembers(1, later), "prize", " "));
        bodies.add(with(LotteryApi.allMembers(1, later), "prize", "x".repeat(201)));
        bodies.add(with(LotteryApi.allMembers(1, later), "winners", null));
        bodies.add(with(LotteryApi.allMembers(1, later), "drawAt", null));
        bodies.add(with(LotteryApi.allMembers(1, later), "drawAt", "tomorrow"));
        bodies.add(with(LotteryApi.allMembers(1, later), "eligibility", null));
        bodies.add(with(LotteryApi.allMembers(1, later), "eligibility", Map.of("kind", "EVERYONE")));
        bodies.add(with(LotteryApi.allMembers(1, later), "eligibility", Map.of()));
        bodies.add(with(LotteryApi.allMembers(1, later), "eligibility", Map.of("kind", "CHECKED_IN")));
        bodies.add(with(LotteryApi.allMembers(1, later), "eligibility",
                Map.of("kind", "CHECKED_IN", "minCheckIns", 2)));
        bodies.add(with(LotteryApi.allMembers(1, later), "eligibility",
                Map.of("kind", "ALL_MEMBERS", "withinDays", 7)));
        for (Object body : bodies) {
            LotteryApi.create(community, owner, body).then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "validation"));
        }
        as(TestTokens.member(owner)).get("/communities/{id}/lotteries", community).then().statusCode(200)
                .body("items", empty());
        // The limits themselves are accepted.
        LotteryApi.create(community, owner, LotteryApi.allMembers(1000, now.plus(Duration.ofDays(366))))
                .then().statusCode(201);
        LotteryApi.create(community, owner, LotteryApi.checkedIn(1, 366, 366, later)).then().statusCode(201);
    }

    @Test
    void mutedStaffCannotCreateOrDrawLotteries() {
        scheduler.pause(LotteryScheduler.JOB);
        String id = LotteryApi.createdId(community, owner, LotteryApi.allMembers(1, now.plusSeconds(60)));
        Instant until = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        KafkaEvents.publish(new MemberMuted(community, admin, until, "Spam", owner), Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> LotteryApi.create(community, admin,
                LotteryApi.allMembers(1, now.plusSeconds(60))).statusCode() == 403);
        LotteryApi.create(community, admin, LotteryApi.allMembers(1, now.plusSeconds(60))).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "muted"));
        clock.setTo(now.plusSeconds(61));
        LotteryApi.draw(community, admin, id).then().statusCode(403).body("type", equalTo(PROBLEMS + "muted"));
        // Reading stays allowed.
        LotteryApi.get(community, admin, id).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void nobodyDrawsALotteryBeforeItsTime() {
        String id = LotteryApi.createdId(community, owner, LotteryApi.allMembers(1, now.plusSeconds(3600)));
        clock.setTo(now.plusSeconds(3599));
        LotteryApi.draw(community, owner, id).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "lottery-not-due"));
        LotteryApi.get(community, member, id).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("seedHex", nullValue());
    }

    @Test
    void staffDrawADueLotteryOnceAndNeverAgain() throws Throwable {
        scheduler.pause(LotteryScheduler.JOB);
        String id = LotteryApi.createdId(community, owner, LotteryApi.allMembers(2, now.plusSeconds(3600)));
        clock.setTo(now.plusSeconds(3600));

        LotteryApi.draw(community, admin, id).then().statusCode(200)
                .body("status", equalTo("DRAWN")).body("drawnAt", equalTo(now.plusSeconds(3600).toString()))
                .body("seedHex", matchesPattern(HEX64)).body("eligibleCount", equalTo(3))
                .body("eligible.userId", containsInAnyOrder(owner, admin, member))
                .body("eligible.rank", contains(1, 2, 3)).body("winnerIds", hasSize(2));
        LotteryApi.draw(community, owner, id).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "lottery-drawn"));
        // Nor does the scheduler draw it again (it may draw other tests' lotteries that the moved clock made due).
        VertxContextSupport.subscribeAndAwait(lotteryScheduler::drawDue);

        List<String> winners = LotteryApi.get(community, member, id).then().statusCode(200)
                .extract().path("winnerIds");
        LotteryDrawn drawn = KafkaEvents.awaitEvent(EventType.LOTTERY_DRAWN,
                e -> e.data(LotteryDrawn.class).lotteryId().equals(id)).data(LotteryDrawn.class);
        assertEquals(winners, drawn.winnerIds());
        assertEquals(3, drawn.eligibleCount());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> LotteryApi.drawnEvents(id).size() == 1);
        List<PublishedEvent> notices = KafkaEvents.awaitEvents(EventType.NOTICE_ISSUED,
                e -> LotteryApi.isWinNotice(e, id), 2);
        assertEquals(winners.stream().sorted().toList(),
                notices.stream().map(e -> e.data(NoticeIssued.class).userId()).sorted().toList());
        assertEquals(community, notices.get(0).key());
        as(TestTokens.member(member)).get("/communities/{id}/lotteries", community).then().statusCode(200)
                .body("items[0].status", equalTo("DRAWN")).body("items[0].winnerIds", equalTo(winners))
                .body("items[0].eligible", nullValue());
    }

    @Test
    void whenFewerAreEligibleThanWinnersAllOfThemWin() {
        scheduler.pause(LotteryScheduler.JOB);
        String id = LotteryApi.createdId(community, owner, LotteryApi.allMembers(10, now.plusSeconds(60)));
        clock.setTo(now.plusSeconds(61));
        LotteryApi.draw(community, owner, id).then().statusCode(200).body("eligibleCount", equalTo(3))
                .body("winnerIds", containsInAnyOrder(owner, admin, member));
    }

    @Test
    void anUnknownLotteryIsNotFound() {
        String elsewhere = UUID.randomUUID().toString();
        ActivityApi.join(elsewhere, outsider, CommunityRole.ADMIN);
        String theirs = LotteryApi.createdId(elsewhere, outsider, LotteryApi.allMembers(1, now.plusSeconds(60)));
        clock.setTo(now.plusSeconds(120));
        for (String id : List.of(UUID.randomUUID().toString(), theirs)) {
            LotteryApi.get(community, member, id).then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "not-found"));
            LotteryApi.draw(community, owner, id).then().statusCode(404)
                    .body("type", equalTo(PROBLEMS + "not-found"));
        }
    }

    @Test
    void onlyMembersWithEnoughRecentCheckInsInTheCommunitysCalendarAreEligible() {
        // New York is behind UTC: at 03:00 UTC it is still the day before there.
        String zoned = UUID.randomUUID().toString();
        String regular = "regular-" + UUID.randomUUID();
        String once = "once-" + UUID.randomUUID();
        String lapsed = "lapsed-" + UUID.randomUUID();
        KafkaEvents.publish(new CommunityCreated(zoned, "Runners", "Run", "HOBBY", null, owner, "America/New_York",
                "OPEN"), Instant.now());
        ActivityApi.join(zoned, owner, CommunityRole.OWNER);
        ActivityApi.join(zoned, regular, CommunityRole.MEMBER);
        ActivityApi.join(zoned, once, CommunityRole.MEMBER);
        ActivityApi.join(zoned, lapsed, CommunityRole.MEMBER);
        // Check-ins at 12:00 UTC, the same day in New York and in UTC: regular on days 0 to 3, once on day 3 only,
        // lapsed on days -20 and -19.
        Instant dayZero = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
        for (int day = 0; day < 4; day++) {
            checkIn(zoned, regular, dayZero.plus(Duration.ofDays(day)));
        }
        checkIn(zoned, once, dayZero.plus(Duration.ofDays(3)));
        checkIn(zoned, lapsed, dayZero.minus(Duration.ofDays(20)));
        checkIn(zoned, lapsed, dayZero.minus(Duration.ofDays(19)));

        scheduler.pause(LotteryScheduler.JOB);
        clock.setTo(dayZero.plus(Duration.ofDays(3)));
        // 03:00 UTC on day 4 is the evening of day 3 in New York.
        Instant drawAt = dayZero.plus(Duration.ofDays(3)).plus(Duration.ofHours(15));
        String lastDay = LotteryApi.createdId(zoned, owner, LotteryApi.checkedIn(5, 1, 1, drawAt));
        String twiceInAWeek = LotteryApi.createdId(zoned, owner, LotteryApi.checkedIn(5, 2, 7, drawAt));
        clock.setTo(drawAt);
        // In UTC the last day would be day 4, when nobody checked in.
        LotteryApi.draw(zoned, owner, lastDay).then().statusCode(200).body("eligibleCount", equalTo(2))
                .body("eligible.userId", containsInAnyOrder(regular, once))
                .body("winnerIds", containsInAnyOrder(regular, once));
        LotteryApi.draw(zoned, owner, twiceInAWeek).then().statusCode(200).body("eligibleCount", equalTo(1))
                .body("eligible.userId", contains(regular)).body("winnerIds", contains(regular));
    }

    @Test
    void theSchedulerDrawsADueLotteryExactlyOnceWhoeverRaces() throws Exception {
        String id = LotteryApi.createdId(community, owner, LotteryApi.allMembers(2, now.plusSeconds(60)));
        clock.setTo(now.plusSeconds(60));
        // The scheduler's own tick races four more runs of it and staff drawing by hand.
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return VertxContextSupport.subscribeAndAwait(lotteryScheduler::drawDue);
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            CompletableFuture<Integer> byHand = CompletableFuture.supplyAsync(
                    () -> LotteryApi.draw(community, owner, id).statusCode(), pool);
            // (How many each run drew says little: other tests' lotteries the moved clock made due count too.)
            for (CompletableFuture<Integer> run : runs) {
                run.get();
            }
            int status = byHand.get();
            assertTrue(status == 200 || status == 409, "drawing by hand answered " + status);
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "DRAWN".equals(
                LotteryApi.get(community, member, id).then().extract().path("status")));
        KafkaEvents.awaitEvent(EventType.LOTTERY_DRAWN, e -> e.data(LotteryDrawn.class).lotteryId().equals(id));
        // However long one waits, there is one draw and one notice per winner.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                LotteryApi.drawnEvents(id).size() == 1
                        && KafkaEvents.events(EventType.NOTICE_ISSUED, e -> LotteryApi.isWinNotice(e, id)).size()
                        == 2);
    }

    @Test
    void theSchedulerDrawsALotteryThatFellDueWhileItWasNotRunning() {
        scheduler.pause(LotteryScheduler.JOB);
        String id = LotteryApi.createdId(community, owner, LotteryApi.allMembers(1, now.plusSeconds(60)));
        clock.setTo(now.plus(Duration.ofHours(5)));
        LotteryApi.get(community, member, id).then().body("status", equalTo("OPEN"));
        scheduler.resume(LotteryScheduler.JOB);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DRAWN".equals(
                LotteryApi.get(community, member, id).then().extract().path("status")));
        LotteryApi.get(community, member, id).then().body("drawnAt", equalTo(now.plus(Duration.ofHours(5))
                .toString())).body("winnerIds", hasSize(1));
    }

    private void checkIn(String communityId, String userId, Instant at) {
        clock.setTo(at);
        as(TestTokens.member(userId)).body("{}").post("/communities/{id}/check-ins", communityId).then()
                .statusCode(201);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
