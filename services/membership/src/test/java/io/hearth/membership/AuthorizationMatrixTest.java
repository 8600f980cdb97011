package io.hearth.membership;

import static io.hearth.membership.MembershipApi.createCommunity;
import static io.hearth.membership.MembershipApi.join;
import static io.hearth.testing.AccessMatrix.Caller.ADMIN;
import static io.hearth.testing.AccessMatrix.Caller.MEMBER;
import static io.hearth.testing.AccessMatrix.Caller.OPERATOR;
import static io.hearth.testing.AccessMatrix.Caller.OUTSIDER;
import static io.hearth.testing.AccessMatrix.Caller.OWNER;
import static io.hearth.testing.AccessMatrix.Caller.PARTNER;
import static io.hearth.testing.AccessMatrix.Caller.PLATFORM_ADMIN;
import static io.hearth.testing.AccessMatrix.expect;
import static io.hearth.testing.Requests.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.hearth.testing.AccessMatrix;
import io.hearth.testing.AccessMatrix.Call;
import io.hearth.testing.AccessMatrix.Caller;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every membership route called by every kind of caller; each gets exactly the status its documentation lists.
 * Routes that change who holds which role run on a fresh community per caller, with its own owner, admin and member,
 * so that each answer is about the caller and not about what an earlier caller did.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class AuthorizationMatrixTest {
    private static final String COMMUNITY = "/communities/{communityId}";
    private static final String ENTRIES = "/communities/{communityId}/entries";
    private static final String MEMBERS = "/communities/{communityId}/members";
    private static final String LEAVE = "/communities/{communityId}/members/me";
    private static final String ROLE = "/communities/{communityId}/members/{userId}/role";
    private static final String MUTE = "/communities/{communityId}/members/{userId}/mute";
    private static final String REMOVAL = "/communities/{communityId}/members/{userId}/removal";
    private static final String BANS = "/communities/{communityId}/bans";
    private static final String BAN = "/communities/{communityId}/bans/{userId}";
    private static final String TAGS = "/communities/{communityId}/members/{userId}/tags";
    private static final String PARTNERS = "/communities/{communityId}/partners";
    private static final String GRANT = "/communities/{communityId}/partners/{clientId}";
    private static final String REDRIVE = "/admin/dead-letters/redrive";
    private static final String OWNER_ROUTE = "/communities/{communityId}/owner";
    private static final String APPLICATIONS = "/communities/{communityId}/applications";
    private static final String DECISION = "/communities/{communityId}/applications/{applicationId}/decision";
    private static final String AUDIT = "/communities/{communityId}/audit";
    private static final String ENTRY_PREVIEW = "/entries/{code}";
    private static final String LIVE_CODES = "/live-codes";
    private static final String LIVE_CODE = "/live-codes/{code}";
    private static final String LIVE_CODE_MEMBERS = "/live-codes/{code}/members";

    /** A community with its staff and one plain member. */
    private record Cast(String communityId, String ownerId, String adminId, String memberId) {
    }

    private final String operatorId = "operator-" + UUID.randomUUID();
    private final String platformAdminId = "platform-admin-" + UUID.randomUUID();
    /** The partner client without a grant in the communities under test; it holds members:read in the other one. */
    private final String partnerClient = "crm-" + UUID.randomUUID();
    /** A partner client granted members:read in every community under test. */
    private final String grantedClient = "granted-crm-" + UUID.randomUUID();
    /** The other community; the outsider is an admin there, so staff of one community try another. */
    private Cast other;
    /** A referral code of the other community. */
    private String otherEntryCode;
    private Cast shared;
    /** An invite link and a live code of the shared community, for the public previews. */
    private String sharedEntryCode;
    private String sharedLiveCode;
    /** The community the call being made is about; the tokens of its people follow it. */
    private volatile Cast current;

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEachCallerAsDocumented() {
        arrangeCommunities();
        AccessMatrix matrix = new AccessMatrix(this::token);
        routes(matrix, false);
        return matrix.tests();
    }

    /**
     * The same routes for a partner that holds members:read in the community: it reads the member list and nothing
     * else, and cannot widen or manage its own grant.
     */
    @TestFactory
    Stream<DynamicTest> aGrantedPartnerReadsMembersAndNothingElse() {
        arrangeCommunities();
        AccessMatrix matrix = new AccessMatrix("partner granted members:read",
                caller -> caller == PARTNER ? TestTokens.partner(grantedClient) : token(caller));
        routes(matrix, true);
        return matrix.tests();
    }

    /** {@code partnerGranted}: whether the matrix's PARTNER holds members:read in the community under test. */
    private void routes(AccessMatrix matrix, boolean partnerGranted) {
        matrix.route("POST", "/communities", caller -> new Call("/communities", Map.of("name", "Matrix " + caller,
                "theme", "Who may found a community", "kind", "HOBBY")),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 201, OPERATOR, 201, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        matrix.route("GET", COMMUNITY, caller -> new Call(path(COMMUNITY, shared), null),
                expect(OUTSIDER, 403, MEMBER, 200, ADMIN, 200, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        // Settings: staff change them; each caller on a community of its own.
        matrix.route("PATCH", COMMUNITY, caller -> new Call(path(COMMUNITY, fresh(caller)),
                Map.of("rules", "Rules by " + caller)),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 200, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        // Ownership: the owner alone hands it over, to a member; not to themself.
        matrix.route("PUT", OWNER_ROUTE, caller -> {
            Cast cast = fresh(caller);
            return new Call(path(OWNER_ROUTE, cast), Map.of("userId", cast.memberId()));
        }, expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                PLATFORM_ADMIN, 403));
        matrix.route("PUT", OWNER_ROUTE, caller -> {
            Cast cast = fresh(caller);
            return new Call(path(OWNER_ROUTE, cast), Map.of("userId", other.memberId()));
        }, expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 404, OPERATOR, 403, PARTNER, 403,
                PLATFORM_ADMIN, 403));
        matrix.route("PUT", OWNER_ROUTE, caller -> {
            Cast cast = fresh(caller);
            return new Call(path(OWNER_ROUTE, cast), Map.of("userId", cast.ownerId()));
        }, expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 409, OPERATOR, 403, PARTNER, 403,
                PLATFORM_ADMIN, 403));

        // Screening: staff list and decide applications; the applicant is nobody's staff.
        matrix.route("GET", APPLICATIONS, caller -> new Call(path(APPLICATIONS, shared), null),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 200, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        matrix.route("POST", DECISION, caller -> {
            Cast cast = fresh(caller);
            return new Call(path(DECISION, cast, application(caller, cast)), Map.of("approve", true));
        }, expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 200, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                PLATFORM_ADMIN, 403));
        matrix.route("GET", AUDIT, caller -> new Call(path(AUDIT, shared), null),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 200, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));

        matrix.route("POST", ENTRIES, caller -> new Call(path(ENTRIES, shared), Map.of("channel", "INVITE_LINK")),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 201, OWNER, 201, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));

        // Any member may create a referral entry, whose referrer they are; other channels are for staff (above).
        matrix.route("POST", ENTRIES, "a referral", caller -> new Call(path(ENTRIES, shared),
                Map.of("channel", "REFERRAL")),
                expect(OUTSIDER, 403, MEMBER, 201, ADMIN, 201, OWNER, 201, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        // Previews need no token: whoever opens the link, with whatever token (an unusable one is ignored), sees it.
        matrix.route("GET", ENTRY_PREVIEW, caller -> new Call(ENTRY_PREVIEW.replace("{code}", sharedEntryCode), null),
                AccessMatrix.all(200, Caller.values()));
        matrix.route("GET", LIVE_CODE, caller -> new Call(LIVE_CODE.replace("{code}", sharedLiveCode), null),
                AccessMatrix.all(200, Caller.values()));
        // Only the owner of every pooled community makes a live code over them.
        matrix.route("POST", LIVE_CODES, caller -> {
            current = shared;
            return new Call(LIVE_CODES, Map.of("name", "Poster " + caller, "communityIds",
                    List.of(shared.communityId()), "overflow", true));
        },
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 201, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        // Joining through a live code: as joining directly, each caller on a live code over a community of its own.
        matrix.route("POST", LIVE_CODE_MEMBERS, caller -> {
            Cast cast = fresh(caller);
            String code = MembershipApi.createLiveCode(cast.ownerId(), true, cast.communityId());
            current = cast;
            return new Call(LIVE_CODE_MEMBERS.replace("{code}", code), Map.of());
        }, expect(OUTSIDER, 201, MEMBER, 409, ADMIN, 409, OWNER, 409, OPERATOR, 201, PARTNER, 403,
                PLATFORM_ADMIN, 403));

        // Joining: people with the realm role member may join an open community once; partners and a bare platform
        // admin may not. Each caller tries a community of its own.
        matrix.route("POST", MEMBERS, caller -> new Call(path(MEMBERS, fresh(caller)), Map.of()),
                expect(OUTSIDER, 201, MEMBER, 409, ADMIN, 409, OWNER, 409, OPERATOR, 201, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        // Another community's entry code cannot attribute a join here (nor credit its referrer).
        matrix.route("POST", MEMBERS, caller -> new Call(path(MEMBERS, fresh(caller)),
                Map.of("entryCode", otherEntryCode)),
                expect(OUTSIDER, 400, MEMBER, 409, ADMIN, 409, OWNER, 409, OPERATOR, 400, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        matrix.route("DELETE", LEAVE, caller -> new Call(path(LEAVE, fresh(caller)), null),
                expect(OUTSIDER, 404, MEMBER, 204, ADMIN, 204, OWNER, 409, OPERATOR, 404, PARTNER, 404,
                        PLATFORM_ADMIN, 404));

        // Only the owner changes roles: a member cannot make themself admin, nor an admin themself or anyone else.
        matrix.route("PUT", ROLE, caller -> {
            Cast cast = fresh(caller);
            return new Call(path(ROLE, cast, cast.memberId()), Map.of("role", "ADMIN"));
        }, expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                PLATFORM_ADMIN, 403));
        matrix.route("PUT", ROLE, caller -> {
            Cast cast = fresh(caller);
            return new Call(path(ROLE, cast, self(caller, cast)), Map.of("role", "ADMIN"));
        }, expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 409, OPERATOR, 403, PARTNER, 403,
                PLATFORM_ADMIN, 403));
        // Ownership is never handed over this way, whoever asks.
        matrix.route("PUT", ROLE, caller -> {
            Cast cast = fresh(caller);
            return new Call(path(ROLE, cast, cast.adminId()), Map.of("role", "OWNER"));
        }, expect(OUTSIDER, 400, MEMBER, 400, ADMIN, 400, OWNER, 400, OPERATOR, 400, PARTNER, 400,
                PLATFORM_ADMIN, 400));
        // Another community's person in this community's path: not a member here, whatever role they hold there.
        matrix.route("PUT", ROLE, caller -> {
            Cast cast = fresh(caller);
            return new Call(path(ROLE, cast, other.memberId()), Map.of("role", "ADMIN"));
        }, expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 404, OPERATOR, 403, PARTNER, 403,
                PLATFORM_ADMIN, 403));

        // Moderation: staff act on plain members, only the owner on an admin, nobody on the owner or themself.
        matrix.route("PUT", MUTE, "a plain member", caller -> {
            Cast cast = fresh(caller);
            return new Call(path(MUTE, cast, cast.memberId()), Map.of("minutes", 30, "reason", "Flooding"));
        }, expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 200, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                PLATFORM_ADMIN, 403));
        matrix.route("PUT", MUTE, "an admin", caller -> {
            Cast cast = fresh(caller);
            return new Call(path(MUTE, cast, cast.adminId()), Map.of("minutes", 30));
        }, expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                PLATFORM_ADMIN, 403));
        matrix.route("PUT", MUTE, "the owner", caller -> new Call(path(MUTE, shared, shared.ownerId()),
                Map.of("minutes", 30)), expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 409, OWNER, 409, OPERATOR, 403,
                        PARTNER, 403, PLATFORM_ADMIN, 403));
        matrix.route("PUT", MUTE, "another community's member", caller -> new Call(path(MUTE, shared,
                other.memberId()), Map.of("minutes", 30)), expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 404, OWNER, 404,
                        OPERATOR, 403, PARTNER, 403, PLATFORM_ADMIN, 403));
        matrix.route("PUT", MUTE, "minutes out of range", caller -> new Call(path(MUTE, shared, shared.memberId()),
                Map.of("minutes", 43_201)), expect(OUTSIDER, 400, MEMBER, 400, ADMIN, 400, OWNER, 400, OPERATOR, 400,
                        PARTNER, 400, PLATFORM_ADMIN, 400));
        matrix.route("DELETE", MUTE, "a muted member", caller -> {
            Cast cast = fresh(caller);
            if (!caller.unauthenticated()) {
                // Not on the shared community: its member stays unmuted for the row after this one.
                mute(cast, cast.memberId());
            }
            return new Call(path(MUTE, cast, cast.memberId()), null);
        }, expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 204, OWNER, 204, OPERATOR, 403, PARTNER, 403,
                PLATFORM_ADMIN, 403));
        matrix.route("DELETE", MUTE, "a member not muted", caller -> new Call(path(MUTE, shared, shared.memberId()),
                null), expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 404, OWNER, 404, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        matrix.route("DELETE", MUTE, "the owner", caller -> new Call(path(MUTE, shared, shared.ownerId()), null),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 409, OWNER, 409, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        matrix.route("POST", REMOVAL, "a plain member, banned", caller -> {
            Cast cast = fresh(caller);
            return new Call(path(REMOVAL, cast, cast.memberId()), Map.of("ban", true, "reason", "Spam"));
        }, expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 204, OWNER, 204, OPERATOR, 403, PARTNER, 403,
                PLATFORM_ADMIN, 403));
        matrix.route("POST", REMOVAL, "an admin", caller -> {
            Cast cast = fresh(caller);
            return new Call(path(REMOVAL, cast, cast.adminId()), Map.of());
        }, expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 204, OPERATOR, 403, PARTNER, 403,
                PLATFORM_ADMIN, 403));
        matrix.route("POST", REMOVAL, "the owner", caller -> new Call(path(REMOVAL, shared, shared.ownerId()),
                Map.of("ban", true)), expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 409, OWNER, 409, OPERATOR, 403,
                        PARTNER, 403, PLATFORM_ADMIN, 403));
        matrix.route("POST", REMOVAL, "another community's member", caller -> new Call(path(REMOVAL, shared,
                other.memberId()), Map.of()), expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 404, OWNER, 404,
                        OPERATOR, 403, PARTNER, 403, PLATFORM_ADMIN, 403));
        matrix.route("POST", REMOVAL, "a reason over 500 characters", caller -> new Call(path(REMOVAL, shared,
                shared.memberId()), Map.of("reason", "x".repeat(501))), expect(OUTSIDER, 400, MEMBER, 400,
                        ADMIN, 400, OWNER, 400, OPERATOR, 400, PARTNER, 400, PLATFORM_ADMIN, 400));
        matrix.route("GET", BANS, caller -> new Call(path(BANS, shared), null),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 200, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        matrix.route("DELETE", BAN, "a banned person", caller -> {
            Cast cast = fresh(caller);
            return new Call(path(BAN, cast, caller.unauthenticated() ? cast.memberId() : banned(cast)), null);
        }, expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 204, OWNER, 204, OPERATOR, 403, PARTNER, 403,
                PLATFORM_ADMIN, 403));
        matrix.route("DELETE", BAN, "a person not banned", caller -> new Call(path(BAN, shared, shared.memberId()),
                null), expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 404, OWNER, 404, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));

        matrix.route("GET", MEMBERS, caller -> new Call(path(MEMBERS, shared), null),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 200, OWNER, 200, OPERATOR, 403,
                        PARTNER, partnerGranted ? 200 : 403, PLATFORM_ADMIN, 403));

        // The directory's filters are checked before anything else: a bad one is a 400 for whoever asks.
        matrix.route("GET", MEMBERS, caller -> new Call(path(MEMBERS, shared) + "?role=KING", null),
                expect(OUTSIDER, 400, MEMBER, 400, ADMIN, 400, OWNER, 400, OPERATOR, 400, PARTNER, 400,
                        PLATFORM_ADMIN, 400));

        // Manual tags: the owner and admins set them; setting the same tags again is harmless.
        matrix.route("PUT", TAGS, caller -> new Call(path(TAGS, shared, shared.memberId()),
                Map.of("tags", List.of("mentor"))),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 200, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        matrix.route("PUT", TAGS, caller -> new Call(path(TAGS, shared, other.memberId()),
                Map.of("tags", List.of("mentor"))),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 404, OWNER, 404, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        // An automatic tag's name is refused whoever asks, before the role is looked at.
        matrix.route("PUT", TAGS, caller -> new Call(path(TAGS, shared, shared.memberId()),
                Map.of("tags", List.of("key-member"))),
                expect(OUTSIDER, 400, MEMBER, 400, ADMIN, 400, OWNER, 400, OPERATOR, 400, PARTNER, 400,
                        PLATFORM_ADMIN, 400));

        // Partner grants: the owner alone grants and revokes, staff read them; a partner manages none, its own
        // included.
        matrix.route("GET", PARTNERS, caller -> new Call(path(PARTNERS, shared), null),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 200, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        matrix.route("PUT", GRANT, caller -> new Call(path(GRANT, fresh(caller), partnerGranted ? grantedClient : partnerClient),
                Map.of("scopes", List.of("members:read", "posts:write", "analytics:read", "events:subscribe"))),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 200, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));
        matrix.route("DELETE", GRANT, caller -> new Call(path(GRANT, fresh(caller), grantedClient), null),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 204, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 403));

        // Re-driving this service's dead letters is harmless here (the test broker's dead-letter topic).
        matrix.route("POST", REDRIVE, caller -> new Call(REDRIVE, null),
                expect(OUTSIDER, 403, MEMBER, 403, ADMIN, 403, OWNER, 403, OPERATOR, 403, PARTNER, 403,
                        PLATFORM_ADMIN, 200));
    }

    private synchronized void arrangeCommunities() {
        if (shared == null) {
            other = cast();
            grant(other, partnerClient, "members:read");
            otherEntryCode = MembershipApi.createEntry(other.communityId(), other.ownerId(), "REFERRAL");
            shared = cast();
            sharedEntryCode = MembershipApi.createEntry(shared.communityId(), shared.ownerId(), "INVITE_LINK");
            sharedLiveCode = MembershipApi.createLiveCode(shared.ownerId(), false, shared.communityId());
            current = shared;
        }
    }

    /**
     * The token of each kind of caller; the owner, admin and member are those of the community the call is about
     * (set by {@link #path}).
     */
    private String token(Caller caller) {
        Cast cast = current;
        return switch (caller) {
            case ANONYMOUS -> null;
            case OTHER_ISSUER -> TestTokens.fromIssuer("https://elsewhere.example/realms/hearth", cast.memberId(),
                    "member");
            case EXPIRED -> TestTokens.expired(cast.memberId(), "member");
            case WRONG_AUDIENCE -> TestTokens.withoutAudience(cast.memberId(), "member");
            case OUTSIDER -> TestTokens.member(other.adminId());
            case MEMBER -> TestTokens.member(cast.memberId());
            case ADMIN -> TestTokens.member(cast.adminId());
            case OWNER -> TestTokens.operator(cast.ownerId());
            case OPERATOR -> TestTokens.operator(operatorId);
            case PARTNER -> TestTokens.partner(partnerClient);
            case PLATFORM_ADMIN -> TestTokens.token(platformAdminId, "platform-admin");
        };
    }

    /** A community of its own for a caller that could change something; the shared one for callers refused 401. */
    private Cast fresh(Caller caller) {
        return caller.unauthenticated() ? shared : cast();
    }

    /** A new community with an owner, an admin, a plain member and the granted partner (members:read). */
    private Cast cast() {
        String owner = "owner-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        String community = createCommunity(owner, null);
        join(community, admin);
        join(community, member);
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put(ROLE.replace("{communityId}", community).replace("{userId}", admin)).then().statusCode(200);
        Cast cast = new Cast(community, owner, admin, member);
        grant(cast, grantedClient, "members:read");
        return cast;
    }

    /**
     * A pending application to the cast's community, which starts screening newcomers for it; a made-up id for
     * callers refused 401, who never reach it.
     */
    private static String application(Caller caller, Cast cast) {
        if (caller.unauthenticated()) {
            return UUID.randomUUID().toString();
        }
        MembershipApi.update(cast.communityId(), cast.ownerId(), Map.of("admission", "APPROVAL"));
        return MembershipApi.apply(cast.communityId(), "applicant-" + UUID.randomUUID(), List.of());
    }

    private static void mute(Cast cast, String userId) {
        as(TestTokens.operator(cast.ownerId())).body(Map.of("minutes", 30))
                .put(MUTE.replace("{communityId}", cast.communityId()).replace("{userId}", userId))
                .then().statusCode(200);
    }

    /** A person who joined the community and was removed with a ban by its owner. */
    private static String banned(Cast cast) {
        String person = "banned-" + UUID.randomUUID();
        join(cast.communityId(), person);
        as(TestTokens.operator(cast.ownerId())).body(Map.of("ban", true))
                .post(REMOVAL.replace("{communityId}", cast.communityId()).replace("{userId}", person))
                .then().statusCode(204);
        return person;
    }

    private static void grant(Cast cast, String client, String... scopes) {
        as(TestTokens.operator(cast.ownerId())).body(Map.of("scopes", List.of(scopes)))
                .put(GRANT.replace("{communityId}", cast.communityId()).replace("{clientId}", client))
                .then().statusCode(200);
    }

    private String self(Caller caller, Cast cast) {
        return switch (caller) {
            case OWNER -> cast.ownerId();
            case ADMIN -> cast.adminId();
            case MEMBER -> cast.memberId();
            case OUTSIDER -> other.adminId();
            case OPERATOR -> operatorId;
            case PARTNER -> "service-account-" + partnerClient;
            case PLATFORM_ADMIN -> platformAdminId;
            default -> cast.memberId();
        };
    }

    /** The path for {@code cast}'s community, whose people make the call. */
    private String path(String template, Cast cast, String... more) {
        current = cast;
        String path = template.replace("{communityId}", cast.communityId());
        for (String id : more) {
            path = path.replaceFirst("\\{[a-zA-Z]+}", id);
        }
        return path;
    }
}
