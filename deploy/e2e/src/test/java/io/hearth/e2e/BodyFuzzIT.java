package io.hearth.e2e;

import static io.hearth.embedded.HearthService.ACTIVITY;
import static io.hearth.embedded.HearthService.ANALYTICS;
import static io.hearth.embedded.HearthService.CONTENT;
import static io.hearth.embedded.HearthService.MEMBERSHIP;
import static io.hearth.embedded.HearthService.MONETIZATION;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.hearth.e2e.HearthApi.Reply;
import io.hearth.embedded.HearthService;
import io.hearth.embedded.HearthStack;
import io.hearth.embedded.PostgresServer;

/**
 * Fuzzes the bodies (and the query and Idempotency-Key values) of the public routes of all five services on the
 * whole stack with real Keycloak tokens: whatever arrives, no 5xx, every refusal is a problem+json body, and a
 * refused request writes nothing (the tables its route writes are unchanged, no event in the outbox). Jazzer runs in
 * fuzzing mode for a bounded time in {@code mvn verify} (JAZZER_FUZZ is set by this module's failsafe
 * configuration); a finding fails the build and leaves its input under src/test/resources to replay.
 */
@ExtendWith(SharedStack.class)
class BodyFuzzIT {
    private static final String PASSWORD = "fuzz-pass";
    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    /** What each service's public routes write; consumer-written tables (replicas, event log) change on their own. */
    private static final Map<HearthService, List<String>> WRITTEN = Map.of(
            // Not member_activity(_day): membership's consumer writes them on its own, from other services' events.
            MEMBERSHIP, List.of("community", "entry", "membership", "partner_grant", "idempotency_key", "outbox_event",
                    "audit_entry", "application", "live_code", "live_code_community", "member_mute", "member_ban",
                    "member_tag"),
            // Not broadcast (its delivery counts), inbox_item, welcome_burst...: content's consumers write them too.
            CONTENT, List.of("post", "reply", "reaction", "announcement", "announcement_read", "welcome_setting",
                    "moderation_rules", "knowledge_settings", "scheduled_post", "idempotency_key", "outbox_event"),
            ACTIVITY, List.of("check_in", "outbox_event"),
            MONETIZATION, List.of("plan", "plan_order", "idempotency_key", "outbox_event"),
            ANALYTICS, List.of("webhook_subscription"));
    private static final AtomicLong RUNS = new AtomicLong();
    private static final Map<String, Long> OUTCOMES = new TreeMap<>();

    private static HearthStack stack;
    private static final HearthApi API = new HearthApi();
    private static final Map<HearthService, Connection> DATABASES = new EnumMap<>(HearthService.class);
    private static Fixture fixture;
    private static List<Route> routes;
    private static JsonMutator mutator;

    /** A community with an owner, a member, an entry, a plan and a pending order, and tokens to act in it. */
    private record Fixture(String community, String ownerToken, String memberId, String memberToken,
            String newcomerToken, String partnerToken, String entryCode, String planId, String orderId) {
    }

    /** A route under fuzz: who calls it, where, with which valid body the fuzzer starts from. */
    private record Route(String name, HearthService service, String method, String path,
            Function<Fixture, String> token, Map<String, Object> seed, Mode mode) {
    }

    private enum Mode { JSON, IDEMPOTENT_JSON, SIGNED_JSON, QUERY }

