package io.hearth.activity;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.MemberUnmuted;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Activity learns mutes from membership's events: a muted member sees their streak but cannot check in. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class MutedMemberTest {
    private static final String MUTED = "https://hearth.dev/problems/muted";
    /** "Within a few seconds" of membership's event, as the issue asks. */
    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);

    @Test
    void mutedMemberCannotCheckInButSeesTheirStreakUntilUnmuted() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        String owner = "owner-" + UUID.randomUUID();
        ActivityApi.join(community, member, CommunityRole.MEMBER);
        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);

        KafkaEvents.publish(new MemberMuted(community, member, until, "Spam", owner), Instant.now());
        await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> checkInStatus(community, member) == 403);
        as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(MUTED)).body("detail", containsString(until.toString()));
        as(TestTokens.member(member)).get("/communities/{id}/check-ins/me", community)
                .then().statusCode(200).body("totalDays", equalTo(0));

        KafkaEvents.publish(new MemberUnmuted(community, member, owner), Instant.now());
        await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> checkInStatus(community, member) == 201);
    }

    @Test
    void aMuteThatRunsOutLiftsItselfWithoutAnEvent() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ActivityApi.join(community, member, CommunityRole.MEMBER);
        Instant until = Instant.now().plusSeconds(4);

        KafkaEvents.publish(new MemberMuted(community, member, until, null, "owner-" + UUID.randomUUID()),
                Instant.now());
        await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> checkInStatus(community, member) == 403);
        await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(200))
                .until(() -> checkInStatus(community, member) == 201);
        if (Instant.now().isBefore(until)) {
            throw new AssertionError("allowed to check in before the mute ran out at " + until);
        }
    }

    private static int checkInStatus(String community, String member) {
        return as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", community).statusCode();
    }
}
