package io.hearth.monetization;

import static io.hearth.testing.AccessMatrix.Caller.ADMIN;
import static io.hearth.testing.AccessMatrix.Caller.ANONYMOUS;
import static io.hearth.testing.AccessMatrix.Caller.EXPIRED;
import static io.hearth.testing.AccessMatrix.Caller.MEMBER;
import static io.hearth.testing.AccessMatrix.Caller.OPERATOR;
import static io.hearth.testing.AccessMatrix.Caller.OTHER_ISSUER;
import static io.hearth.testing.AccessMatrix.Caller.OUTSIDER;
import static io.hearth.testing.AccessMatrix.Caller.OWNER;
import static io.hearth.testing.AccessMatrix.Caller.PARTNER;
import static io.hearth.testing.AccessMatrix.Caller.PLATFORM_ADMIN;
import static io.hearth.testing.AccessMatrix.Caller.WRONG_AUDIENCE;
import static io.hearth.testing.AccessMatrix.expect;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.testing.AccessMatrix;
import io.hearth.testing.AccessMatrix.Call;
import io.hearth.testing.AccessMatrix.Caller;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every monetization route called by every kind of caller; each gets exactly the status its documentation lists.
 * Who holds which role comes from membership's events, as in production. Orders and plans are new on every call, so
 * no caller's answer depends on an earlier one's.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class AuthorizationMatrixTest {
    private static final String PLANS = "/communities/{communityId}/plans";
    private static final String ORDERS = "/communities/{communityId}/orders";
    private static final String ORDER = "/communities/{communityId}/orders/{orderId}";
    private static final String WEBHOOK = "/payments/webhook";
    private static final String REDRIVE = "/admin/dead-letters/redrive";

    private final String ownerId = "owner-" + UUID.randomUUID();
    private final String adminId = "admin-" + UUID.randomUUID();
    private final String memberId = "member-" + UUID.randomUUID();
    /** Admin of the other community, member of none here. */
    private final String outsiderId = "outsider-" + UUID.randomUUID();
    private final String operatorId = "operator-" + UUID.randomUUID();
    private final String platformAdminId = "platform-admin-" + UUID.randomUUID();
    private final String partnerClient = "crm-" + UUID.randomUUID();

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEachCallerAsDocumented() {
        String community = MonetizationApi.community(ownerId);
        MonetizationApi.join(community, adminId, CommunityRole.ADMIN);
        MonetizationApi.join(community, memberId, CommunityRole.MEMBER);
        String plan = MonetizationApi.createPlan(community, ownerId, 4900, "CNY");
        String otherBuyer = "buyer-" + UUID.randomUUID();
        MonetizationApi.join(community, otherBuyer, CommunityRole.MEMBER);
        String membersOrder = MonetizationApi.placeOrder(community, plan, memberId);
        String otherBuyersOrder = MonetizationApi.placeOrder(community, plan, otherBuyer);

        String otherOwner = "owner-" + UUID.randomUUID();
        String otherCommunity = MonetizationApi.community(otherOwner);
        MonetizationApi.join(otherCommunity, outsiderId, CommunityRole.ADMIN);
        String otherPlan = MonetizationApi.createPlan(otherCommunity, otherOwner, 100, "EUR");
        String otherMember = "member-" + UUID.randomUUID();
        MonetizationApi.join(otherCommunity, otherMember, CommunityRole.MEMBER);
        String otherCommunitysOrder = MonetizationApi.placeOrder(otherCommunity, otherPlan, otherMember);

        AccessMatrix matrix = new AccessMatrix(this::token);
        matrix.route("POST", PLANS, caller -> new Call(path(PLANS, community), Map.of("name", "Monthly " + caller,
                "price", Map.of("amountMinor", 990, "currency", "CNY"), "periodDays", 30)),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 201, OWNER, 201, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        matrix.route("GET", PLANS, caller -> new Call(path(PLANS, community), null),
                expect(OUTSIDER, 403, MEMBER, 200, ADMIN, 200, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));

        // Any current member orders, each call with its own Idempotency-Key so that none replays another's order.
        matrix.route("POST", ORDERS, caller -> new Call(path(ORDERS, community), Map.of("planId", plan),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                expect(OUTSIDER, 403, MEMBER, 201, ADMIN, 201, OWNER, 201, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        // Another community's plan in this community's order is refused, for those who may order here at all.
        matrix.route("POST", ORDERS, caller -> new Call(path(ORDERS, community), Map.of("planId", otherPlan),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                expect(OUTSIDER, 403, MEMBER, 422, ADMIN, 422, OWNER, 422, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));

        // An order: its buyer and the community's staff read it; another member does not.
        matrix.route("GET", ORDER, caller -> new Call(path(ORDER, community, membersOrder), null),
                expect(OUTSIDER, 403, MEMBER, 200, ADMIN, 200, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        matrix.route("GET", ORDER, caller -> new Call(path(ORDER, community, otherBuyersOrder), null),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 200, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        // Another community's order under this community's id: staff learn it is not here, nobody reads it.
        matrix.route("GET", ORDER, caller -> new Call(path(ORDER, community, otherCommunitysOrder), null),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 404, OWNER, 404, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));

        // The provider's callback is signed, not authenticated: whatever bearer token comes with it, a correctly
        // signed callback settles its own fresh order.
        matrix.route("POST", WEBHOOK, caller -> signedCallback(community, plan),
                expect(ANONYMOUS, 200, OTHER_ISSUER, 200, EXPIRED, 200, WRONG_AUDIENCE, 200, OUTSIDER, 200,
                        MEMBER, 200, ADMIN, 200, OWNER, 200, OPERATOR, 200, PARTNER, 200, PLATFORM_ADMIN, 200));

        // Re-driving this service's dead letters is harmless here (the test broker's dead-letter topic).
        matrix.route("POST", REDRIVE, caller -> new Call(REDRIVE, null),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 403, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 200));
        return matrix.tests();
    }

    private String token(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case OTHER_ISSUER -> TestTokens.fromIssuer("https://elsewhere.example/realms/hearth", memberId, "member");
            case EXPIRED -> TestTokens.expired(memberId, "member");
            case WRONG_AUDIENCE -> TestTokens.withoutAudience(memberId, "member");
            case OUTSIDER -> TestTokens.member(outsiderId);
            case MEMBER -> TestTokens.member(memberId);
            case ADMIN -> TestTokens.member(adminId);
            case OWNER -> TestTokens.operator(ownerId);
            case OPERATOR -> TestTokens.operator(operatorId);
            case PARTNER -> TestTokens.partner(partnerClient);
            case PLATFORM_ADMIN -> TestTokens.token(platformAdminId, "platform-admin");
        };
    }

    /** A new pending order of the member, and the provider's signed SUCCEEDED callback for it. */
    private Call signedCallback(String community, String plan) {
        String order = MonetizationApi.placeOrder(community, plan, memberId);
        String body = MonetizationApi.callbackBody(order, "SUCCEEDED", "pay-" + UUID.randomUUID());
        return new Call(WEBHOOK, body, Map.of("Hearth-Signature", MonetizationApi.sign(
                body.getBytes(StandardCharsets.UTF_8), MonetizationApi.WEBHOOK_SECRET)));
    }

    private static String path(String template, String communityId, String... more) {
        String path = template.replace("{communityId}", communityId);
        for (String id : more) {
            path = path.replaceFirst("\\{[a-zA-Z]+}", id);
        }
        return path;
    }
}
