package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.hearth.embedded.PostgresServer;
import io.hearth.platform.config.HearthConfig;
import io.hearth.platform.limits.RateLimiter;
import io.hearth.platform.rest.ProblemException;
import io.hearth.platform.rest.ProblemType;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.core.Vertx;

/**
 * Join attempts per caller, with a small budget (3 per 15 s: a token back every 5 s) so that the test sees it spent
 * and refilled.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
@TestProfile(JoinRateLimitTest.SmallBudget.class)
class JoinRateLimitTest {
    static final int BUDGET = 3;

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hearth.limits.join.requests", String.valueOf(BUDGET), "hearth.limits.join.per", "15s");
        }
    }

    @Inject
    HearthConfig config;

    @Test
    void joinAttemptsOverTheBudgetAre429WithRetryAfterAndChangeNothingUntilTheBucketRefills() {
        String owner = "owner-" + UUID.randomUUID();
        String person = "eager-" + UUID.randomUUID();
        List<String> communities = new ArrayList<>();
        for (int i = 0; i < BUDGET + 3; i++) {
            communities.add(MembershipApi.createCommunity(owner, null));
        }
        // The budget may have earned a token back meanwhile on a slow machine: join until the first refusal.
        int joined = 0;
        Response refused = null;
        for (String community : communities) {
            Response attempt = as(TestTokens.member(person)).body("{}").post("/communities/{id}/members", community);
            if (attempt.statusCode() != 201) {
                refused = attempt;
                break;
            }
            joined++;
        }
        assertTrue(joined >= BUDGET && refused != null, joined + " joins before a refusal");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/rate-limited"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After " + retryAfter);
        String last = communities.get(joined);
        as(TestTokens.operator(owner)).get("/communities/{id}/members", last)
                .then().statusCode(200).body("items.userId", equalTo(List.of(owner)));

        // Someone else has their own budget.
        MembershipApi.join(last, "other-" + UUID.randomUUID());

        // A token comes back every 5 s: the refused join goes through once the bucket refills.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() ->
                as(TestTokens.member(person)).body("{}").post("/communities/{id}/members", last).statusCode() == 201);
    }

    @Test
    void anotherInstanceOnTheSameDatabaseDrawsOnTheSameBudget() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String person = "shared-" + UUID.randomUUID();

        // What a second membership instance runs: its own limiter and connections, the same database.
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(HearthTestResource.jdbcUrl());
        database.setUser(PostgresServer.USER);
        database.setPassword(PostgresServer.PASSWORD);
        Vertx vertx = Vertx.vertx();
        try {
            RateLimiter otherInstance = new RateLimiter(database, vertx);
            for (int i = 0; i < BUDGET; i++) {
                otherInstance.acquire("join", config.limits().join(), person).await().atMost(Duration.ofSeconds(10));
            }

            // This instance finds the budget the other one spent.
            as(TestTokens.member(person)).body("{}").post("/communities/{id}/members", community)
                    .then().statusCode(429).header("Retry-After", notNullValue());
            ProblemException refused = assertThrows(ProblemException.class, () -> otherInstance
                    .acquire("join", config.limits().join(), person).await().atMost(Duration.ofSeconds(10)));
            assertEquals(ProblemType.RATE_LIMITED, refused.type());
        } finally {
            vertx.closeAndAwait();
        }
    }
}