    @BeforeAll
    static void arrange(HearthStack running) throws SQLException {
        stack = running;
        String owner = "fuzz-owner-" + UUID.randomUUID().toString().substring(0, 8);
        String member = "fuzz-member-" + UUID.randomUUID().toString().substring(0, 8);
        String newcomer = "fuzz-newcomer-" + UUID.randomUUID().toString().substring(0, 8);
        String mutee = "fuzz-mutee-" + UUID.randomUUID().toString().substring(0, 8);
        stack.keycloak().createUser(owner, PASSWORD, "operator", "member");
        String memberId = stack.keycloak().createUser(member, PASSWORD, "member");
        stack.keycloak().createUser(newcomer, PASSWORD, "member");
        String muteeId = stack.keycloak().createUser(mutee, PASSWORD, "member");
        String ownerToken = stack.keycloak().accessToken(owner, PASSWORD);
        String memberToken = stack.keycloak().accessToken(member, PASSWORD);

        String community = expect(201, API.post(url(MEMBERSHIP), "/communities", ownerToken,
                Map.of("name", "Fuzz Club", "theme", "Bodies of every shape", "kind", "HOBBY"))).text("id");
        String code = expect(201, API.post(url(MEMBERSHIP), "/communities/" + community + "/entries", ownerToken,
                Map.of("channel", "INVITE_LINK"))).text("code");
        expect(201, API.post(url(MEMBERSHIP), "/communities/" + community + "/members", memberToken,
                Map.of("entryCode", code)));
        // Muted by the fuzzer, not the member who posts and checks in.
        expect(201, API.post(url(MEMBERSHIP), "/communities/" + community + "/members",
                stack.keycloak().accessToken(mutee, PASSWORD), Map.of("entryCode", code)));
        String post = await("the member known to content").atMost(EVENTUAL).until(() -> API.post(url(CONTENT),
                "/communities/" + community + "/posts", memberToken, Map.of("body", "hello", "topics", List.of())),
                reply -> reply.status() == 201).text("id");
        // Nothing may change content's rows behind a refused request's back: no automatic nomination here, and the
        // settings that start consumers writing (welcomes, moderation) are fuzzed in an annex nobody joins or posts in.
        expect(200, API.put(url(CONTENT), "/communities/" + community + "/knowledge/settings", ownerToken,
                Map.of("nominationThreshold", 10000)));
        String annex = expect(201, API.post(url(MEMBERSHIP), "/communities", ownerToken,
                Map.of("name", "Fuzz Annex", "theme", "Settings under fuzz", "kind", "HOBBY"))).text("id");
        await("the owner of the annex known to content").atMost(EVENTUAL).until(() -> API.get(url(CONTENT),
                "/communities/" + annex + "/moderation", ownerToken).status() == 200);
        String plan = await("the owner known to monetization").atMost(EVENTUAL).until(() -> API.post(
                url(MONETIZATION), "/communities/" + community + "/plans", ownerToken, Map.of("name", "Fuzz plan",
                        "price", Map.of("amountMinor", 990, "currency", "CNY"), "periodDays", 30)),
                reply -> reply.status() == 201).text("id");
        String order = await("the member known to monetization").atMost(EVENTUAL).until(() -> API.post(
                url(MONETIZATION), "/communities/" + community + "/orders", memberToken, Map.of("planId", plan),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), reply -> reply.status() == 201).text("id");
        // The local realm's partner client, granted events:subscribe, as analytics must know before it subscribes.
        String partnerToken = stack.keycloak().clientCredentialsToken("partner-demo", "partner-demo-secret");
        expect(200, API.put(url(MEMBERSHIP), "/communities/" + community + "/partners/partner-demo", ownerToken,
                Map.of("scopes", List.of("events:subscribe"))));
        await("the grant known to analytics").atMost(EVENTUAL).until(() -> API.get(url(ANALYTICS),
                "/communities/" + community + "/webhook-subscriptions", partnerToken).status() == 200);
        fixture = new Fixture(community, ownerToken, memberId, memberToken,
                stack.keycloak().accessToken(newcomer, PASSWORD), partnerToken, code, plan, order);

        String c = "/communities/" + community;
        routes = List.of(
                new Route("createCommunity", MEMBERSHIP, "POST", "/communities", Fixture::ownerToken,
                        Map.of("name", "Fuzzed", "theme", "A theme", "kind", "HOBBY", "sizeCap", 50),
                        Mode.IDEMPOTENT_JSON),
                new Route("createEntry", MEMBERSHIP, "POST", c + "/entries", Fixture::ownerToken,
                        Map.of("channel", "INVITE_LINK", "source", "poster", "maxUses", 50,
                                "expiresAt", "2027-06-01T00:00:00Z"), Mode.IDEMPOTENT_JSON),
                new Route("updateCommunity", MEMBERSHIP, "PATCH", c, Fixture::ownerToken,
                        Map.of("rules", "Be kind", "timeZone", "Asia/Shanghai", "admission", "OPEN",
                                "questions", List.of("Why do you run?")), Mode.JSON),
                new Route("createLiveCode", MEMBERSHIP, "POST", "/live-codes", Fixture::ownerToken,
                        Map.of("name", "Poster", "communityIds", List.of(community), "source", "poster",
                                "overflow", true), Mode.JSON),
                new Route("muteMember", MEMBERSHIP, "PUT", c + "/members/" + muteeId + "/mute", Fixture::ownerToken,
                        Map.of("minutes", 30, "reason", "flooding"), Mode.JSON),
                new Route("setMemberTags", MEMBERSHIP, "PUT", c + "/members/" + memberId + "/tags",
                        Fixture::ownerToken, Map.of("tags", List.of("vip", "early-bird")), Mode.JSON),
                new Route("memberDirectory", MEMBERSHIP, "GET", c + "/members", Fixture::ownerToken,
                        Map.of("tag", "active", "role", "MEMBER", "q", "fuzz", "joinedAfter", "2026-01-01T00:00:00Z",
                                "limit", 10), Mode.QUERY),
                new Route("joinCommunity", MEMBERSHIP, "POST", c + "/members", Fixture::newcomerToken,
                        Map.of("entryCode", code), Mode.IDEMPOTENT_JSON),
                new Route("changeMemberRole", MEMBERSHIP, "PUT", c + "/members/" + memberId + "/role",
                        Fixture::ownerToken, Map.of("role", "ADMIN"), Mode.JSON),
                new Route("createPost", CONTENT, "POST", c + "/posts", Fixture::memberToken,
                        Map.of("body", "A post", "topics", List.of("running")), Mode.JSON),
                new Route("createReply", CONTENT, "POST", c + "/posts/" + post + "/replies", Fixture::memberToken,
                        Map.of("body", "Count me in"), Mode.IDEMPOTENT_JSON),
                new Route("editPost", CONTENT, "PATCH", c + "/posts/" + post, Fixture::memberToken,
                        Map.of("body", "hello again", "topics", List.of("greetings")), Mode.JSON),
                new Route("acceptReply", CONTENT, "PUT", c + "/posts/" + post + "/accepted-reply",
                        Fixture::memberToken, Map.of("replyId", UUID.randomUUID().toString()), Mode.JSON),
                new Route("listPosts", CONTENT, "GET", c + "/posts", Fixture::memberToken,
                        Map.of("topic", "running", "kind", "QUESTION", "unanswered", true, "limit", 10), Mode.QUERY),
                new Route("createAnnouncement", CONTENT, "POST", c + "/announcements", Fixture::ownerToken,
                        Map.of("title", "Saturday run", "body", "Meet at 7", "pinned", true), Mode.IDEMPOTENT_JSON),
                new Route("schedulePost", CONTENT, "POST", c + "/posts", Fixture::ownerToken,
                        Map.of("body", "Tomorrow's plan", "kind", "QUESTION", "publishAt", "2027-06-01T00:00:00Z"),
                        Mode.IDEMPOTENT_JSON),
                new Route("createBroadcast", CONTENT, "POST", "/broadcasts", Fixture::ownerToken,
                        Map.of("communityIds", List.of(annex), "title", "News", "body", "Hello all",
                                "publishAt", "2027-06-01T00:00:00Z"), Mode.IDEMPOTENT_JSON),
                new Route("setWelcome", CONTENT, "PUT", "/communities/" + annex + "/welcome", Fixture::ownerToken,
                        Map.of("template", "Welcome {names} to {community}! {rules}", "mergeSeconds", 60), Mode.JSON),
                new Route("setModerationRules", CONTENT, "PUT", "/communities/" + annex + "/moderation",
                        Fixture::ownerToken, Map.of("blockedWords", List.of("spam", "加微信"), "linkPolicy",
                                "STAFF_ONLY", "maxPostsPerMinute", 5, "breachesBeforeMute", 3, "muteMinutes", 60),
                        Mode.JSON),
                new Route("updateKnowledgeSettings", CONTENT, "PUT", "/communities/" + annex + "/knowledge/settings",
                        Fixture::ownerToken, Map.of("nominationThreshold", 12), Mode.JSON),
                new Route("searchKnowledge", CONTENT, "GET", c + "/knowledge", Fixture::memberToken,
                        Map.of("q", "跑步 marathon", "topic", "running", "limit", 10), Mode.QUERY),
                new Route("checkIn", ACTIVITY, "POST", c + "/check-ins", Fixture::memberToken, Map.of(), Mode.JSON),
                new Route("createPlan", MONETIZATION, "POST", c + "/plans", Fixture::ownerToken,
                        Map.of("name", "Plan", "price", Map.of("amountMinor", 990, "currency", "CNY"),
                                "periodDays", 30), Mode.IDEMPOTENT_JSON),
                new Route("placeOrder", MONETIZATION, "POST", c + "/orders", Fixture::memberToken,
                        Map.of("planId", plan), Mode.IDEMPOTENT_JSON),
                new Route("paymentWebhook", MONETIZATION, "POST", "/payments/webhook", f -> null,
                        Map.of("orderId", order, "outcome", "SUCCEEDED", "providerReference", "fuzz-1"),
                        Mode.SIGNED_JSON),
                new Route("grantPartnerAccess", MEMBERSHIP, "PUT", c + "/partners/fuzz-partner", Fixture::ownerToken,
                        Map.of("scopes", List.of("members:read", "events:subscribe")), Mode.JSON),
                new Route("createWebhookSubscription", ANALYTICS, "POST", c + "/webhook-subscriptions",
                        Fixture::partnerToken, Map.of("url", "https://hooks.example.com/hearth",
                                "eventTypes", List.of("hearth.member.joined")), Mode.JSON),
                new Route("lifecycleFunnel", ANALYTICS, "GET", c + "/funnels/lifecycle", Fixture::ownerToken,
                        Map.of("from", "2026-01-01", "to", "2026-12-31", "windowDays", 7), Mode.QUERY),
                new Route("participationFunnel", ANALYTICS, "GET", c + "/funnels/participation",
                        Fixture::ownerToken, Map.of("from", "2026-01-01", "to", "2026-12-31", "windowDays", 7),
                        Mode.QUERY),
                new Route("questionFunnel", ANALYTICS, "GET", c + "/funnels/questions", Fixture::ownerToken,
                        Map.of("from", "2026-01-01", "to", "2026-12-31", "windowDays", 7), Mode.QUERY),
                new Route("acquisitionFunnel", ANALYTICS, "GET", c + "/funnels/acquisition", Fixture::ownerToken,
                        Map.of("from", "2026-01-01", "to", "2026-12-31", "windowDays", 7, "breakdown", "source"),
                        Mode.QUERY));
        mutator = new JsonMutator(List.of(community, code, memberId, plan, order, UUID.randomUUID().toString(),
                "INVITE_LINK", "REFERRAL", "ADMIN", "OWNER", "MEMBER", "HOBBY", "GROWTH", "CNY", "USD", "SUCCEEDED",
                "FAILED", "2026-11-22", "2026-11-22T00:00:00Z", "OPEN", "APPROVAL", "CLOSED", "Asia/Shanghai", muteeId,
                post, annex, "QUESTION", "POST", "ALLOW", "BLOCK", "STAFF_ONLY", "{names}", "{community}", "{rules}"));
        for (HearthService service : HearthService.values()) {
            DATABASES.put(service, DriverManager.getConnection(stack.jdbcUrl(service), PostgresServer.USER,
                    PostgresServer.PASSWORD));
        }
    }

