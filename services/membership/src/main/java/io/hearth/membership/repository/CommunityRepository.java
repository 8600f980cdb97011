package io.hearth.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.membership.domain.Community;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CommunityRepository implements PanacheRepositoryBase<Community, UUID> {
    private static final String TAKE = "update community set member_count = member_count + 1"
            + " where id = :id and (size_cap is null or member_count < size_cap) returning member_count";
    private static final String FREE = "update community set member_count = member_count - 1"
            + " where id = :id returning member_count";

    /**
     * Takes a place in the community for a joining member if it has room, in one atomic conditional update: the new
     * member count if taken, null if the community is full. The row stays locked only from this update to the
     * commit, so call it as the join's last write; two joins for the last place cannot both take it, and nothing is
     * counted. Each count is returned to exactly one transaction, so a size tier's boundary is crossed by one.
     */
    public Uni<Integer> takePlace(UUID id) {
        return changeCount(TAKE, id);
    }

    /** The communities with these ids, in no particular order; ids without a community are left out. */
    public Uni<List<Community>> findByIds(List<UUID> ids) {
        return list("id in ?1", ids);
    }

    /** Gives back the place of a member who left: the new member count. */
    public Uni<Integer> freePlace(UUID id) {
        return changeCount(FREE, id);
    }

    private Uni<Integer> changeCount(String sql, UUID id) {
        return getSession().chain(session -> session.createNativeQuery(sql).setParameter("id", id).getResultList())
                .map(CommunityRepository::count);
    }

    private static Integer count(List<?> rows) {
        return rows.isEmpty() ? null : ((Number) rows.get(0)).intValue();
    }
}
