package io.hearth.e2e;

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
 * The automatic mute across services on the whole local stack, with real Keycloak tokens: the owner sets a blocked
 * word in content; a member who writes it twice is refused (422 moderation) each time, content's hearth.rule.breached
 * asks membership for a mute, membership mutes them, and content then refuses them as muted (403).
 */
@ExtendWith(SharedStack.class)
class AutoMuteIT {
    private static final String PASSWORD = "auto-mute-e2e";
    private static final String MODERATION = "https://hearth.dev/problems/moderation";
    private static final String MUTED = "https://hearth.dev/problems/muted";
    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final HearthApi API = new HearthApi();

    @Test
    void aMemberWhoBreaksTheRulesEnoughTimesIsMutedEverywhere(HearthStack stack) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        stack.keycloak().createUser("am-owner-" + suffix, PASSWORD, "operator", "member");
        String memberId = stack.keycloak().createUser("am-member-" + suffix, PASSWORD, "member");
        String owner = stack.keycloak().accessToken("am-owner-" + suffix, PASSWORD);
        String member = stack.keycloak().accessToken("am-member-" + suffix, PASSWORD);

        String community = expect(201, API.post(url(stack, MEMBERSHIP), "/communities", owner,
                Map.of("name", "Calm Traders", "theme", "Honest deals", "kind", "HOBBY"))).text("id");
        expect(201, API.post(url(stack, MEMBERSHIP), "/communities/" + community + "/members", member, Map.of()));
        await("the owner known to content").atMost(EVENTUAL).until(() -> API.put(url(stack, CONTENT),
                "/communities/" + community + "/moderation", owner, Map.of("blockedWords", List.of("casino", "赌场"),
                        "breachesBeforeMute", 2, "muteMinutes", 30)).status() == 200);
        await("the member known to content").atMost(EVENTUAL).until(() -> post(stack, community, member,
                "Hello all").status() == 201);

        long breached = System.nanoTime();
        for (String body : List.of("Casino tonight?", "来赌场玩")) {
            HearthApi.Reply refused = post(stack, community, member, body);
            assertEquals(422, refused.status(), refused.toString());
            assertEquals(MODERATION, refused.text("type"), refused.toString());
            assertEquals("blocked-word", refused.text("rule"), refused.toString());
        }
        HearthApi.Reply muted = await("content refuses the member as muted").atMost(EVENTUAL)
                .pollInterval(Duration.ofMillis(100)).until(() -> post(stack, community, member, "Am I muted?"),
                        reply -> reply.status() == 403);
        System.out.printf("[e2e figure] second breach -> content refuses as muted: %d ms%n",
                Duration.ofNanos(System.nanoTime() - breached).toMillis());
        assertEquals(MUTED, muted.text("type"), muted.toString());
        // Membership holds the mute, by hearth: the owner can lift it.
        expect(204, API.delete(url(stack, MEMBERSHIP), "/communities/" + community + "/members/" + memberId
                + "/mute", owner));
        assertTrue(await("content accepts the member again").atMost(EVENTUAL).pollInterval(Duration.ofMillis(100))
                .until(() -> post(stack, community, member, "Sorry, back to honest deals"),
                        reply -> reply.status() == 201).status() == 201);
    }

    private static HearthApi.Reply post(HearthStack stack, String community, String token, String body) {
        return API.post(url(stack, CONTENT), "/communities/" + community + "/posts", token, Map.of("body", body));
    }

    private static java.net.URI url(HearthStack stack, HearthService service) {
        return stack.serviceUrl(service);
    }

    private static HearthApi.Reply expect(int status, HearthApi.Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        return reply;
    }
}
