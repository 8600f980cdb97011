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
    private static final String FEATURED = POST + "/featured";
    private static final String KNOWLEDGE = "/communities/{communityId}/knowledge";
    private static final String KNOWLEDGE_SETTINGS = KNOWLEDGE + "/settings";
    private static final String REDRIVE = "/admin/dead-letters/redrive";
    private static final String REPLIES = POST + "/replies";
    private static final String REPLY = REPLIES + "/{replyId}";
    private static final String REACTION = POST + "/reactions/{reaction}";
    private static final String ACCEPTED = POST + "/accepted-reply";
    private static final String AUDIT = "/communities/{communityId}/moderation/audit";
    private static final String MODERATION = "/communities/{communityId}/moderation";
    private static final String BREACHES = MODERATION + "/breaches";
    private static final String ANNOUNCEMENTS = "/communities/{communityId}/announcements";
    private static final String ANNOUNCEMENT = ANNOUNCEMENTS + "/{announcementId}";
    private static final String WELCOME = "/communities/{communityId}/welcome";
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
    /** A question of the member's in A, with a reply of the member's to it. */
    private String questionOfA;
    private String replyOfA;
    private String removedOfA;
    private String announcementOfA;
    private String announcementOfB;
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
        questionOfA = ContentApi.question(communityA, member, "asked in A");
        replyOfA = ContentApi.reply(communityA, questionOfA, member, "answered in A");
        removedOfA = ContentApi.post(communityA, member, "gone from A", List.of());
        as(TestTokens.member(member)).delete(POST, communityA, removedOfA).then().statusCode(204);
        announcementOfA = as(TestTokens.member(owner)).body(Map.of("title", "In A", "body", "a"))
                .post(announcements(communityA)).then().statusCode(201).extract().path("id");
        announcementOfB = as(TestTokens.member(outsider)).body(Map.of("title", "In B", "body", "b"))
                .post(announcements(communityB)).then().statusCode(201).extract().path("id");
        as(TestTokens.member(owner)).body(Map.of("template", "Hi {names}")).put(welcome(communityA)).then()
                .statusCode(200);
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
        Map<Caller, Integer> staff = merge(List.of(all(200, ADMIN, OWNER),
                all(403, OUTSIDER, MEMBER, OPERATOR, PARTNER, PLATFORM_ADMIN)));
        String announcementA = announcements(communityA) + "/" + announcementOfA;
        Map<Caller, Integer> staffOnly = merge(List.of(all(200, ADMIN, OWNER),
                all(403, MEMBER, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN)));
        Map<Caller, Integer> anyPerson = merge(List.of(all(200, OUTSIDER, MEMBER, ADMIN, OWNER, OPERATOR,
                PLATFORM_ADMIN), all(403, PARTNER)));
        return matrix
                .route("POST", ANNOUNCEMENTS, caller -> new Call(announcements(communityA), Map.of("title",
                        "From " + caller, "body", "hello")), merge(List.of(all(201, ADMIN, OWNER),
                                all(403, OUTSIDER, MEMBER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("GET", ANNOUNCEMENTS, caller -> new Call(announcements(communityA), null), readers)
                .route("GET", ANNOUNCEMENT, caller -> new Call(announcementA, null), readers)
                .route("GET", ANNOUNCEMENT, "another community's announcement under this one's path",
                        caller -> new Call(announcements(communityA) + "/" + announcementOfB, null),
                        merge(List.of(all(404, MEMBER, ADMIN, OWNER),
                                all(403, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("POST", ANNOUNCEMENT + "/reads", caller -> new Call(announcementA + "/reads", null), readers)
                .route("GET", ANNOUNCEMENT + "/stats", caller -> new Call(announcementA + "/stats", null), staff)
                .route("GET", ANNOUNCEMENT + "/unread-members",
                        caller -> new Call(announcementA + "/unread-members", null), staff)
                .route("PUT", WELCOME, caller -> new Call(welcome(communityA), Map.of("template",
                        "Welcome {names}, from " + caller, "mergeSeconds", 30)), staff)
                .route("GET", WELCOME, caller -> new Call(welcome(communityA), null), staff)
                .route("DELETE", WELCOME, caller -> new Call(welcome(communityA), null),
                        merge(List.of(all(204, ADMIN, OWNER),
                                all(403, OUTSIDER, MEMBER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("POST", POSTS, caller -> new Call(posts(communityA), Map.of("body", "hello from " + caller,
                        "topics", List.of("matrix"))), merge(List.of(all(201, MEMBER, ADMIN, OWNER),
                                all(403, OUTSIDER, OPERATOR, PLATFORM_ADMIN), Map.of(PARTNER, partnerPosts))))
                .route("GET", POSTS, caller -> new Call(posts(communityA), null), readers)
                .route("GET", POST, caller -> new Call(posts(communityA) + "/" + postOfA, null), readers)
                .route("GET", POST, "another community's post under this one's path",
                        caller -> new Call(posts(communityA) + "/" + postOfB, null),
                        merge(List.of(all(404, MEMBER, ADMIN, OWNER),
                                all(403, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("GET", POST, "a removed post", caller -> new Call(posts(communityA) + "/" + removedOfA, null),
                        merge(List.of(all(410, MEMBER, ADMIN, OWNER),
                                all(403, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("PATCH", POST, "the member's post", caller -> new Call(posts(communityA) + "/" + postOfA,
                        Map.of("body", "edited by " + caller)), merge(List.of(all(200, MEMBER),
                                all(403, ADMIN, OWNER, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("DELETE", POST, "a new post of the member's, with a reason",
                        caller -> new Call(posts(communityA) + "/" + ContentApi.post(communityA, member, "to remove",
                                List.of()) + "?reason=spam", null), merge(List.of(all(204, MEMBER, ADMIN, OWNER),
                                        all(403, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("DELETE", POST, "a new post of the owner's, without a reason",
                        caller -> new Call(posts(communityA) + "/" + ContentApi.post(communityA, owner, "to remove",
                                List.of()), null), merge(List.of(Map.of(OWNER, 204, ADMIN, 400),
                                        all(403, MEMBER, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("POST", REPLIES, caller -> new Call(posts(communityA) + "/" + postOfA + "/replies",
                        Map.of("body", "reply from " + caller)), merge(List.of(all(201, MEMBER, ADMIN, OWNER),
                                all(403, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("GET", REPLIES, caller -> new Call(posts(communityA) + "/" + questionOfA + "/replies", null),
                        readers)
                .route("GET", REPLY, caller -> new Call(posts(communityA) + "/" + questionOfA + "/replies/" + replyOfA,
                        null), readers)
                .route("PATCH", REPLY, "the member's reply", caller -> new Call(posts(communityA) + "/" + questionOfA
                        + "/replies/" + replyOfA, Map.of("body", "edited by " + caller)), merge(List.of(
                                all(200, MEMBER), all(403, ADMIN, OWNER, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("DELETE", REPLY, "a new reply of the member's, with a reason",
                        caller -> new Call(posts(communityA) + "/" + postOfA + "/replies/" + ContentApi.reply(
                                communityA, postOfA, member, "to remove") + "?reason=rude", null),
                        merge(List.of(all(204, MEMBER, ADMIN, OWNER),
                                all(403, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("PUT", REACTION, caller -> new Call(posts(communityA) + "/" + postOfA + "/reactions/like",
                        null), merge(List.of(all(204, MEMBER, ADMIN, OWNER),
                                all(403, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("PUT", REACTION, "an unknown reaction", caller -> new Call(posts(communityA) + "/" + postOfA
                        + "/reactions/dislike", null), merge(List.of(all(400, MEMBER, ADMIN, OWNER, OUTSIDER,
                                OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("DELETE", REACTION, caller -> new Call(posts(communityA) + "/" + postOfA + "/reactions/like",
                        null), merge(List.of(all(204, MEMBER, ADMIN, OWNER),
                                all(403, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("PUT", ACCEPTED, caller -> new Call(posts(communityA) + "/" + questionOfA + "/accepted-reply",
                        Map.of("replyId", replyOfA)), merge(List.of(all(200, MEMBER, ADMIN, OWNER),
                                all(403, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("PUT", ACCEPTED, "a post that is no question", caller -> new Call(posts(communityA) + "/"
                        + postOfA + "/accepted-reply", Map.of("replyId", replyOfA)), merge(List.of(
                                all(422, MEMBER, ADMIN, OWNER), all(403, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("GET", AUDIT, caller -> new Call("/communities/" + communityA + "/moderation/audit", null),
                        merge(List.of(all(200, ADMIN, OWNER),
                                all(403, MEMBER, OUTSIDER, OPERATOR, PARTNER, PLATFORM_ADMIN))))
                .route("PUT", FEATURED, caller -> new Call(posts(communityA) + "/" + postOfA + "/featured", null),
                        staff(200))
                .route("PUT", FEATURED, "another community's post under this one's path",
                        caller -> new Call(posts(communityA) + "/" + postOfB + "/featured", null), staff(404))
                .route("DELETE", FEATURED, caller -> new Call(posts(communityA) + "/" + postOfA + "/featured", null),
                        staff(204))
                .route("GET", KNOWLEDGE, caller -> new Call(knowledge(communityA), null), readers)
                .route("GET", KNOWLEDGE_SETTINGS, caller -> new Call(knowledge(communityA) + "/settings", null),
                        staff(200))
                .route("PUT", KNOWLEDGE_SETTINGS, caller -> new Call(knowledge(communityA) + "/settings",
                        Map.of("nominationThreshold", 12)), staff(200))
                .route("PUT", MODERATION, caller -> new Call(moderation(communityA), Map.of("linkPolicy", "ALLOW")),
                        staff(200))
                .route("GET", MODERATION, caller -> new Call(moderation(communityA), null), staff(200))
                .route("GET", BREACHES, caller -> new Call(moderation(communityA) + "/breaches", null), staff(200))
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

    /** Routes for the owner and admins: {@code status} for them, 403 for everyone else with a token. */
    private static Map<Caller, Integer> staff(int status) {
        return merge(List.of(all(status, ADMIN, OWNER), all(403, OUTSIDER, MEMBER, OPERATOR, PARTNER, PLATFORM_ADMIN)));
    }

    private static String knowledge(String community) {
        return "/communities/" + community + "/knowledge";
    }

    private static String moderation(String community) {
        return "/communities/" + community + "/moderation";
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

    private static String announcements(String community) {
        return "/communities/" + community + "/announcements";
    }

    private static String welcome(String community) {
        return "/communities/" + community + "/welcome";
    }
}