    @AfterAll
    static void report() throws SQLException {
        System.out.println("[fuzz figure] requests: " + RUNS.get() + ", by route and status: " + OUTCOMES);
        for (Connection connection : DATABASES.values()) {
            connection.close();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void publicRoutesAnswerEveryBodyWithoutServerErrorsOrHalfWrites(FuzzedDataProvider data) throws SQLException {
        allowRequestsToTheStack();
        Route route = routes.get(data.consumeInt(0, routes.size() - 1));
        Map<String, String> headers = new HashMap<>();
        String path = route.path();
        String body = null;
        switch (route.mode()) {
            case QUERY -> path += "?" + route.seed().keySet().stream().filter(k -> data.consumeInt(0, 3) > 0)
                    .map(k -> k + "=" + URLEncoder.encode(data.consumeBoolean() ? String.valueOf(route.seed().get(k))
                            : mutator.text(data), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            case IDEMPOTENT_JSON -> {
                body = mutator.body(data, route.seed());
                String key = data.consumeBoolean() ? UUID.randomUUID().toString() : headerSafe(mutator.text(data));
                if (!key.isEmpty() || data.consumeBoolean()) {
                    headers.put("Idempotency-Key", key);
                }
            }
            case SIGNED_JSON -> {
                body = mutator.body(data, route.seed());
                headers.put("Hearth-Signature", HearthApi.sign(body, stack.config().paymentsWebhookSecret()));
            }
            case JSON -> body = mutator.body(data, route.seed());
        }
        String before = digest(route.service());
        Reply reply = API.send(route.method(), url(route.service()), path, route.token().apply(fixture), body,
                headers);
        RUNS.incrementAndGet();
        synchronized (OUTCOMES) {
            OUTCOMES.merge(route.name() + " " + reply.status(), 1L, Long::sum);
        }
        String sent = body == null ? path : abbreviate(body);
        if (reply.status() >= 500) {
            throw new AssertionError(route.name() + " answered " + reply + " to " + sent);
        }
        if (reply.status() >= 400) {
            // A request line or headers too long for the HTTP server (Vert.x: 4 KB, 8 KB) are refused in its codec with
            // an empty 414 or 431 before any route: Quarkus offers no hook there (quarkusio/quarkus#55082), and
            // nothing of Hearth ran, so what remains to check is that nothing was written.
            if (!reply.isProblem() && reply.status() != 414 && reply.status() != 431) {
                throw new AssertionError(route.name() + " refused without a problem body: " + reply + " to " + sent);
            }
            String after = digest(route.service());
            if (!before.equals(after)) {
                throw new AssertionError(route.name() + " refused (" + reply.status() + ") but wrote rows: " + sent);
            }
        }
    }

    /**
     * Jazzer's SSRF detector would flag every request, though the fuzzed data never chooses where they go. Its policy
     * is reset when fuzzing starts and cannot be set before Jazzer's agent is in place, so it is set at every input.
     */
    private static void allowRequestsToTheStack() {
        try {
            BugDetectors.allowNetworkConnections((host, port) -> host.equals("127.0.0.1") || host.equals("localhost"));
        } catch (IllegalStateException noAgentYet) {
            // No agent, no detector: nothing to allow.
        }
    }

    /** One fingerprint of every row of the tables the service's routes write. */
    private static String digest(HearthService service) throws SQLException {
        List<String> tables = WRITTEN.get(service);
        if (tables.isEmpty()) {
            return "";
        }
        // The relay stamps outbox rows as published on its own: an outbox row counts by its id only.
        String rows = tables.stream().map(t -> "select '" + t + "' || (" + (t.equals("outbox_event") ? "r.seq" : "r")
                + "::text) as row from " + t + " r").collect(Collectors.joining(" union all "));
        try (Statement statement = DATABASES.get(service).createStatement();
                ResultSet result = statement.executeQuery("select count(*) || ':' || md5(coalesce(string_agg(row, '|'"
                        + " order by row), '')) from (" + rows + ") rows")) {
            result.next();
            return result.getString(1);
        }
    }

    private static String headerSafe(String value) {
        return value.chars().filter(ch -> ch >= 0x20 && ch < 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "... (" + body.length() + " chars)";
    }

    private static Reply expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + ", got " + reply);
        }
        return reply;
    }

    private static java.net.URI url(HearthService service) {
        return stack.serviceUrl(service);
    }
}
