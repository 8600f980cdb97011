package io.hearth.e2e;

import static io.hearth.embedded.HearthService.CONTENT;
import static io.hearth.embedded.HearthService.MEMBERSHIP;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.hearth.contracts.events.Topics;
import io.hearth.embedded.HearthStack;
import io.hearth.embedded.ServiceInstance;

/**
 * Scheduled posts with two content instances on the whole local stack: both run the scheduler every second over the
 * same database, and each post scheduled a few seconds ahead appears exactly once, with one hearth.post.created.
 */
@ExtendWith(SharedStack.class)
class ScheduledPostsIT {
    private static final String PASSWORD = "scheduled-e2e";
    private static final Duration EVENTUAL = Duration.ofSeconds(90);
    private static final int POSTS = 8;
    private static final HearthApi API = new HearthApi();

    @Test
    void eachScheduledPostAppearsExactlyOnceWithTwoContentInstances(HearthStack stack) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        stack.keycloak().createUser("sched-owner-" + suffix, PASSWORD, "operator", "member");
        String owner = stack.keycloak().accessToken("sched-owner-" + suffix, PASSWORD);
        String community = expect(201, API.post(stack.serviceUrl(MEMBERSHIP), "/communities", owner,
                Map.of("name", "Dawn Runners", "theme", "Run before work", "kind", "HOBBY"))).text("id");

        long starting = System.nanoTime();
        ServiceInstance second = stack.startMoreInstances(CONTENT).get(0);
        figure("a second content instance started", starting);
        try {
            List<URI> contents = List.of(stack.serviceUrl(CONTENT), second.url());
            await("the owner known to both content instances").atMost(EVENTUAL).until(() -> contents.stream()
                    .allMatch(url -> API.get(url, "/communities/" + community + "/scheduled-posts", owner)
                            .status() == 200));

            // All due at the same moment, scheduled through both instances alternately.
            Instant publishAt = Instant.now().plusSeconds(5);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                ids.add(expect(202, API.post(contents.get(i % 2), "/communities/" + community + "/posts", owner,
                        Map.of("body", "Interval session " + i, "topics", List.of("running"), "publishAt",
                                publishAt.toString()))).text("id"));
            }
            long scheduled = System.nanoTime();
            await("every scheduled post published").atMost(EVENTUAL).pollInterval(Duration.ofMillis(250))
                    .until(() -> postIds(stack, community, owner).containsAll(ids));
            figure(POSTS + " posts scheduled 5 s ahead -> all published", scheduled);

            // Each appears once in the community, and once on the topic (distinct event ids: a relay's re-send of
            // the same event would be one event applied once).
            List<String> listed = postIds(stack, community, owner);
            Map<String, Long> timesListed = new TreeMap<>(ids.stream().collect(Collectors.toMap(id -> id,
                    id -> listed.stream().filter(id::equals).count())));
            Map<String, Long> once = new TreeMap<>(ids.stream().collect(Collectors.toMap(id -> id, id -> 1L)));
            assertEquals(once, timesListed, "posts listed");
            Map<String, Long> events = new TreeMap<>();
            await("every post's event on the topic").atMost(EVENTUAL).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        events.clear();
                        events.putAll(distinctPostCreated(stack, community, ids));
                        return events.values().stream().allMatch(n -> n > 0);
                    });
            assertEquals(once, events, "distinct hearth.post.created events per post");
            assertEquals(0, API.get(contents.get(1), "/communities/" + community + "/scheduled-posts", owner)
                    .json().path("items").size(), "nothing left waiting");
        } finally {
            second.close();
        }
    }

    private static List<String> postIds(HearthStack stack, String community, String token) {
        HearthApi.Reply reply = API.get(stack.serviceUrl(CONTENT), "/communities/" + community + "/posts?limit=100",
                token);
        List<String> ids = new ArrayList<>();
        reply.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static Map<String, Long> distinctPostCreated(HearthStack stack, String community, List<String> ids) {
        List<TopicRecords.Event> events = TopicRecords.read(stack.kafkaBootstrapServers(), Topics.CONTENT);
        Map<String, Long> counts = new TreeMap<>();
        for (String id : ids) {
            counts.put(id, events.stream().filter(e -> "hearth.post.created".equals(e.type()))
                    .filter(e -> community.equals(e.field("communityId")) && id.equals(e.field("postId")))
                    .map(TopicRecords.Event::id).distinct().count());
        }
        return counts;
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
