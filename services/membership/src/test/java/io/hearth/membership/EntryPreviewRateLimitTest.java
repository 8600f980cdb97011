package io.hearth.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.EventType;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Previews need no token, so they are limited per source address; with a small budget (3 per minute) the test sees
 * it spent, on entries and live codes alike, and refusals record no opening.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
@TestProfile(EntryPreviewRateLimitTest.SmallBudget.class)
class EntryPreviewRateLimitTest {
    static final int BUDGET = 3;

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hearth.limits.entry-preview.requests", String.valueOf(BUDGET),
                    "hearth.limits.entry-preview.per", "1m");
        }
    }

    @Test
    void previewsOverTheAddresssBudgetAre429WithRetryAfterAndRecordNoOpening() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String code = MembershipApi.createEntry(community, TestTokens.operator(owner), Map.of("channel", "INVITE_LINK"));
        String liveCode = MembershipApi.createLiveCode(owner, false, community);

        // The budget may be partly spent by an earlier test of this profile: preview until the first refusal.
        int previewed = 0;
        Response refused = null;
        while (refused == null && previewed <= BUDGET) {
            Response attempt = given().get("/entries/{code}", code);
            if (attempt.statusCode() == 200) {
                previewed++;
            } else {
                refused = attempt;
            }
        }
        assertTrue(refused != null, previewed + " previews before a refusal");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/rate-limited"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "Retry-After " + retryAfter);
        // Live codes draw on the same budget, and a token does not widen it.
        given().auth().oauth2(TestTokens.member("m-" + UUID.randomUUID())).get("/live-codes/{code}", liveCode)
                .then().statusCode(429);

        assertEquals(previewed, MembershipApi.eventsOnceALaterEventIsOut(community, owner).stream()
                .filter(e -> e.is(EventType.ENTRY_OPENED)).count());
    }
}
