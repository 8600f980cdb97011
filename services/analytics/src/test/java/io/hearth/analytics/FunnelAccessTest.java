package io.hearth.analytics;

import static io.hearth.analytics.AnalyticsApi.LIFECYCLE;
import static io.hearth.testing.Requests.as;
import static io.hearth.analytics.AnalyticsApi.communityOwnedBy;
import static io.hearth.analytics.AnalyticsApi.joined;
import static io.hearth.analytics.AnalyticsApi.lifecycle;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.MemberRoleChanged;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class FunnelAccessTest {

    @Test
    void plainMemberGets403AndAdminMayRead() {
        String community = communityOwnedBy("owner-" + UUID.randomUUID());
        String member = "member-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        joined(community, member, Instant.now());
        joined(community, admin, CommunityRole.ADMIN, Instant.now());
        // The admin's join follows the member's on the topic: once the admin may read, the member's role is known.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> lifecycle(community, admin, Map.of())
                .then().statusCode(200));

        as(TestTokens.member(member)).get(LIFECYCLE, community)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("owner or an admin"));
        // Holding the realm role operator changes nothing: the role in this community decides.
        lifecycle(community, member, Map.of()).then().statusCode(403);
    }

    @Test
    void memberPromotedToAdminMayReadAndDemotedMayNot() {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);
        String member = "member-" + UUID.randomUUID();
        joined(community, member, Instant.now());
        KafkaEvents.publish(new MemberRoleChanged(community, member, CommunityRole.ADMIN, CommunityRole.MEMBER, owner),
                Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> lifecycle(community, member, Map.of())
                .then().statusCode(200));

        KafkaEvents.publish(new MemberRoleChanged(community, member, CommunityRole.MEMBER, CommunityRole.ADMIN, owner),
                Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> lifecycle(community, member, Map.of())
                .then().statusCode(403));
    }

    @Test
    void operatorOfAnotherCommunityGets403() {
        String community = communityOwnedBy("owner-" + UUID.randomUUID());
        String otherOwner = "owner-" + UUID.randomUUID();
        communityOwnedBy(otherOwner);
        lifecycle(community, otherOwner, Map.of())
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void unauthenticatedCallerGets401Problem() {
        given().get(LIFECYCLE, UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json").body("type", equalTo("https://hearth.dev/problems/unauthenticated"));
    }

    @Test
    void badPeriodOrWindowIs400WithViolations() {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);

        lifecycle(community, owner, Map.of("from", "2026-11-10", "to", "2026-11-01"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(java.util.List.of("to")));
        for (String window : new String[] { "0", "366", "two weeks", "1.5" }) {
            lifecycle(community, owner, Map.of("windowDays", window))
                    .then().statusCode(400).body("violations.field", equalTo(java.util.List.of("windowDays")));
        }
        lifecycle(community, owner, Map.of("from", "yesterday", "to", "2026-13-01", "windowDays", "-3"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("from", "to", "windowDays"))
                .body("detail", containsString("ISO date"));
        // The bounds themselves are allowed.
        lifecycle(community, owner, Map.of("windowDays", "1")).then().statusCode(200).body("windowDays", equalTo(1));
        lifecycle(community, owner, Map.of("windowDays", "365", "from", "2026-11-01", "to", "2026-11-01"))
                .then().statusCode(200).body("windowDays", equalTo(365))
                .body("steps.key", hasItem("paid"));
    }
}
