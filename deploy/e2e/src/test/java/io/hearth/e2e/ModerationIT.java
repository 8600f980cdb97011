package io.hearth.e2e;

import static io.hearth.embedded.HearthService.ACTIVITY;
import static io.hearth.embedded.HearthService.CONTENT;
import static io.hearth.embedded.HearthService.MEMBERSHIP;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.hearth.embedded.HearthService;
import io.hearth.embedded.HearthStack;

/**
 * Moderation across services on the whole local stack, with real Keycloak tokens: the owner mutes a member through
 * membership's REST route, and content and activity refuse that member's post and check-in (403 muted) within a few
 * seconds, having learned it from membership's events only; unmuting lifts it the same way.
 */
@ExtendWith(SharedStack.class)
class ModerationIT {
    private static final String PASSWORD = "moderation-e2e";
    private static final String MUTED = "https://hearth.dev/problems/muted";
    /** The "within a few seconds". */
    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);
    /** A newly joined member reaching the other services' replicas, on a stack that may have just started. */
    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final HearthApi API = new HearthApi();

    @Test
    void mutingInMembershipMakesContentAndActivityRefuseTheMemberUntilUnmuted(HearthStack stack) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        stack.keycloak().createUser("mod-owner-" + suffix, PASSWORD, "operator", "member");
        String memberId = stack.keycloak().createUser("mod-member-" + suffix, PASSWORD, "member");
        String owner = stack.keycloak().accessToken("mod-owner-" + suffix, PASSWORD);
        String member = stack.keycloak().accessToken("mod-member-" + suffix, PASSWORD);

        String community = expect(201, API.post(url(stack, MEMBERSHIP), "/communities", owner,
                Map.of("name", "Quiet Readers", "theme", "One chapter a day", "kind", "HOBBY"))).text("id");
        expect(201, API.post(url(stack, MEMBERSHIP), "/communities/" + community + "/members", member, Map.of()));
        await("the member known to content").atMost(EVENTUAL).until(() -> post(stack, community, member).status()
                == 201);
        await("the member known to activity").atMost(EVENTUAL).until(() -> checkIn(stack, community, member)
                .accepted());

        long muted = System.nanoTime();
        HearthApi.Reply mute = expect(200, API.put(url(stack, MEMBERSHIP), "/communities/" + community + "/members/"
                + memberId + "/mute", owner, Map.of("minutes", 30, "reason", "Spoilers")));
        String until = mute.text("until");
        HearthApi.Reply refusedPost = await("content refuses the muted member").atMost(FEW_SECONDS)
                .pollInterval(Duration.ofMillis(50)).until(() -> post(stack, community, member),
                        reply -> reply.status() == 403);
        figure("mute -> content refuses the post", muted);
        HearthApi.Reply refusedCheckIn = await("activity refuses the muted member").atMost(FEW_SECONDS)
                .pollInterval(Duration.ofMillis(50)).until(() -> checkIn(stack, community, member),
                        reply -> reply.status() == 403);
        figure("mute -> activity refuses the check-in", muted);
        for (HearthApi.Reply refused : List.of(refusedPost, refusedCheckIn)) {
            assertTrue(refused.isProblem(), refused.toString());
            assertEquals(MUTED, refused.text("type"), refused.toString());
            assertTrue(refused.text("detail").contains(until), "the detail says until when: " + refused);
        }
        // Muted, not removed: the member still reads.
        assertEquals(200, API.get(url(stack, CONTENT), "/communities/" + community + "/posts", member).status());
        assertEquals(200, API.get(url(stack, ACTIVITY), "/communities/" + community + "/check-ins/me", member)
                .status());

        long unmuted = System.nanoTime();
        expect(204, API.delete(url(stack, MEMBERSHIP), "/communities/" + community + "/members/" + memberId
                + "/mute", owner));
        await("content accepts the member again").atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> post(stack, community, member).status() == 201);
        figure("unmute -> content accepts posts", unmuted);
        await("activity accepts the member again").atMost(FEW_SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> checkIn(stack, community, member).accepted());
        figure("unmute -> activity accepts check-ins", unmuted);
    }

    private static HearthApi.Reply post(HearthStack stack, String community, String token) {
        return API.post(url(stack, CONTENT), "/communities/" + community + "/posts", token,
                Map.of("body", "Chapter 3 was a turn", "topics", List.of("reading")));
    }

    /** 201 the first time today, 200 after that: both are an accepted check-in. */
    private static HearthApi.Reply checkIn(HearthStack stack, String community, String token) {
        return API.post(url(stack, ACTIVITY), "/communities/" + community + "/check-ins", token, Map.of());
    }

    private static java.net.URI url(HearthStack stack, HearthService service) {
        return stack.serviceUrl(service);
    }

    private static HearthApi.Reply expect(int status, HearthApi.Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        return reply;
    }

    /** Figures for the reader of the build log; measured, never asserted. */
    private static void figure(String what, long sinceNanos) {
        System.out.printf("[e2e figure] %s: %d ms%n", what, Duration.ofNanos(System.nanoTime() - sinceNanos)
                .toMillis());
    }
}
