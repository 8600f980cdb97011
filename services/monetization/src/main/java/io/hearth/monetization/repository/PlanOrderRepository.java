package io.hearth.monetization.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.hearth.monetization.domain.PlanOrder;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlanOrderRepository implements PanacheRepositoryBase<PlanOrder, UUID> {

    /**
     * The order, locked until the transaction ends, so that concurrent deliveries of the same payment callback
     * settle it one after the other and only the first changes it.
     */
    public Uni<PlanOrder> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The order if it belongs to the community, else null. */
    public Uni<PlanOrder> findInCommunity(UUID communityId, UUID id) {
        return find("id = ?1 and communityId = ?2", id, communityId).firstResult();
    }
}
