package io.hearth.membership;

import static io.hearth.testing.Requests.as;
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
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.RuleBreached;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The automatic mute, driven through the broker: content's hearth.rule.breached asking for a mute makes membership
 * mute the member as staff would (hearth.member.muted by hearth, audited), and only a current plain member, never for
 * less time than a mute they already have.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class AutoMuteTest {
    private static final String MUTE = "/communities/{id}/members/{user}/mute";

    @Test
    void aBreachThatAsksForAMuteMutesTheMemberAsStaffWould() {
        String owner = "owner-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        MembershipApi.join(community, member);
        Instant breachedAt = Instant.now();

        KafkaEvents.publish(new RuleBreached(community, member, "blocked-word", 3, 30), breachedAt);

        MemberMuted muted = KafkaEvents.awaitEvent(EventType.MEMBER_MUTED, e -> e.subject().equals(community))
                .data(MemberMuted.class);
        String reason = "Broke the moderation rule blocked-word: 3 breaches in 24 hours";
        assertEquals(member, muted.userId());
        assertEquals("hearth", muted.mutedBy());
        assertEquals(reason, muted.reason());
        assertEquals(breachedAt.plus(Duration.ofMinutes(30)).toEpochMilli(), muted.until().toEpochMilli());
        assertEquals(List.of(List.of("MUTED", "hearth", member, reason, "until " + muted.until())), audit(community));
        // Membership holds the mute as one of staff's: there is a mute for staff to lift.
        as(TestTokens.operator(owner)).delete(MUTE, community, member).then().statusCode(204);
    }

    @Test
    void staffLeaversBreachesWithoutAMuteAndLongerMutesAreLeftAlone() {
        String owner = "owner-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        String longMuted = "muted-" + UUID.randomUUID();
        String leaver = "leaver-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        for (String person : List.of(admin, member, longMuted, leaver)) {
            MembershipApi.join(community, person);
        }
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", community, admin).then().statusCode(200);
        as(TestTokens.member(leaver)).delete("/communities/{id}/members/me", community).then().statusCode(204);
        String longUntil = as(TestTokens.operator(owner)).body(Map.of("minutes", 600, "reason", "Cooling off"))
                .put(MUTE, community, longMuted).then().statusCode(200).extract().path("until");

        Instant now = Instant.now();
        KafkaEvents.publish(new RuleBreached(community, admin, "link", 3, 30), now);
        KafkaEvents.publish(new RuleBreached(community, owner, "link", 3, 30), now);
        KafkaEvents.publish(new RuleBreached(community, leaver, "flood", 3, 30), now);
        KafkaEvents.publish(new RuleBreached(community, member, "flood", 1, null), now);
        KafkaEvents.publish(new RuleBreached(community, longMuted, "flood", 3, 30), now);
        // A breach an hour old asking for 30 minutes would have run out already.
        KafkaEvents.publish(new RuleBreached(community, member, "flood", 3, 30), now.minus(Duration.ofHours(1)));
        // Applied after all of the above (one community, one partition, in order): once its mute is out, they were.
        KafkaEvents.publish(new RuleBreached(community, member, "flood", 4, 5), now);

        List<MemberMuted> mutes = KafkaEvents.awaitEvents(EventType.MEMBER_MUTED,
                e -> e.subject().equals(community) && "hearth".equals(e.data(MemberMuted.class).mutedBy()), 1)
                .stream().map(e -> e.data(MemberMuted.class)).toList();
        assertEquals(1, mutes.size(), mutes.toString());
        assertEquals(member, mutes.get(0).userId());
        assertEquals(now.plus(Duration.ofMinutes(5)).toEpochMilli(), mutes.get(0).until().toEpochMilli());
        List<MemberMuted> all = KafkaEvents.events(EventType.MEMBER_MUTED, e -> e.subject().equals(community))
                .stream().map(e -> e.data(MemberMuted.class)).toList();
        assertEquals(List.of(longMuted, member), all.stream().map(MemberMuted::userId).toList());
        assertEquals(Instant.parse(longUntil), all.get(0).until());
        List<List<String>> audited = audit(community);
        assertTrue(audited.stream().filter(row -> row.get(1).equals("hearth")).map(row -> row.get(2)).toList()
                .equals(List.of(member)), audited.toString());
    }

    /** The community's audit rows (action, actor, subject, reason, details) other than role changes, in order. */
    private static List<List<String>> audit(String community) {
        try (Connection db = HearthTestResource.openDatabase(); PreparedStatement query = db.prepareStatement(
                "select action, actor_id, subject_id, reason, details from audit_entry"
                        + " where community_id = ?::uuid and action <> 'ROLE_CHANGED' order by seq")) {
            query.setString(1, community);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(List.of(row.getString(1), row.getString(2), row.getString(3),
                            String.valueOf(row.getString(4)), String.valueOf(row.getString(5))));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
