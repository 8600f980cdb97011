package io.hearth.membership.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.membership.domain.Entry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EntryRepository implements PanacheRepositoryBase<Entry, String> {

    /**
     * Takes one use of the entry for a join if it has one left, in one atomic conditional update: true if taken. Like
     * CommunityRepository.takePlace, it locks the row until the commit, so two joins cannot both take the last use,
     * and a join that fails later gives its use back by rolling back.
     */
    public Uni<Boolean> takeUse(String code) {
        return update("uses = uses + 1 where code = ?1 and (maxUses is null or uses < maxUses)", code)
                .map(updated -> updated == 1);
    }
}
