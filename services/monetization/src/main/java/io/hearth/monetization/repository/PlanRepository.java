package io.hearth.monetization.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.monetization.domain.Plan;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /**
     * The community's plans after {@code afterSeq} in creation order, one more than {@code limit} to tell if more
     * follow.
     */
    public Uni<List<Plan>> page(UUID communityId, long afterSeq, int limit) {
        return find("communityId = ?1 and seq > ?2 order by seq", communityId, afterSeq).range(0, limit).list();
    }
}
