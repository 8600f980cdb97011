package io.hearth.activity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.MediaTypeChecks;
import io.hearth.testing.MediaTypeChecks.Route;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every route answers JSON or a 406 problem, never a Java toString under whatever type the client asked for. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class MediaTypeTest {
    private static final String COMMUNITY = UUID.randomUUID().toString();

    private static final Map<String, Supplier<Route>> ROUTES = Map.of(
            // A new member each time, so that the check-in is the day's first (201).
            "checkIn", () -> new Route("POST", "/communities/" + COMMUNITY + "/check-ins", null,
                    TestTokens.member(newMember()), 201),
            "getMyStreak", () -> new Route("GET", "/communities/" + COMMUNITY + "/check-ins/me", null,
                    TestTokens.member(newMember()), 200),
            "createLottery", () -> new Route("POST", "/communities/" + COMMUNITY + "/lotteries",
                    LotteryApi.allMembers(1, Instant.now().plusSeconds(3600)), TestTokens.member(newStaff()), 201),
            "listLotteries", () -> new Route("GET", "/communities/" + COMMUNITY + "/lotteries", null,
                    TestTokens.member(newMember()), 200),
            "getLottery", () -> new Route("GET", "/communities/" + COMMUNITY + "/lotteries/" + LotteryApi.createdId(
                    COMMUNITY, newStaff(), LotteryApi.allMembers(1, Instant.now().plusSeconds(3600))), null,
                    TestTokens.member(newMember()), 200),
            // Re-driving for real would disturb the dead letters other tests look at: only the refusal is checked.
            "redriveDeadLetters", () -> new Route("POST", "/admin/dead-letters/redrive", null,
                    TestTokens.token("admin-" + UUID.randomUUID(), "platform-admin"), 200));

    static Stream<String> routes() {
        return ROUTES.keySet().stream().sorted();
    }

    static Stream<String> answeringRoutes() {
        return routes().filter(r -> !r.equals("redriveDeadLetters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void clientAcceptingOnlyHtmlOrXmlGets406ProblemAndNothingIsWritten(String route) {
        MediaTypeChecks.assertRefusedWithoutWriting(ROUTES.get(route).get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answeringRoutes")
    void clientAcceptingJsonAndProblemsGetsJson(String route) {
        MediaTypeChecks.assertAnswers(ROUTES.get(route).get(), "application/json, application/problem+json");
    }

    private static String newStaff() {
        String admin = "admin-" + UUID.randomUUID();
        ActivityApi.join(COMMUNITY, admin, CommunityRole.ADMIN);
        return admin;
    }

    private static String newMember() {
        String member = "member-" + UUID.randomUUID();
        ActivityApi.join(COMMUNITY, member, CommunityRole.MEMBER);
        return member;
    }
}
