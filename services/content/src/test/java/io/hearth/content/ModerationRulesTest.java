package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.RuleBreached;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Moderation rules: staff set them, members' posts that break them are refused with 422 moderation naming the rule
 * and nothing is written, the breach is recorded and published, and enough breaches ask membership for a mute.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class ModerationRulesTest {
    private static final String RULES = "/communities/{id}/moderation";
    private static final String BREACHES = "/communities/{id}/moderation/breaches";
    private static final String POSTS = "/communities/{id}/posts";
    private static final String MODERATION = "https://hearth.dev/problems/moderation";

    private record Cast(String community, String owner, String admin, String member) {
    }

    @Test
    void rulesAreTheDefaultsUntilStaffSetThemAndSettingNormalisesTheWords() {
        Cast cast = cast();
        as(TestTokens.member(cast.admin())).get(RULES, cast.community()).then().statusCode(200)
                .body("communityId", equalTo(cast.community())).body("blockedWords", empty())
                .body("linkPolicy", equalTo("ALLOW")).body("maxPostsPerMinute", nullValue())
                .body("breachesBeforeMute", equalTo(3)).body("muteMinutes", equalTo(60))
                .body("updatedAt", nullValue()).body("updatedBy", nullValue());

        as(TestTokens.member(cast.owner())).body(Map.of("blockedWords", List.of(" ＳＰＡＭ ", "spam", "加微信"),
                "linkPolicy", "STAFF_ONLY", "maxPostsPerMinute", 5, "breachesBeforeMute", 4, "muteMinutes", 120))
                .put(RULES, cast.community()).then().statusCode(200)
                .body("blockedWords", equalTo(List.of("spam", "加微信"))).body("linkPolicy", equalTo("STAFF_ONLY"))
                .body("maxPostsPerMinute", equalTo(5)).body("breachesBeforeMute", equalTo(4))
                .body("muteMinutes", equalTo(120)).body("updatedBy", equalTo(cast.owner()))
                .body("updatedAt", not(nullValue()));
        as(TestTokens.member(cast.admin())).get(RULES, cast.community()).then().statusCode(200)
                .body("blockedWords", equalTo(List.of("spam", "加微信"))).body("muteMinutes", equalTo(120));

        // A PUT replaces the whole: what it leaves out goes back to the default.
        as(TestTokens.member(cast.admin())).body(Map.of("linkPolicy", "BLOCK")).put(RULES, cast.community())
                .then().statusCode(200).body("blockedWords", empty()).body("linkPolicy", equalTo("BLOCK"))
                .body("maxPostsPerMinute", nullValue()).body("breachesBeforeMute", equalTo(3))
                .body("muteMinutes", equalTo(60)).body("updatedBy", equalTo(cast.admin()));
    }

    @Test
    void badRulesAreRefusedWith400AndChangeNothing() {
        Cast cast = cast();
        as(TestTokens.member(cast.owner())).body(Map.of("blockedWords", List.of("spam"))).put(RULES, cast.community())
                .then().statusCode(200);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooMany.add("word" + i);
        }
        List<Map<String, Object>> bad = List.of(
                Map.of("blockedWords", tooMany),
                Map.of("blockedWords", List.of("")),
                Map.of("blockedWords", List.of("\u200B ")),
                Map.of("blockedWords", List.of("x".repeat(51))),
                Map.of("linkPolicy", "SOMETIMES"),
                Map.of("maxPostsPerMinute", 0), Map.of("maxPostsPerMinute", 121),
                Map.of("breachesBeforeMute", 0), Map.of("breachesBeforeMute", 101),
                Map.of("muteMinutes", 0), Map.of("muteMinutes", 43201));
        for (Map<String, Object> body : bad) {
            as(TestTokens.member(cast.owner())).body(body).put(RULES, cast.community()).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://hearth.dev/problems/validation"))
                    .body("violations[0].field", equalTo(body.keySet().iterator().next()));
        }
        as(TestTokens.member(cast.owner())).get(RULES, cast.community()).then().statusCode(200)
                .body("blockedWords", equalTo(List.of("spam"))).body("linkPolicy", equalTo("ALLOW"));
    }

    @Test
    void aBlockedWordIsRefusedInEnglishAndChineseAndNothingIsPosted() {
        Cast cast = cast();
        setRules(cast, Map.of("blockedWords", List.of("Spam", "加微信"), "breachesBeforeMute", 5));

        refused(cast.community(), cast.member(), "Cheap SPAMMY deals, ask me", "blocked-word")
                .body("detail", containsString("\"spam\"")).body("detail", containsString("1 of 5"));
        refused(cast.community(), cast.member(), "想要资料的快来加微信领取", "blocked-word")
                .body("detail", containsString("加微信"));
        ContentApi.post(cast.community(), cast.member(), "加油，微信群见 (no blocked word here)", List.of());

        as(TestTokens.member(cast.member())).get(POSTS, cast.community()).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].body", equalTo("加油，微信群见 (no blocked word here)"));
        List<RuleBreached> events = breachEvents(cast.community(), 2);
        assertEquals(List.of(new RuleBreached(cast.community(), cast.member(), "blocked-word", 1, null),
                new RuleBreached(cast.community(), cast.member(), "blocked-word", 2, null)), events);
        as(TestTokens.member(cast.admin())).get(BREACHES, cast.community()).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].userId", equalTo(cast.member())).body("items[0].rule", equalTo("blocked-word"))
                .body("items[0].matched", equalTo("加微信")).body("items[0].breaches", equalTo(2))
                .body("items[0].muteMinutes", nullValue()).body("items[0].breachedAt", not(nullValue()))
                .body("items[1].matched", equalTo("spam")).body("items[1].breaches", equalTo(1));
    }

    @Test
    void repliesAndEditsPassTheSameRulesButEditsAreNotCountedAsFlooding() {
        Cast cast = cast();
        setRules(cast, Map.of("blockedWords", List.of("spam"), "linkPolicy", "STAFF_ONLY", "maxPostsPerMinute", 2,
                "breachesBeforeMute", 10));
        String post = ContentApi.post(cast.community(), cast.member(), "first", List.of());
        String reply = ContentApi.reply(cast.community(), post, cast.member(), "second");
        String replies = POSTS + "/" + post + "/replies";

        as(TestTokens.member(cast.member())).body(Map.of("body", "spam spam")).post(replies, cast.community())
                .then().statusCode(422).body("type", equalTo(MODERATION)).body("rule", equalTo("blocked-word"));
        as(TestTokens.member(cast.member())).body(Map.of("body", "see www.example.com"))
                .patch(replies + "/" + reply, cast.community())
                .then().statusCode(422).body("type", equalTo(MODERATION)).body("rule", equalTo("link"));
        as(TestTokens.member(cast.member())).body(Map.of("body", "now with spam"))
                .patch(POSTS + "/" + post, cast.community())
                .then().statusCode(422).body("type", equalTo(MODERATION)).body("rule", equalTo("blocked-word"));
        // Two writes in this minute already: an edit adds nothing and passes, a third reply floods.
        as(TestTokens.member(cast.member())).body(Map.of("body", "first, edited"))
                .patch(POSTS + "/" + post, cast.community()).then().statusCode(200);
        as(TestTokens.member(cast.member())).body(Map.of("body", "third")).post(replies, cast.community())
                .then().statusCode(422).body("rule", equalTo("flood"));

        as(TestTokens.member(cast.member())).get(replies + "/" + reply, cast.community()).then().statusCode(200)
                .body("body", equalTo("second"));
        as(TestTokens.member(cast.member())).get(replies, cast.community()).then().statusCode(200)
                .body("items", hasSize(1));
        assertEquals(List.of("blocked-word", "link", "blocked-word", "flood"),
                breachEvents(cast.community(), 4).stream().map(RuleBreached::rule).toList());
    }

    @Test
    void staffAreExemptFromBlockedWordsAndTheFloodLimit() {
        Cast cast = cast();
        setRules(cast, Map.of("blockedWords", List.of("spam"), "maxPostsPerMinute", 1));
        ContentApi.post(cast.community(), cast.owner(), "Reminder: no spam here", List.of());
        ContentApi.post(cast.community(), cast.admin(), "Spam gets you muted", List.of());
        ContentApi.post(cast.community(), cast.admin(), "And a second one within the minute", List.of());
        ContentApi.post(cast.community(), cast.owner(), "And another", List.of());
        as(TestTokens.member(cast.owner())).get(BREACHES, cast.community()).then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void linkPolicyAllowLetsEverybodyPostLinks() {
        Cast cast = cast();
        setRules(cast, Map.of("linkPolicy", "ALLOW"));
        ContentApi.post(cast.community(), cast.member(), "Route at https://maps.example.com/r/1", List.of());
        ContentApi.post(cast.community(), cast.member(), "or example.com", List.of());
    }

    @Test
    void linkPolicyStaffOnlyRefusesMembersLinksButNotStaffs() {
        Cast cast = cast();
        setRules(cast, Map.of("linkPolicy", "STAFF_ONLY"));
        refused(cast.community(), cast.member(), "Join us at https://other.example.org/join", "link")
                .body("detail", containsString("https://other.example.org/join"));
        refused(cast.community(), cast.member(), "加群请访问 www.example.cn", "link");
        refused(cast.community(), cast.member(), "bare domains count too: spam-shop.com", "link");
        ContentApi.post(cast.community(), cast.member(), "No link, 3.14 km, see notes.txt", List.of());
        ContentApi.post(cast.community(), cast.admin(), "The rules: https://example.org/rules", List.of());
        ContentApi.post(cast.community(), cast.owner(), "Photos at www.example.com/album", List.of());
        assertEquals(List.of(1, 2, 3), breachEvents(cast.community(), 3).stream().map(RuleBreached::breaches)
                .toList());
    }

    @Test
    void linkPolicyBlockRefusesLinksFromEverybodyStaffIncluded() {
        Cast cast = cast();
        setRules(cast, Map.of("linkPolicy", "BLOCK"));
        refused(cast.community(), cast.member(), "see http://example.com", "link");
        refused(cast.community(), cast.owner(), "even mine: example.net", "link");
        refused(cast.community(), cast.admin(), "www.example.org", "link");
        ContentApi.post(cast.community(), cast.owner(), "Plain text is fine", List.of());
    }

    @Test
    void floodingBeyondTheLimitInAMinuteIsRefused() {
        Cast cast = cast();
        setRules(cast, Map.of("maxPostsPerMinute", 2));
        ContentApi.post(cast.community(), cast.member(), "one", List.of());
        ContentApi.post(cast.community(), cast.member(), "two", List.of());
        refused(cast.community(), cast.member(), "three", "flood").body("detail", containsString("at most 2"));
        // Another member has their own minute.
        String other = "member-" + UUID.randomUUID();
        ContentApi.joined(cast.community(), other, CommunityRole.MEMBER);
        ContentApi.post(cast.community(), other, "my first", List.of());
        as(TestTokens.member(cast.owner())).get(BREACHES, cast.community()).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].rule", equalTo("flood"))
                .body("items[0].matched", nullValue());
    }

    @Test
    void postsAtTheSameMomentAreCountedOneAfterTheOther() throws Exception {
        Cast cast = cast();
        setRules(cast, Map.of("maxPostsPerMinute", 2));
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            posts.add(() -> as(TestTokens.member(cast.member())).body(Map.of("body", "burst " + n))
                    .post(POSTS, cast.community()).statusCode());
        }
        List<Integer> statuses = new ArrayList<>(together(posts));
        Collections.sort(statuses);
        assertEquals(List.of(201, 201, 422, 422, 422), statuses);
        List<RuleBreached> events = breachEvents(cast.community(), 3);
        assertEquals(List.of(1, 2, 3), events.stream().map(RuleBreached::breaches).sorted().toList());
    }

    @Test
    void reachingTheLimitOfBreachesAsksForAMuteOfTheConfiguredLength() {
        Cast cast = cast();
        setRules(cast, Map.of("blockedWords", List.of("casino"), "breachesBeforeMute", 2, "muteMinutes", 15));
        refused(cast.community(), cast.member(), "casino night", "blocked-word")
                .body("detail", containsString("1 of 2"));
        refused(cast.community(), cast.member(), "CASINO again", "blocked-word")
                .body("detail", containsString("muted for 15 minutes"));

        List<RuleBreached> events = breachEvents(cast.community(), 2);
        assertEquals(new RuleBreached(cast.community(), cast.member(), "blocked-word", 1, null), events.get(0));
        assertEquals(new RuleBreached(cast.community(), cast.member(), "blocked-word", 2, 15), events.get(1));
        as(TestTokens.member(cast.owner())).get(BREACHES, cast.community()).then().statusCode(200)
                .body("items[0].muteMinutes", equalTo(15)).body("items[1].muteMinutes", nullValue());
    }

    @Test
    void membersCannotReadOrSetTheRulesOrTheBreaches() {
        Cast cast = cast();
        as(TestTokens.member(cast.member())).get(RULES, cast.community()).then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/forbidden"));
        as(TestTokens.member(cast.member())).body(Map.of("linkPolicy", "ALLOW")).put(RULES, cast.community())
                .then().statusCode(403);
        as(TestTokens.member(cast.member())).get(BREACHES, cast.community()).then().statusCode(403);
    }

    private static Cast cast() {
        Cast cast = new Cast(UUID.randomUUID().toString(), "owner-" + UUID.randomUUID(),
                "admin-" + UUID.randomUUID(), "member-" + UUID.randomUUID());
        ContentApi.joined(cast.community(), cast.owner(), CommunityRole.OWNER);
        ContentApi.joined(cast.community(), cast.admin(), CommunityRole.ADMIN);
        ContentApi.joined(cast.community(), cast.member(), CommunityRole.MEMBER);
        return cast;
    }

    private static void setRules(Cast cast, Map<String, Object> rules) {
        as(TestTokens.member(cast.owner())).body(new HashMap<>(rules)).put(RULES, cast.community()).then()
                .statusCode(200);
    }

    /** Posts and expects the refusal: 422, problem type moderation, the rule named in its own member. */
    private static ValidatableResponse refused(String community, String author, String body, String rule) {
        return as(TestTokens.member(author)).body(Map.of("body", body)).post(POSTS, community).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(MODERATION)).body("status", equalTo(422))
                .body("title", equalTo("Refused by the community's moderation rules"))
                .body("rule", equalTo(rule)).body("instance", equalTo("/communities/" + community + "/posts"))
                .body("extensions", nullValue());
    }

    private static List<RuleBreached> breachEvents(String community, int count) {
        return KafkaEvents.awaitEvents(EventType.RULE_BREACHED, e -> e.subject().equals(community), count).stream()
                .map(e -> e.data(RuleBreached.class)).toList();
    }

    private static <T> List<T> together(List<Callable<T>> requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> request : requests) {
                futures.add(threads.submit(() -> {
                    go.await();
                    return request.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
