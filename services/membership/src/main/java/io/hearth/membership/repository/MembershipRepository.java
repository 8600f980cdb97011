package io.hearth.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.hearth.membership.domain.Membership;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<Membership, Long> {

    /** The person's current stay in the community, or null. */
    public Uni<Membership> findCurrent(UUID communityId, String userId) {
        return find("communityId = :community and userId = :user and leftAt is null",
                Parameters.with("community", communityId).and("user", userId)).firstResult();
    }

    /** The person's current stay in any of these communities (a live code's pool), or null. */
    public Uni<Membership> findCurrentInAny(List<UUID> communityIds, String userId) {
        return find("communityId in :communities and userId = :user and leftAt is null",
                Parameters.with("communities", communityIds).and("user", userId)).firstResult();
    }

    /**
     * The person's current stay, locked until the transaction ends, or null. A leave and a role change of one member
     * each take this lock before deciding anything, so they apply one after the other: the second reads what the
     * first committed (a stay that has ended is no longer current and is not found), and their events follow in the
     * same order.
     */
    public Uni<Membership> findCurrentForUpdate(UUID communityId, String userId) {
        return find("communityId = :community and userId = :user and leftAt is null",
                Parameters.with("community", communityId).and("user", userId))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
