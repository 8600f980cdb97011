package io.hearth.content;

import static io.hearth.testing.AccessMatrix.Caller.ADMIN;
import static io.hearth.testing.AccessMatrix.Caller.MEMBER;
import static io.hearth.testing.AccessMatrix.Caller.OPERATOR;
import static io.hearth.testing.AccessMatrix.Caller.OUTSIDER;
import static io.hearth.testing.AccessMatrix.Caller.OWNER;
import static io.hearth.testing.AccessMatrix.Caller.PARTNER;
import static io.hearth.testing.AccessMatrix.Caller.PLATFORM_ADMIN;
import static io.hearth.testing.AccessMatrix.all;
import static io.hearth.testing.AccessMatrix.merge;
import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.NoticeIssued;
import io.hearth.contracts.events.PartnerAccessGranted;
import io.hearth.contracts.events.PartnerScope;
import io.hearth.testing.AccessMatrix;
import io.hearth.testing.AccessMatrix.Call;
import io.hearth.testing.AccessMatrix.Caller;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every content route tried by every kind of caller: each gets exactly the status the route documents. Community A is
 * the one the routes name; community B is another one, whose owner is the outsider, whose post is tried under A's
 * path, and where the partner without a grant in A holds posts:write.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class AuthorizationMatrixTest {
    private static final String POSTS = "/communities/{communityId}/posts";
    private static final String POST = POSTS + "/{postId}";
    private static final String REDRIVE = "/admin/dead-letters/redrive";
    private static final String SCHEDULED = "/communities/{communityId}/scheduled-posts";
    private static final String SCHEDULED_POST = SCHEDULED + "/{scheduledPostId}";
    private static final String BROADCASTS = "/broadcasts";
    private static final String BROADCAST = BROADCASTS + "/{broadcastId}";
    private static final String INBOX = "/me/inbox";
    private static final String INBOX_READ = INBOX + "/{itemId}/read";
    private static final String BROADCAST_SETTINGS = "/me/broadcast-settings";

    private final String communityA = UUID.randomUUID().toString();
    private final String communityB = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();
    private final String admin = "admin-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();
    private final String outsider = "outsider-" + UUID.randomUUID();
    private final String operator = "operator-" + UUID.randomUUID();
    private final String platformAdmin = "platform-admin-" + UUID.randomUUID();
    /** Holds posts:write in community B only. */
    private final String partnerElsewhere = "crm-b-" + UUID.randomUUID();
    /** Holds posts:write in community A. */
    private final String partnerGranted = "crm-a-" + UUID.randomUUID();
    private String postOfA;
    private String postOfB;
    /** Sent by A's owner to A. */
    private String broadcastToA;
    /** A notice in the member's inbox. */
    private String memberInboxItem;

    @BeforeEach
    void arrangeCommunities() {
        // The grant in B precedes B's owner joining on the same keyed topic: once the owner may read, it is applied.
        KafkaEvents.publish(new PartnerAccessGranted(communityB, partnerElsewhere, List.of(PartnerScope.POSTS_WRITE),
                outsider), Instant.now());
        ContentApi.joined(communityB, outsider, CommunityRole.OWNER);
        ContentApi.joined(communityA, owner, CommunityRole.OWNER);
        ContentApi.joined(communityA, admin, CommunityRole.ADMIN);
        ContentApi.joined(communityA, member, CommunityRole.MEMBER);
        KafkaEvents.publish(new PartnerAccessGranted(communityA, partnerGranted, List.of(PartnerScope.POSTS_WRITE),
                owner), Instant.now());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> as(TestTokens
                .partner(partnerGranted)).body(Map.of("body", "granted")).post(POSTS, communityA).statusCode() == 201);
        postOfA = ContentApi.post(communityA, member, "in A", List.of("a"));
        postOfB = ContentApi.post(communityB, outsider, "in B", List.of("b"));
        broadcastToA = as(TestTokens.member(owner)).body(Map.of("communityIds", List.of(communityA), "title", "Hello",
                "body", "to A")).post(BROADCASTS).then().statusCode(201).extract().path("id");
        KafkaEvents.publish(new NoticeIssued(communityA, member, "event-reminder", "Tomorrow", null, null),
                Instant.now());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> as(TestTokens
                .member(member)).get(INBOX).then().extract().path("items.find { it.kind == 'event-reminder' }.id") != null);
        memberInboxItem = as(TestTokens.member(member)).get(INBOX).then().extract()
                .path("items.find { it.kind == 'event-reminder' }.id");
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsWhatEachRouteDocuments() {
        return matrix(TestTokens.partner(partnerElsewhere), 403).tests();
    }

    /** The same routes with a partner granted posts:write in A: it may post there, and read nothing. */
    @TestFactory
    Stream<DynamicTest> partnerGrantedPostsWriteOnlyPosts() {
        return matrix(TestTokens.partner(partnerGranted), 201).tests("partner granted posts:write", PARTNER);
    }

    @Test
    void bodyCannotChooseTheAuthorCommunityOrId() {
        String otherId = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("body", "mine", "authorId", owner, "communityId", communityB,
                "id", otherId);
        String id = as(TestTokens.member(member)).body(body).post("/communities/{id}/posts", communityA)
                .then().statusCode(201).body("authorId", equalTo(member)).body("communityId", equalTo(communityA))
                .body("id", not(equalTo(otherId))).extract().path("id");
        as(TestTokens.member(outsider)).get("/communities/{id}/posts/{postId}", communityB, id).then()
                .statusCode(404);
    }

    private AccessMatrix matrix(String partnerToken, int partnerPosts) {
        AccessMatrix matrix = new AccessMatrix(caller -> switch (caller) {
            case ANONYMOUS -> null;
            case OTHER_ISSUER -> TestTokens.fromIssuer("https://other.example/realms/hearth", member, "member");
            case EXPIRED -> TestTokens.expired(member, "member");
            case WRONG_AUDIENCE -> TestTokens.withoutAudience(member, "member");
            case OUTSIDER -> TestTokens.member(outsider);
            case MEMBER -> TestTokens.member(member);
            case ADMIN -> TestTokens.member(admin);
            case OWNER -> TestTokens.member(owner);
            case OPERATOR -> TestTokens.operator(operator);
            case PARTNER -> partnerToken;
            case PLATFORM_ADMIN -> TestTokens.token(platformAdmin, "platform-admin", "member");
        });
        Map<Caller, Integer> readers = merge(List.of(all(200, MEMBER, ADMIN, OWNER),
                all(403, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN)));
        Map<Caller, Integer> staffOnly = merge(List.of(all(200, ADMIN, OWNER),
                all(403, MEMBER, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN)));
        Map<Caller, Integer> anyPerson = merge(List.of(all(200, OUTSIDER, MEMBER, ADMIN, OWNER, OPERATOR,
                PLATFORM_ADMIN), all(403, PARTNER)));
        return matrix
                .route("POST", POSTS, caller -> new Call(posts(communityA), Map.of("body", "hello from " + caller,
                        "topics", List.of("matrix"))), merge(List.of(all(201, MEMBER, ADMIN, OWNER),
                                all(403, OUTSIDER, OPERATOR, PLATFORM_ADMIN), Map.of(PARTNER, partnerPosts))))
                .route("GET", POSTS, caller -> new Call(posts(communityA), null), readers)
                .route("GET", POST, caller -> new Call(posts(communityA) + "/" + postOfA, null), readers)
                .route("GET", POST, "another community's post under this one's path",
                        caller -> new Call(posts(communityA) + "/" + postOfB, null),
                        merge(List.of(all(404, MEMBER, ADMIN, OWNER),
                                all(403, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("POST", POSTS, "with publishAt: staff only", caller -> new Call(posts(communityA),
                        Map.of("body", "later from " + caller, "publishAt", Instant.now().plusSeconds(86_400)
                                .toString())), merge(List.of(all(202, ADMIN, OWNER),
                                        all(403, MEMBER, OUTSIDER, OPERATOR, PLATFORM_ADMIN, PARTNER))))
                .route("GET", SCHEDULED, caller -> new Call(scheduled(communityA), null), staffOnly)
                .route("DELETE", SCHEDULED_POST, caller -> new Call(scheduled(communityA) + "/"
                        + schedule(communityA, owner), null), merge(List.of(all(204, ADMIN, OWNER),
                                all(403, MEMBER, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("DELETE", SCHEDULED_POST, "another community's scheduled post under this one's path",
                        caller -> new Call(scheduled(communityA) + "/" + schedule(communityB, outsider), null),
                        merge(List.of(all(404, ADMIN, OWNER),
                                all(403, MEMBER, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("POST", BROADCASTS, caller -> new Call(BROADCASTS, Map.of("communityIds", List.of(communityA),
                        "title", "From " + caller, "body", "Hello")), merge(List.of(all(201, ADMIN, OWNER),
                                all(403, MEMBER, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                // The owner sent it; the admin is staff of its target; B's owner (the outsider) is not.
                .route("GET", BROADCAST, caller -> new Call(BROADCASTS + "/" + broadcastToA, null), staffOnly)
                .route("GET", INBOX, caller -> new Call(INBOX, null), anyPerson)
                // The member's own item; anyone else's inbox does not hold it.
                .route("POST", INBOX_READ, caller -> new Call(INBOX + "/" + memberInboxItem + "/read", null),
                        merge(List.of(all(200, MEMBER), all(404, OUTSIDER, ADMIN, OWNER, OPERATOR, PLATFORM_ADMIN),
                                all(403, PARTNER))))
                .route("GET", BROADCAST_SETTINGS, caller -> new Call(BROADCAST_SETTINGS, null), anyPerson)
                .route("PUT", BROADCAST_SETTINGS, caller -> new Call(BROADCAST_SETTINGS, Map.of("dailyCap", 2)),
                        anyPerson)
                .route("POST", REDRIVE, caller -> new Call(REDRIVE, null), merge(List.of(all(200, PLATFORM_ADMIN),
                        all(403, OUTSIDER, MEMBER, ADMIN, OWNER, OPERATOR, PARTNER))));
    }

    private static String scheduled(String community) {
        return "/communities/" + community + "/scheduled-posts";
    }

    /** A fresh post scheduled a day ahead by {@code staff}; its id. */
    private static String schedule(String community, String staff) {
        return as(TestTokens.member(staff)).body(Map.of("body", "tomorrow", "publishAt",
                Instant.now().plusSeconds(86_400).toString())).post(posts(community)).then().statusCode(202)
                .extract().path("id");
    }

    private static String posts(String community) {
        return "/communities/" + community + "/posts";
    }
}
