package io.hearth.activity;

import static io.hearth.testing.AccessMatrix.Caller.ADMIN;
import static io.hearth.testing.AccessMatrix.Caller.MEMBER;
import static io.hearth.testing.AccessMatrix.Caller.OPERATOR;
import static io.hearth.testing.AccessMatrix.Caller.OUTSIDER;
import static io.hearth.testing.AccessMatrix.Caller.OWNER;
import static io.hearth.testing.AccessMatrix.Caller.PARTNER;
import static io.hearth.testing.AccessMatrix.Caller.PLATFORM_ADMIN;
import static io.hearth.testing.AccessMatrix.all;
import static io.hearth.testing.AccessMatrix.merge;
import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.hearth.activity.service.LotteryScheduler;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.PartnerAccessGranted;
import io.hearth.contracts.events.PartnerScope;
import io.hearth.testing.AccessMatrix;
import io.hearth.testing.AccessMatrix.Call;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every activity route tried by every kind of caller: each gets exactly the status the route documents. Community A
 * is the one the routes name; the outsider owns community B, where the partner holds every scope (none opens
 * check-ins: they are a person's own).
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class AuthorizationMatrixTest {
    private static final String CHECK_INS = "/communities/{communityId}/check-ins";
    private static final String MINE = CHECK_INS + "/me";
    private static final String REDRIVE = "/admin/dead-letters/redrive";
    private static final String LOTTERIES = "/communities/{communityId}/lotteries";
    private static final String LOTTERY = LOTTERIES + "/{lotteryId}";

    private final String communityA = UUID.randomUUID().toString();
    private final String communityB = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();
    private final String admin = "admin-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();
    private final String outsider = "outsider-" + UUID.randomUUID();
    private final String operator = "operator-" + UUID.randomUUID();
    private final String platformAdmin = "platform-admin-" + UUID.randomUUID();
    private final String partner = "crm-" + UUID.randomUUID();

    @Inject
    MovableClock clock;
    @Inject
    Scheduler scheduler;

    @Inject
    LotteryScheduler lotteryScheduler;

    @AfterEach
    void drawTheLotteriesLeft() {
        LotteryApi.drawEverythingLeft(clock, lotteryScheduler);
        scheduler.resume(LotteryScheduler.JOB);
    }

    @BeforeEach
    void arrangeCommunities() {
        KafkaEvents.publish(new PartnerAccessGranted(communityB, partner, List.of(PartnerScope.values()), outsider),
                Instant.now());
        ActivityApi.join(communityB, outsider, CommunityRole.OWNER);
        ActivityApi.join(communityA, owner, CommunityRole.OWNER);
        ActivityApi.join(communityA, admin, CommunityRole.ADMIN);
        ActivityApi.join(communityA, member, CommunityRole.MEMBER);
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsWhatEachRouteDocuments() {
        AccessMatrix matrix = new AccessMatrix(caller -> switch (caller) {
            case ANONYMOUS -> null;
            case OTHER_ISSUER -> TestTokens.fromIssuer("https://other.example/realms/hearth", member, "member");
            case EXPIRED -> TestTokens.expired(member, "member");
            case WRONG_AUDIENCE -> TestTokens.withoutAudience(member, "member");
            case OUTSIDER -> TestTokens.member(outsider);
            case MEMBER -> TestTokens.member(member);
            case ADMIN -> TestTokens.member(admin);
            case OWNER -> TestTokens.member(owner);
            case OPERATOR -> TestTokens.operator(operator);
            case PARTNER -> TestTokens.partner(partner);
            case PLATFORM_ADMIN -> TestTokens.token(platformAdmin, "platform-admin", "member");
        });
        List<Map<AccessMatrix.Caller, Integer>> refused = List.of(all(403, OUTSIDER, OPERATOR, PARTNER,
                PLATFORM_ADMIN));
        return matrix
                // Each member's first check-in of the day: recorded.
                .route("POST", CHECK_INS, caller -> new Call(checkIns(communityA), Map.of()),
                        merge(List.of(all(201, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("GET", MINE, caller -> new Call(checkIns(communityA) + "/me", null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("POST", LOTTERIES, caller -> new Call(lotteries(communityA),
                        LotteryApi.allMembers(1, Instant.now().plusSeconds(3600))),
                        merge(List.of(all(201, ADMIN, OWNER), all(403, MEMBER), refused.get(0))))
                .route("GET", LOTTERIES, caller -> new Call(lotteries(communityA), null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("GET", LOTTERY, caller -> new Call(lotteries(communityA) + "/" + lottery(false), null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                // Each caller tries a lottery of their own that is due (the scheduler waits meanwhile).
                .route("POST", LOTTERY + "/draw", caller -> new Call(lotteries(communityA) + "/" + lottery(true)
                        + "/draw", null), merge(List.of(all(200, ADMIN, OWNER), all(403, MEMBER), refused.get(0))))
                .route("POST", REDRIVE, caller -> new Call(REDRIVE, null), merge(List.of(all(200, PLATFORM_ADMIN),
                        all(403, OUTSIDER, MEMBER, ADMIN, OWNER, OPERATOR, PARTNER))))
                .tests();
    }

    @Test
    void bodyCannotCheckInSomeoneElseOrElsewhere() {
        as(TestTokens.member(member)).body(Map.of("userId", owner, "communityId", communityB, "day", "2020-01-01",
                "streak", 99)).post("/communities/{id}/check-ins", communityA)
                .then().statusCode(201).body("userId", equalTo(member)).body("communityId", equalTo(communityA))
                .body("streak", equalTo(1));
        as(TestTokens.member(owner)).get("/communities/{id}/check-ins/me", communityA)
                .then().statusCode(200).body("totalDays", equalTo(0));
    }

    /** A new lottery of community A; a due one (drawAt a minute ago, created when that was ahead) if {@code due}. */
    private String lottery(boolean due) {
        Instant now = Instant.now();
        if (due) {
            scheduler.pause(LotteryScheduler.JOB);
            clock.setTo(now.minusSeconds(120));
        }
        try {
            return LotteryApi.createdId(communityA, owner, LotteryApi.allMembers(1, now.plusSeconds(due ? -60 : 3600)));
        } finally {
            clock.reset();
        }
    }

    private static String lotteries(String community) {
        return "/communities/" + community + "/lotteries";
    }

    private static String checkIns(String community) {
        return "/communities/" + community + "/check-ins";
    }
}
