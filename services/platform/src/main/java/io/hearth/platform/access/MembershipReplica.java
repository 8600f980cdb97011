package io.hearth.platform.access;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.MemberRoleChanged;
import io.hearth.contracts.events.MemberUnmuted;
import io.hearth.platform.inbox.InboundEvent;
import io.quarkus.arc.DefaultBean;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@code community_member_replica} in step with membership's events, and answers role look-ups from it.
 * Services other than membership feed it from their consumer of {@code hearth.membership.v1}.
 *
 * <p>It relies on receiving a community's events in the order membership committed them: a join, then that
 * member's role changes and mutes, then their leave. The relay publishes in that order and the consumer applies in it;
 * a role change or mute for someone not (or no longer) in the replica changes nothing, and a leave ends a mute.
 */
@ApplicationScoped
@DefaultBean
public class MembershipReplica implements CommunityRoles {
    private static final String UPSERT = "insert into community_member_replica (community_id, user_id, role, joined_at)"
            + " values (:community, :user, :role, :joinedAt)"
            + " on conflict (community_id, user_id) do update set role = excluded.role, joined_at = excluded.joined_at";
    private static final String CHANGE_ROLE = "update community_member_replica set role = :role"
            + " where community_id = :community and user_id = :user";
    /** Setting the end of a mute, or clearing it, is idempotent; someone not in the replica is not muted. */
    private static final String MUTE = "update community_member_replica set muted_until = :until"
            + " where community_id = :community and user_id = :user";
    private static final String UNMUTE = "update community_member_replica set muted_until = null"
            + " where community_id = :community and user_id = :user";
    private static final String DELETE = "delete from community_member_replica where community_id = :community"
            + " and user_id = :user";

    /** Applies one membership event; other event types are not its business. */
    public Uni<Void> apply(InboundEvent event) {
        if (event.data() instanceof MemberJoined joined) {
            return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT)
                    .setParameter("community", joined.communityId())
                    .setParameter("user", joined.userId())
                    .setParameter("role", joined.role().name())
                    .setParameter("joinedAt", event.time())
                    .executeUpdate()).replaceWithVoid();
        }
        if (event.data() instanceof MemberRoleChanged changed) {
            return Panache.getSession().chain(s -> s.createNativeQuery(CHANGE_ROLE)
                    .setParameter("community", changed.communityId())
                    .setParameter("user", changed.userId())
                    .setParameter("role", changed.role().name())
                    .executeUpdate()).replaceWithVoid();
        }
        if (event.data() instanceof MemberMuted muted) {
            return Panache.getSession().chain(s -> s.createNativeQuery(MUTE)
                    .setParameter("community", muted.communityId())
                    .setParameter("user", muted.userId())
                    .setParameter("until", muted.until())
                    .executeUpdate()).replaceWithVoid();
        }
        if (event.data() instanceof MemberUnmuted unmuted) {
            return Panache.getSession().chain(s -> s.createNativeQuery(UNMUTE)
                    .setParameter("community", unmuted.communityId())
                    .setParameter("user", unmuted.userId())
                    .executeUpdate()).replaceWithVoid();
        }
        if (event.data() instanceof MemberLeft left) {
            return Panache.getSession().chain(s -> s.createNativeQuery(DELETE)
                    .setParameter("community", left.communityId())
                    .setParameter("user", left.userId())
                    .executeUpdate()).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Optional<CommunityRole>> roleOf(String communityId, String userId) {
        return standingOf(communityId, userId).map(standing -> standing.map(Standing::role));
    }

    @Override
    public Uni<Optional<Standing>> standingOf(String communityId, String userId) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.find(ReplicatedMember.class, new ReplicatedMember.Key(communityId, userId))))
                .map(member -> Optional.ofNullable(member).map(m -> new Standing(m.role, m.mutedUntil)));
    }
}
