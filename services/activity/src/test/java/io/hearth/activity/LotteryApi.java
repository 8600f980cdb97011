package io.hearth.activity;

import static io.hearth.testing.Requests.as;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.hearth.activity.service.LotteryScheduler;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.LotteryDrawn;
import io.hearth.contracts.events.NoticeIssued;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;

/** The lottery routes as a frontend calls them, and the events a lottery publishes. */
final class LotteryApi {
    private LotteryApi() {
    }

    static Map<String, Object> allMembers(int winners, Instant drawAt) {
        return Map.of("prize", "A signed running guide", "winners", winners,
                "eligibility", Map.of("kind", "ALL_MEMBERS"), "drawAt", drawAt.toString());
    }

    static Map<String, Object> checkedIn(int winners, int minCheckIns, int withinDays, Instant drawAt) {
        return Map.of("prize", "A signed running guide", "winners", winners, "eligibility",
                Map.of("kind", "CHECKED_IN", "minCheckIns", minCheckIns, "withinDays", withinDays),
                "drawAt", drawAt.toString());
    }

    static Response create(String community, String userId, Object body) {
        return as(TestTokens.member(userId)).body(body).post("/communities/{id}/lotteries", community);
    }

    /** Creates a lottery as {@code staff} and returns its id. */
    static String createdId(String community, String staff, Object body) {
        return create(community, staff, body).then().statusCode(201).extract().path("id");
    }

    static Response get(String community, String userId, String lotteryId) {
        return as(TestTokens.member(userId)).get("/communities/{id}/lotteries/{lotteryId}", community, lotteryId);
    }

    static Response draw(String community, String userId, String lotteryId) {
        return as(TestTokens.member(userId)).post("/communities/{id}/lotteries/{lotteryId}/draw", community,
                lotteryId);
    }

    static List<LotteryDrawn> drawnEvents(String lotteryId) {
        return KafkaEvents.events(EventType.LOTTERY_DRAWN,
                e -> e.data(LotteryDrawn.class).lotteryId().equals(lotteryId)).stream()
                .map(e -> e.data(LotteryDrawn.class)).toList();
    }

    /**
     * Draws every lottery still open, as if a year and more had passed, so that none falls due later, in another
     * test class, and publishes while that test counts what is written.
     */
    static void drawEverythingLeft(MovableClock clock, LotteryScheduler scheduler) {
        clock.setTo(Instant.now().plus(Duration.ofDays(400)));
        try {
            VertxContextSupport.subscribeAndAwait(scheduler::drawDue);
        } catch (Throwable e) {
            throw new IllegalStateException("Drawing the open lotteries failed", e);
        } finally {
            clock.reset();
        }
    }

    static boolean isWinNotice(PublishedEvent event, String lotteryId) {
        NoticeIssued notice = event.data(NoticeIssued.class);
        return notice.kind().equals("lottery-won") && lotteryId.equals(notice.ref());
    }
}
