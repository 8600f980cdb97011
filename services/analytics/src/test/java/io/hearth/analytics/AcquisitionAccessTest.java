package io.hearth.analytics;

import static io.hearth.analytics.AnalyticsApi.ACQUISITION;
import static io.hearth.analytics.AnalyticsApi.REFERRERS;
import static io.hearth.analytics.AnalyticsApi.acquisition;
import static io.hearth.analytics.AnalyticsApi.communityOwnedBy;
import static io.hearth.analytics.AnalyticsApi.joined;
import static io.hearth.analytics.AnalyticsApi.referrers;
import static io.hearth.testing.Requests.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class AcquisitionAccessTest {

    @Test
    void plainMemberGets403OnBothRoutesAndAdminMayReadThem() {
        String community = communityOwnedBy("owner-" + UUID.randomUUID());
        String member = "member-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        joined(community, member, Instant.now());
        joined(community, admin, CommunityRole.ADMIN, Instant.now());
        // The admin's join follows the member's on the topic: once the admin may read, the member's role is known.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> acquisition(community, admin, Map.of())
                .then().statusCode(200));
        referrers(community, admin, Map.of()).then().statusCode(200).body("referrers", equalTo(List.of()));

        for (String route : new String[] { ACQUISITION, REFERRERS }) {
            as(TestTokens.member(member)).get(route, community)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://hearth.dev/problems/forbidden"))
                    .body("detail", containsString("owner or an admin"));
        }
    }

    @Test
    void anonymousCallerGets401ProblemOnBothRoutes() {
        for (String route : new String[] { ACQUISITION, REFERRERS }) {
            given().get(route, UUID.randomUUID())
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("https://hearth.dev/problems/unauthenticated"));
        }
    }

    @Test
    void badPeriodWindowOrBreakdownIs400WithEveryViolation() {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);

        acquisition(community, owner, Map.of("breakdown", "campaign"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/validation"))
                .body("violations.field", equalTo(List.of("breakdown")))
                .body("detail", containsString("source, channel, referrer"));
        acquisition(community, owner, Map.of("from", "2026-11-10", "to", "2026-11-01", "windowDays", "0",
                "breakdown", "Source"))
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("breakdown", "windowDays", "to"));
        acquisition(community, owner, Map.of("windowDays", "366")).then().statusCode(400)
                .body("violations.field", equalTo(List.of("windowDays")));
        acquisition(community, owner, Map.of("windowDays", "365", "breakdown", "channel")).then().statusCode(200)
                .body("windowDays", equalTo(365)).body("breakdown", equalTo("channel"))
                .body("funnels", equalTo(List.of()));

        referrers(community, owner, Map.of("from", "yesterday", "to", "2026-13-01"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("from", "to"));
        referrers(community, owner, Map.of("from", "2026-11-10", "to", "2026-11-01"))
                .then().statusCode(400).body("violations.field", equalTo(List.of("to")));
    }
}
