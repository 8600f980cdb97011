package io.hearth.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.membership.domain.Community;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CommunityRepository implements PanacheRepositoryBase<Community, UUID> {

    /**
     * Takes a place in the community for a joining member if it has room, in one atomic conditional update: true if
     * taken. The row stays locked only from this update to the commit, so call it as the join's last write; two joins
     * for the last place cannot both take it, and nothing is counted.
     */
    public Uni<Boolean> takePlace(UUID id) {
        return update("memberCount = memberCount + 1 where id = ?1 and (sizeCap is null or memberCount < sizeCap)", id)
                .map(updated -> updated == 1);
    }

    /** The communities with these ids, in no particular order; ids without a community are left out. */
    public Uni<List<Community>> findByIds(List<UUID> ids) {
        return list("id in ?1", ids);
    }

    /** Gives back the place of a member who left. */
    public Uni<Void> freePlace(UUID id) {
        return update("memberCount = memberCount - 1 where id = ?1", id).replaceWithVoid();
    }
}
