package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.Topics;
import io.hearth.contracts.events.MemberBanned;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.MemberUnbanned;
import io.hearth.contracts.events.MemberUnmuted;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Mutes, removals and bans: who may act on whom, what each publishes and audits, and a ban refusing the next join. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class ModerationTest {
    private static final String MUTE = "/communities/{id}/members/{user}/mute";
    private static final String REMOVAL = "/communities/{id}/members/{user}/removal";
    private static final String BANS = "/communities/{id}/bans";
    private static final String BAN = "/communities/{id}/bans/{user}";
    private static final String PROBLEMS = "https://hearth.dev/problems/";

    /** One audit row as a test reads it: action, actor, subject, reason, details. */
    private record Audited(String action, String actor, String subject, String reason, String details) {
    }

    /** A community with its owner, an admin and a plain member. */
    private record Cast(String community, String owner, String admin, String member) {
    }

    @Test
    void staffMuteAMemberAndMutingAgainReplacesTheMute() {
        Cast cast = cast(null);
        Instant before = Instant.now();
        String until = as(TestTokens.member(cast.admin())).body(Map.of("minutes", 60, "reason", "Flooding the chat"))
                .put(MUTE, cast.community(), cast.member())
                .then().statusCode(200).body("communityId", equalTo(cast.community()))
                .body("userId", equalTo(cast.member())).body("reason", equalTo("Flooding the chat"))
                .body("mutedBy", equalTo(cast.admin())).extract().path("until");
        Instant firstEnd = Instant.parse(until);
        assertTrue(!firstEnd.isBefore(before.plus(Duration.ofMinutes(60)).minusSeconds(1))
                && firstEnd.isBefore(Instant.now().plus(Duration.ofMinutes(60)).plusSeconds(1)), until);

        String shorter = as(TestTokens.operator(cast.owner())).body(Map.of("minutes", 5))
                .put(MUTE, cast.community(), cast.member())
                .then().statusCode(200).body("mutedBy", equalTo(cast.owner())).body("reason", nullValue())
                .extract().path("until");
        assertTrue(Instant.parse(shorter).isBefore(firstEnd), "the second mute replaces the first: " + shorter);

        List<MemberMuted> muted = KafkaEvents.awaitEvents(EventType.MEMBER_MUTED,
                e -> e.subject().equals(cast.community()), 2).stream().map(e -> e.data(MemberMuted.class)).toList();
        assertEquals(2, muted.size());
        assertEquals(new MemberMuted(cast.community(), cast.member(), firstEnd, "Flooding the chat", cast.admin()),
                muted.get(0));
        assertEquals(Instant.parse(shorter), muted.get(1).until());
        assertEquals(List.of(new Audited("MUTED", cast.admin(), cast.member(), "Flooding the chat", "until " + until),
                new Audited("MUTED", cast.owner(), cast.member(), null, "until " + shorter)),
                audit(cast.community()));
    }

    @Test
    void unmutingLiftsTheMuteOnceAndThenThereIsNoneToLift() {
        Cast cast = cast(null);
        as(TestTokens.operator(cast.owner())).body(Map.of("minutes", 30)).put(MUTE, cast.community(), cast.member())
                .then().statusCode(200);

        as(TestTokens.member(cast.admin())).delete(MUTE, cast.community(), cast.member()).then().statusCode(204);
        MemberUnmuted unmuted = KafkaEvents.awaitEvent(EventType.MEMBER_UNMUTED,
                e -> e.subject().equals(cast.community())).data(MemberUnmuted.class);
        assertEquals(new MemberUnmuted(cast.community(), cast.member(), cast.admin()), unmuted);
        as(TestTokens.member(cast.admin())).delete(MUTE, cast.community(), cast.member())
                .then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        assertEquals(List.of("MUTED", "UNMUTED"), actions(cast.community()));
    }

    @Test
    void aMuteOutlastsALeaveAndARejoinPublishesItAgainAfterTheJoin() {
        Cast cast = cast(null);
        as(TestTokens.operator(cast.owner())).body(Map.of("minutes", 30, "reason", "flooding"))
                .put(MUTE, cast.community(), cast.member()).then().statusCode(200);
        as(TestTokens.member(cast.member())).delete("/communities/{id}/members/me", cast.community())
                .then().statusCode(204);
        MembershipApi.join(cast.community(), cast.member());

        // The other services forgot the mute with the leave; the rejoin tells them again, after the join.
        List<PublishedEvent> events = KafkaEvents.awaitCommunityEvents(Topics.MEMBERSHIP, cast.community(),
                all -> all.stream().filter(e -> e.is(EventType.MEMBER_MUTED)).count() == 2);
        List<PublishedEvent> members = events.stream().filter(e -> e.is(EventType.MEMBER_JOINED)
                && e.data(MemberJoined.class).userId().equals(cast.member())
                || e.is(EventType.MEMBER_LEFT) || e.is(EventType.MEMBER_MUTED)).toList();
        assertEquals(List.of("hearth.member.joined", "hearth.member.muted", "hearth.member.left",
                "hearth.member.joined", "hearth.member.muted"), members.stream().map(PublishedEvent::type).toList());
        MemberMuted again = members.get(members.size() - 1).data(MemberMuted.class);
        assertEquals("flooding", again.reason());
        // Still muted in membership too: there is a mute to lift.
        as(TestTokens.operator(cast.owner())).delete(MUTE, cast.community(), cast.member()).then().statusCode(204);
    }

    @Test
    void removalEndsTheMembershipFreesThePlaceAndSaysWhoAndWhy() {
        Cast cast = cast(3);
        as(TestTokens.member("newcomer-" + UUID.randomUUID())).body("{}")
                .post("/communities/{id}/members", cast.community()).then().statusCode(422);

        as(TestTokens.member(cast.admin())).body(Map.of("reason", "Spam links")).post(REMOVAL, cast.community(),
                cast.member()).then().statusCode(204);

        MemberLeft left = KafkaEvents.awaitEvent(EventType.MEMBER_LEFT, e -> e.subject().equals(cast.community()))
                .data(MemberLeft.class);
        assertEquals(new MemberLeft(cast.community(), cast.member(), cast.admin(), "Spam links"), left);
        as(TestTokens.operator(cast.owner())).get("/communities/{id}", cast.community())
                .then().statusCode(200).body("memberCount", equalTo(2));
        as(TestTokens.operator(cast.owner())).get("/communities/{id}/members", cast.community())
                .then().statusCode(200).body("items.userId", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem(cast.member())));
        assertEquals(List.of(new Audited("REMOVED", cast.admin(), cast.member(), "Spam links", null)),
                audit(cast.community()));
        // A kick is no ban: the place is free, and the person may come back.
        MembershipApi.join(cast.community(), cast.member());
        assertTrue(KafkaEvents.events(EventType.MEMBER_BANNED, e -> e.subject().equals(cast.community())).isEmpty());
    }

    @Test
    void aBanRefusesEveryJoinUntilItIsLifted() {
        Cast cast = cast(null);
        String code = MembershipApi.createEntry(cast.community(), cast.owner(), "INVITE_LINK");
        as(TestTokens.operator(cast.owner())).body(Map.of("ban", true, "reason", "Harassment"))
                .post(REMOVAL, cast.community(), cast.member()).then().statusCode(204);

        List<PublishedEvent> events = KafkaEvents.awaitCommunityEvents(io.hearth.contracts.events.Topics.MEMBERSHIP,
                cast.community(), found -> found.stream().anyMatch(e -> e.is(EventType.MEMBER_BANNED)));
        List<String> types = events.stream().map(PublishedEvent::type).toList();
        assertEquals(List.of("hearth.member.left", "hearth.member.banned"), types.subList(types.size() - 2,
                types.size()));
        assertEquals(new MemberBanned(cast.community(), cast.member(), "Harassment", cast.owner()),
                events.get(events.size() - 1).data(MemberBanned.class));
        assertEquals(new MemberLeft(cast.community(), cast.member(), cast.owner(), "Harassment"),
                events.get(events.size() - 2).data(MemberLeft.class));

        as(TestTokens.member(cast.member())).body("{}").post("/communities/{id}/members", cast.community())
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "banned"));
        as(TestTokens.member(cast.member())).body(Map.of("entryCode", code))
                .post("/communities/{id}/members", cast.community())
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "banned"));
        as(TestTokens.member(cast.admin())).get(BANS, cast.community()).then().statusCode(200)
                .body("items.userId", equalTo(List.of(cast.member())))
                .body("items[0].reason", equalTo("Harassment")).body("items[0].bannedBy", equalTo(cast.owner()));

        as(TestTokens.member(cast.admin())).delete(BAN, cast.community(), cast.member()).then().statusCode(204);
        assertEquals(new MemberUnbanned(cast.community(), cast.member(), cast.admin()),
                KafkaEvents.awaitEvent(EventType.MEMBER_UNBANNED, e -> e.subject().equals(cast.community()))
                        .data(MemberUnbanned.class));
        MembershipApi.join(cast.community(), cast.member());
        as(TestTokens.member(cast.admin())).delete(BAN, cast.community(), cast.member())
                .then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        assertEquals(List.of(new Audited("BANNED", cast.owner(), cast.member(), "Harassment", null),
                new Audited("UNBANNED", cast.admin(), cast.member(), null, null)), audit(cast.community()));
    }

    @Test
    void onlyTheOwnerActsOnAnAdminAndNobodyOnTheOwnerOrThemself() {
        Cast cast = cast(null);
        String secondAdmin = "admin-" + UUID.randomUUID();
        MembershipApi.join(cast.community(), secondAdmin);
        as(TestTokens.operator(cast.owner())).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", cast.community(), secondAdmin).then().statusCode(200);
        Map<String, Object> mute = Map.of("minutes", 10);

        // An admin on another admin: only the owner may.
        as(TestTokens.member(cast.admin())).body(mute).put(MUTE, cast.community(), secondAdmin)
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        as(TestTokens.member(cast.admin())).body(Map.of()).post(REMOVAL, cast.community(), secondAdmin)
                .then().statusCode(403);
        // Nobody on themself.
        as(TestTokens.member(cast.admin())).body(mute).put(MUTE, cast.community(), cast.admin())
                .then().statusCode(403);
        as(TestTokens.member(cast.admin())).body(Map.of()).post(REMOVAL, cast.community(), cast.admin())
                .then().statusCode(403);
        // Nobody on the owner, the owner included.
        for (String staff : List.of(cast.owner(), cast.admin())) {
            as(TestTokens.operator(staff)).body(mute).put(MUTE, cast.community(), cast.owner())
                    .then().statusCode(409).body("type", equalTo(PROBLEMS + "owner-immutable"));
            as(TestTokens.operator(staff)).body(Map.of("ban", true)).post(REMOVAL, cast.community(), cast.owner())
                    .then().statusCode(409).body("type", equalTo(PROBLEMS + "owner-immutable"));
            as(TestTokens.operator(staff)).delete(MUTE, cast.community(), cast.owner()).then().statusCode(409);
        }
        // A plain member moderates nobody; staff of another community nobody here.
        as(TestTokens.member(cast.member())).body(mute).put(MUTE, cast.community(), secondAdmin)
                .then().statusCode(403);
        Cast other = cast(null);
        as(TestTokens.operator(other.owner())).body(mute).put(MUTE, cast.community(), cast.member())
                .then().statusCode(403);
        as(TestTokens.operator(other.owner())).get(BANS, cast.community()).then().statusCode(403);
        as(TestTokens.member(cast.member())).delete(BAN, cast.community(), cast.admin()).then().statusCode(403);

        // Someone who is not a member here (a member of the other community) is not found.
        as(TestTokens.operator(cast.owner())).body(mute).put(MUTE, cast.community(), other.member())
                .then().statusCode(404);
        as(TestTokens.operator(cast.owner())).body(Map.of()).post(REMOVAL, cast.community(), other.member())
                .then().statusCode(404);

        // The owner acts on an admin; every refusal above changed nothing and published nothing.
        assertTrue(audit(cast.community()).stream().noneMatch(a -> !a.action().equals("ROLE_CHANGED")));
        as(TestTokens.operator(cast.owner())).body(mute).put(MUTE, cast.community(), secondAdmin)
                .then().statusCode(200);
        as(TestTokens.operator(cast.owner())).body(Map.of()).post(REMOVAL, cast.community(), secondAdmin)
                .then().statusCode(204);
        assertEquals(1, KafkaEvents.awaitEvents(EventType.MEMBER_MUTED, e -> e.subject().equals(cast.community()), 1)
                .size());
    }

    @Test
    void badMinutesOrReasonIsRefusedAndChangesNothing() {
        Cast cast = cast(null);
        String longReason = "x".repeat(501);
        for (Object minutes : new Object[] { 0, 43_201, -5 }) {
            as(TestTokens.operator(cast.owner())).body(Map.of("minutes", minutes)).put(MUTE, cast.community(),
                    cast.member()).then().statusCode(400).body("violations[0].field", equalTo("minutes"));
        }
        as(TestTokens.operator(cast.owner())).body(Map.of("reason", "no minutes")).put(MUTE, cast.community(),
                cast.member()).then().statusCode(400).body("violations[0].field", equalTo("minutes"));
        as(TestTokens.operator(cast.owner())).body(Map.of("minutes", 5, "reason", longReason))
                .put(MUTE, cast.community(), cast.member())
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        as(TestTokens.operator(cast.owner())).body(Map.of("ban", true, "reason", longReason))
                .post(REMOVAL, cast.community(), cast.member())
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        as(TestTokens.operator(cast.owner())).body(Map.of("minutes", 43_200, "reason", "x".repeat(500)))
                .put(MUTE, cast.community(), cast.member()).then().statusCode(200);

        as(TestTokens.operator(cast.owner())).get("/communities/{id}/members", cast.community())
                .then().statusCode(200).body("items.size()", equalTo(3));
        assertEquals(List.of("MUTED"), actions(cast.community()));
    }

    /** A community (with {@code sizeCap}, or none) whose owner made one member an admin, and one plain member. */
    private static Cast cast(Integer sizeCap) {
        String owner = "owner-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, sizeCap);
        MembershipApi.join(community, admin);
        MembershipApi.join(community, member);
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", community, admin).then().statusCode(200);
        return new Cast(community, owner, admin, member);
    }

    /** The community's audit other than the role change that made the cast's admin, in the order it was written. */
    private static List<Audited> audit(String community) {
        try (Connection db = HearthTestResource.openDatabase(); PreparedStatement query = db.prepareStatement(
                "select action, actor_id, subject_id, reason, details from audit_entry"
                        + " where community_id = ?::uuid order by seq")) {
            query.setString(1, community);
            List<Audited> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Audited audited = new Audited(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5));
                    rows.add(audited);
                }
            }
            return rows.size() > 0 && rows.get(0).action().equals("ROLE_CHANGED") ? rows.subList(1, rows.size())
                    : rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> actions(String community) {
        return audit(community).stream().map(Audited::action).toList();
    }
}
