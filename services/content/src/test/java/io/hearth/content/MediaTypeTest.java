package io.hearth.content;

import static io.hearth.testing.Requests.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.MediaTypeChecks;
import io.hearth.testing.MediaTypeChecks.Route;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every route answers JSON or a 406 problem, never a Java toString under whatever type the client asked for. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class MediaTypeTest {
    private static final String COMMUNITY = UUID.randomUUID().toString();
    private static final String MEMBER = "member-" + UUID.randomUUID();
    private static boolean joined;

    private static final String OWNER = "owner-" + UUID.randomUUID();

    private static final Map<String, Supplier<Route>> ROUTES = Map.ofEntries(
            Map.entry("createPost", () -> new Route("POST", posts(), Map.of("body", "Hello", "topics", List.of("hi")),
                    TestTokens.member(MEMBER), 201)),
            Map.entry("listPosts", () -> new Route("GET", posts(), null, TestTokens.member(MEMBER), 200)),
            Map.entry("getPost", () -> new Route("GET", posts() + "/" + ContentApi.post(COMMUNITY, MEMBER, "Hi",
                    List.of()), null, TestTokens.member(MEMBER), 200)),
            // Re-driving for real would disturb the dead letters other tests look at: only the refusal is checked.
            Map.entry("redriveDeadLetters", () -> new Route("POST", "/admin/dead-letters/redrive", null,
                    TestTokens.token("admin-" + UUID.randomUUID(), "platform-admin"), 200)),
            Map.entry("createAnnouncement", () -> new Route("POST", announcements(), Map.of("title", "Hi", "body",
                    "Hello"), TestTokens.member(OWNER), 201)),
            Map.entry("listAnnouncements", () -> new Route("GET", announcements(), null, TestTokens.member(MEMBER),
                    200)),
            Map.entry("getAnnouncement", () -> new Route("GET", announcement(), null, TestTokens.member(MEMBER), 200)),
            Map.entry("markAnnouncementRead", () -> new Route("POST", announcement() + "/reads", null,
                    TestTokens.member(MEMBER), 200)),
            Map.entry("getAnnouncementStats", () -> new Route("GET", announcement() + "/stats", null,
                    TestTokens.member(OWNER), 200)),
            Map.entry("listAnnouncementUnreadMembers", () -> new Route("GET", announcement() + "/unread-members", null,
                    TestTokens.member(OWNER), 200)),
            Map.entry("setWelcome", () -> new Route("PUT", welcome(), Map.of("template", "Hi {names}"),
                    TestTokens.member(OWNER), 200)),
            Map.entry("getWelcome", () -> new Route("GET", welcomeSet(), null, TestTokens.member(OWNER), 200)),
            Map.entry("deleteWelcome", () -> new Route("DELETE", welcome(), null, TestTokens.member(OWNER), 204)));

    static Stream<String> routes() {
        return ROUTES.keySet().stream().sorted();
    }

    static Stream<String> answeringRoutes() {
        return routes().filter(r -> !r.equals("redriveDeadLetters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void clientAcceptingOnlyHtmlOrXmlGets406ProblemAndNothingIsWritten(String route) {
        MediaTypeChecks.assertRefusedWithoutWriting(ROUTES.get(route).get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answeringRoutes")
    void clientAcceptingJsonAndProblemsGetsJson(String route) {
        MediaTypeChecks.assertAnswers(ROUTES.get(route).get(), "application/json, application/problem+json");
    }

    private static synchronized String posts() {
        if (!joined) {
            ContentApi.joined(COMMUNITY, MEMBER, CommunityRole.MEMBER);
            ContentApi.joined(COMMUNITY, OWNER, CommunityRole.OWNER);
            joined = true;
        }
        return "/communities/" + COMMUNITY + "/posts";
    }

    private static String announcements() {
        posts();
        return "/communities/" + COMMUNITY + "/announcements";
    }

    /** A new announcement to read. */
    private static String announcement() {
        String id = as(TestTokens.member(OWNER)).body(Map.of("title", "Read me", "body", "Please"))
                .post(announcements()).then().statusCode(201).extract().path("id");
        return announcements() + "/" + id;
    }

    private static String welcome() {
        posts();
        return "/communities/" + COMMUNITY + "/welcome";
    }

    /** The welcome route, with a welcome set to read. */
    private static String welcomeSet() {
        as(TestTokens.member(OWNER)).body(Map.of("template", "Hi {names}")).put(welcome()).then().statusCode(200);
        return welcome();
    }
}
