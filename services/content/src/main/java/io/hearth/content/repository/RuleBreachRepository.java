package io.hearth.content.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.RuleBreach;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RuleBreachRepository implements PanacheRepositoryBase<RuleBreach, Long> {

    /** The community's breaches recorded before {@code beforeSeq}, newest first; one more than {@code limit}. */
    public Uni<List<RuleBreach>> pageNewestFirst(UUID communityId, long beforeSeq, int limit) {
        return find("communityId = :community and seq < :before order by seq desc",
                Parameters.with("community", communityId).and("before", beforeSeq)).range(0, limit).list();
    }
}
