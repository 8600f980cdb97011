package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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

/** Content learns mutes from membership's events: a muted member reads but cannot post until unmuted or the end. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class MutedMemberTest {
    private static final String MUTED = "https://hearth.dev/problems/muted";
    /** "Within a few seconds" of membership's event, as the issue asks. */
    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);

    @Test
    void mutedMemberCannotPostButStillReadsUntilUnmuted() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        String owner = "owner-" + UUID.randomUUID();
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String earlier = ContentApi.post(community, member, "Before the mute", List.of());
        Instant until = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);

        KafkaEvents.publish(new MemberMuted(community, member, until, "Flooding", owner), Instant.now());
        await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> postStatus(community, member) == 403);
        as(TestTokens.member(member)).body(Map.of("body", "Am I muted?")).post("/communities/{id}/posts", community)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(MUTED)).body("detail", containsString(until.toString()));
        as(TestTokens.member(member)).get("/communities/{id}/posts", community).then().statusCode(200);
        as(TestTokens.member(member)).get("/communities/{c}/posts/{p}", community, earlier).then().statusCode(200);
        // Only the muted member: others in the community still post.
        ContentApi.post(community, owner, "Let us keep it on topic", List.of());

        KafkaEvents.publish(new MemberUnmuted(community, member, owner), Instant.now());
        await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> postStatus(community, member) == 201);
    }

    @Test
    void aMuteThatRunsOutLiftsItselfWithoutAnEvent() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        Instant until = Instant.now().plusSeconds(4);

        KafkaEvents.publish(new MemberMuted(community, member, until, null, "owner-" + UUID.randomUUID()),
                Instant.now());
        await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> postStatus(community, member) == 403);
        await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> postStatus(community, member) == 201);
        if (Instant.now().isBefore(until)) {
            throw new AssertionError("allowed to post before the mute ran out at " + until);
        }
    }

    @Test
    void aLeaveEndsTheMuteAndAReplayedMuteChangesNothing() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        String owner = "owner-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String muteId = UUID.randomUUID().toString();
        MemberMuted mute = new MemberMuted(community, member, Instant.now().plus(Duration.ofDays(1)), null, owner);
        KafkaEvents.publish(mute, Instant.now(), muteId);
        await().atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> postStatus(community, member) == 403);

        ContentApi.left(community, member);
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        ContentApi.post(community, member, "Back, and not muted", List.of());

        // The same mute delivered again (a replay) was applied already: it does not mute the new stay.
        KafkaEvents.publish(mute, Instant.now(), muteId);
        String witness = "w-" + UUID.randomUUID();
        ContentApi.joined(community, witness, CommunityRole.MEMBER);
        ContentApi.post(community, member, "Still not muted", List.of());
    }

    private static int postStatus(String community, String member) {
        return as(TestTokens.member(member)).body(Map.of("body", "Checking in on the mute"))
                .post("/communities/{id}/posts", community).statusCode();
    }
}
