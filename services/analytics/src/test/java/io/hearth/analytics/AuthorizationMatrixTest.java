package io.hearth.analytics;

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
import static org.hamcrest.Matchers.hasItem;
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
 * Every analytics route tried by every kind of caller: each gets exactly the status the route documents. Community A
 * is the one the routes name; the outsider owns community B, where the partner without a grant in A holds every
 * scope. The subscriber is another partner with events:subscribe in A, whose subscription the others try to read and
 * delete; the granted partner holds analytics:read and events:subscribe in A and events:subscribe in B.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class AuthorizationMatrixTest {
    private static final String FUNNEL = "/communities/{communityId}/funnels/lifecycle";
    private static final String PARTICIPATION = "/communities/{communityId}/funnels/participation";
    private static final String QUESTIONS = "/communities/{communityId}/funnels/questions";
    private static final String EVENTS = "/communities/{communityId}/funnels/events";
    private static final String CHALLENGES = "/communities/{communityId}/funnels/challenges";
    private static final String ACQUISITION = "/communities/{communityId}/funnels/acquisition";
    private static final String REFERRERS = "/communities/{communityId}/referrers";
    private static final String SUBSCRIPTIONS = "/communities/{communityId}/webhook-subscriptions";
    private static final String SUBSCRIPTION = SUBSCRIPTIONS + "/{subscriptionId}";
    private static final String DELIVERIES = SUBSCRIPTION + "/deliveries";
    private static final String REDRIVE = "/admin/dead-letters/redrive";
    /** Nothing listens there; the tests allow 127.0.0.1 (hearth.webhooks.allowed-hosts). */
    private static final String HOOK = "http://127.0.0.1:9/hook";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String communityA = UUID.randomUUID().toString();
    private final String communityB = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();
    private final String admin = "admin-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();
    private final String outsider = "outsider-" + UUID.randomUUID();
    private final String operator = "operator-" + UUID.randomUUID();
    private final String platformAdmin = "platform-admin-" + UUID.randomUUID();
    private final String partnerElsewhere = "crm-b-" + UUID.randomUUID();
    private final String partnerGranted = "crm-a-" + UUID.randomUUID();
    private final String subscriber = "subscriber-" + UUID.randomUUID();
    private String subscribersSubscription;
    private String grantedPartnersSubscription;
    private String subscriptionOfB;

    @BeforeEach
    void arrangeCommunities() {
        // Events of one community are applied in order: once the last one shows, the ones before it are in.
        KafkaEvents.publish(new PartnerAccessGranted(communityB, partnerElsewhere, List.of(PartnerScope.values()),
                outsider), Instant.now());
        KafkaEvents.publish(new PartnerAccessGranted(communityB, partnerGranted,
                List.of(PartnerScope.EVENTS_SUBSCRIBE), outsider), Instant.now());
        AnalyticsApi.joined(communityB, outsider, CommunityRole.OWNER, Instant.now());
        AnalyticsApi.joined(communityA, member, CommunityRole.MEMBER, Instant.now());
        AnalyticsApi.joined(communityA, admin, CommunityRole.ADMIN, Instant.now());
        AnalyticsApi.joined(communityA, owner, CommunityRole.OWNER, Instant.now());
        KafkaEvents.publish(new PartnerAccessGranted(communityA, subscriber, List.of(PartnerScope.EVENTS_SUBSCRIBE),
                owner), Instant.now());
        KafkaEvents.publish(new PartnerAccessGranted(communityA, partnerGranted, List.of(PartnerScope.ANALYTICS_READ,
                PartnerScope.EVENTS_SUBSCRIBE), owner), Instant.now());
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> status(TestTokens.member(outsider),
                FUNNEL, communityB) == 200 && status(TestTokens.member(admin), FUNNEL, communityA) == 200
                && status(TestTokens.partner(partnerGranted), FUNNEL, communityA) == 200);
        subscribersSubscription = subscribe(subscriber, communityA);
        grantedPartnersSubscription = subscribe(partnerGranted, communityA);
        subscriptionOfB = subscribe(partnerGranted, communityB);
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsWhatEachRouteDocuments() {
        return matrix(TestTokens.partner(partnerElsewhere), false).tests();
    }

    /** The same routes with a partner granted analytics:read and events:subscribe in A. */
    @TestFactory
    Stream<DynamicTest> partnerGrantedInTheCommunityReachesWhatItsScopesOpen() {
        return matrix(TestTokens.partner(partnerGranted), true).tests("partner granted analytics:read and "
                + "events:subscribe", PARTNER);
    }

    @Test
    void bodyCannotSubscribeForAnotherClientOrCommunity() {
        String id = as(TestTokens.partner(partnerGranted)).body(Map.of("url", HOOK, "eventTypes",
                List.of("hearth.post.created"), "clientId", subscriber, "communityId", communityB))
                .post("/communities/{id}/webhook-subscriptions", communityA)
                .then().statusCode(201).body("clientId", equalTo(partnerGranted))
                .body("communityId", equalTo(communityA)).extract().path("id");
        as(TestTokens.partner(subscriber)).get("/communities/{id}/webhook-subscriptions", communityA)
                .then().statusCode(200).body("id", not(hasItem(id)));
        as(TestTokens.partner(partnerGranted)).get("/communities/{id}/webhook-subscriptions", communityB)
                .then().statusCode(200).body("id", not(hasItem(id)));
    }

    private AccessMatrix matrix(String partnerToken, boolean partnerGrantedHere) {
        AccessMatrix matrix = new AccessMatrix(caller -> switch (caller) {
            case ANONYMOUS -> null;
            case OTHER_ISSUER -> TestTokens.fromIssuer("https://other.example/realms/hearth", owner, "member");
            case EXPIRED -> TestTokens.expired(owner, "member");
            case WRONG_AUDIENCE -> TestTokens.withoutAudience(owner, "member");
            case OUTSIDER -> TestTokens.member(outsider);
            case MEMBER -> TestTokens.member(member);
            case ADMIN -> TestTokens.member(admin);
            case OWNER -> TestTokens.member(owner);
            case OPERATOR -> TestTokens.operator(operator);
            case PARTNER -> partnerToken;
            case PLATFORM_ADMIN -> TestTokens.token(platformAdmin, "platform-admin", "member");
        });
        List<Map<Caller, Integer>> notStaff = List.of(all(403, MEMBER, OUTSIDER, OPERATOR, PLATFORM_ADMIN));
        String subscriptions = "/communities/" + communityA + "/webhook-subscriptions/";
        return matrix
                .route("GET", FUNNEL, caller -> new Call("/communities/" + communityA + "/funnels/lifecycle", null),
                        expect(notStaff, 200, partnerGrantedHere ? 200 : 403))
                .route("GET", PARTICIPATION, caller -> new Call("/communities/" + communityA
                        + "/funnels/participation", null), expect(notStaff, 200, partnerGrantedHere ? 200 : 403))
                .route("GET", QUESTIONS, caller -> new Call("/communities/" + communityA + "/funnels/questions",
                        null), expect(notStaff, 200, partnerGrantedHere ? 200 : 403))
                .route("GET", EVENTS, caller -> new Call("/communities/" + communityA + "/funnels/events", null),
                        expect(notStaff, 200, partnerGrantedHere ? 200 : 403))
                .route("GET", CHALLENGES, caller -> new Call("/communities/" + communityA + "/funnels/challenges",
                        null), expect(notStaff, 200, partnerGrantedHere ? 200 : 403))
                .route("GET", ACQUISITION, caller -> new Call("/communities/" + communityA
                        + "/funnels/acquisition?breakdown=source", null),
                        expect(notStaff, 200, partnerGrantedHere ? 200 : 403))
                // It names members (the referrers): staff only, whatever a partner holds.
                .route("GET", REFERRERS, caller -> new Call("/communities/" + communityA + "/referrers", null),
                        expect(notStaff, 200, 403))
                .route("POST", SUBSCRIPTIONS, caller -> new Call(subscriptions, Map.of("url", HOOK, "eventTypes",
                        List.of("hearth.member.joined"))), merge(List.of(all(403, MEMBER, ADMIN, OWNER, OUTSIDER,
                                OPERATOR, PLATFORM_ADMIN), Map.of(PARTNER, partnerGrantedHere ? 201 : 403))))
                .route("GET", SUBSCRIPTIONS, caller -> new Call(subscriptions, null),
                        expect(notStaff, 200, partnerGrantedHere ? 200 : 403))
                // Staff delete any of the community's subscriptions, the granted partner its own: fresh ones each.
                .route("DELETE", SUBSCRIPTION, caller -> new Call(subscriptions + switch (caller) {
                    case OWNER, ADMIN -> subscribe(subscriber, communityA);
                    case PARTNER -> partnerGrantedHere ? subscribe(partnerGranted, communityA)
                            : subscribersSubscription;
                    default -> subscribersSubscription;
                }, null), expect(notStaff, 204, partnerGrantedHere ? 204 : 403))
                .route("DELETE", SUBSCRIPTION, "another partner's subscription", caller -> new Call(subscriptions
                        + (caller == OWNER || caller == ADMIN ? subscribe(subscriber, communityA)
                                : subscribersSubscription), null),
                        expect(notStaff, 204, partnerGrantedHere ? 404 : 403))
                .route("DELETE", SUBSCRIPTION, "another community's subscription under this one's path",
                        caller -> new Call(subscriptions + subscriptionOfB, null),
                        expect(notStaff, 404, partnerGrantedHere ? 404 : 403))
                .route("GET", DELIVERIES, caller -> new Call(subscriptions + (caller == PARTNER
                        ? grantedPartnersSubscription : subscribersSubscription) + "/deliveries", null),
                        expect(notStaff, 200, partnerGrantedHere ? 200 : 403))
                .route("GET", DELIVERIES, "another partner's subscription",
                        caller -> new Call(subscriptions + subscribersSubscription + "/deliveries", null),
                        expect(notStaff, 200, partnerGrantedHere ? 404 : 403))
                .route("GET", DELIVERIES, "another community's subscription under this one's path",
                        caller -> new Call(subscriptions + subscriptionOfB + "/deliveries", null),
                        expect(notStaff, 404, partnerGrantedHere ? 404 : 403))
                .route("POST", REDRIVE, caller -> new Call(REDRIVE, null), merge(List.of(all(200, PLATFORM_ADMIN),
                        all(403, OUTSIDER, MEMBER, ADMIN, OWNER, OPERATOR, PARTNER))));
    }

    /** Callers who are not staff get what {@code others} says, the owner and admins {@code staff}. */
    private static Map<Caller, Integer> expect(List<Map<Caller, Integer>> others, int staff, int partner) {
        return merge(List.of(others.get(0), all(staff, OWNER, ADMIN), Map.of(PARTNER, partner)));
    }

    private static String subscribe(String client, String community) {
        return as(TestTokens.partner(client)).body(Map.of("url", HOOK, "eventTypes", List.of("hearth.post.created")))
                .post("/communities/{id}/webhook-subscriptions", community).then().statusCode(201).extract()
                .path("id");
    }

    private static int status(String token, String template, String community) {
        return as(token).get(template.replace("{communityId}", community)).statusCode();
    }
}
