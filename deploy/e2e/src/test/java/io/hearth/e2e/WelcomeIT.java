package io.hearth.e2e;

import static io.hearth.embedded.HearthService.CONTENT;
import static io.hearth.embedded.HearthService.MEMBERSHIP;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hearth.embedded.HearthStack;
import io.hearth.embedded.ServiceInstance;

/**
 * Welcomes on the whole local stack with real Keycloak tokens and two content instances (two consumers in the
 * welcome group, two schedulers claiming due bursts): people who join through membership's API within the merge
 * window get exactly one welcome post, by hearth, naming them all by their token's name, in the order they joined.
 */
@ExtendWith(SharedStack.class)
class WelcomeIT {
    private static final String PASSWORD = "welcome-e2e";
    private static final int NEWCOMERS = 4;
    /** Long enough for the joins below (sequential requests) to fall in one window on a loaded machine. */
    private static final int MERGE_SECONDS = 8;
    /** A join reaching content's replica and welcome consumer, on a stack that may have just started. */
    private static final Duration EVENTUAL = Duration.ofSeconds(90);
    private static final HearthApi API = new HearthApi();

    @Test
    void aBurstOfJoinsGetsExactlyOneWelcomeNamingThemAllWithTwoContentInstances(HearthStack stack) {
        long starting = System.nanoTime();
        ServiceInstance secondContent = stack.startMoreInstances(CONTENT).get(0);
        figure("a second content instance started", starting);
        try {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            stack.keycloak().createUser("wel-owner-" + suffix, PASSWORD, "operator", "member");
            String owner = stack.keycloak().accessToken("wel-owner-" + suffix, PASSWORD);
            String community = expect(201, API.post(url(stack), "/communities", owner, Map.of("name", "Dawn Runners "
                    + suffix, "theme", "Run before work", "kind", "HOBBY", "rules", "Be kind."))).text("id");

            // Either instance serves the welcome once content's replica knows the owner as staff.
            Map<String, Object> welcome = Map.of("template", "Welcome {names} to {community}! {rules}",
                    "mergeSeconds", MERGE_SECONDS);
            await("content knows the owner").atMost(EVENTUAL).pollInterval(Duration.ofMillis(250))
                    .until(() -> API.put(contentUrl(stack), "/communities/" + community + "/welcome", owner, welcome)
                            .status() == 200);
            expect(200, API.get(secondContent.url(), "/communities/" + community + "/welcome", owner));

            List<String> names = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 1; i <= NEWCOMERS; i++) {
                String username = "wel-" + i + "-" + suffix;
                stack.keycloak().createUser(username, PASSWORD, "member");
                String token = stack.keycloak().accessToken(username, PASSWORD);
                tokens.add(token);
                names.add(displayName(token));
            }
            long joining = System.nanoTime();
            for (String token : tokens) {
                expect(201, API.post(url(stack), "/communities/" + community + "/members", token, Map.of()));
            }
            figure(NEWCOMERS + " joins through membership", joining);

            List<JsonNode> welcomes = await("the welcome is posted").atMost(EVENTUAL.plusSeconds(MERGE_SECONDS))
                    .pollInterval(Duration.ofMillis(500)).until(() -> welcomePosts(contentUrl(stack), community, owner),
                            posts -> !posts.isEmpty());
            figure("first join -> welcome posted (window " + MERGE_SECONDS + " s)", joining);
            // Both schedulers tick every second: a second post would show within a few ticks. It must not.
            await("no second welcome").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30))
                    .until(() -> welcomePosts(secondContent.url(), community, owner).size() == 1);
            assertEquals(1, welcomes.size(), welcomes::toString);
            String expected = "Welcome " + String.join(", ", names.subList(0, NEWCOMERS - 1)) + " and "
                    + names.get(NEWCOMERS - 1) + " to Dawn Runners " + suffix + "! Be kind.";
            assertEquals(expected, welcomes.get(0).path("body").asText());
        } finally {
            secondContent.close();
        }
    }

    /** How membership names the person in the join event: the token's name, else preferred_username. */
    private static String displayName(String token) {
        try {
            JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            String name = claims.path("name").asText("");
            return name.isBlank() ? claims.path("preferred_username").asText() : name.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The community's posts by hearth, as a member of it reads them. */
    private static List<JsonNode> welcomePosts(URI content, String community, String token) {
        HearthApi.Reply posts = expect(200, API.get(content, "/communities/" + community + "/posts?limit=100", token));
        List<JsonNode> welcomes = new ArrayList<>();
        posts.json().path("items").forEach(post -> {
            if ("hearth".equals(post.path("authorId").asText())) {
                welcomes.add(post);
            }
        });
        return welcomes;
    }

    private static URI url(HearthStack stack) {
        return stack.serviceUrl(MEMBERSHIP);
    }

    private static URI contentUrl(HearthStack stack) {
        return stack.serviceUrl(CONTENT);
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
