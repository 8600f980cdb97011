package io.hearth.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.hearth.membership.domain.Application;
import io.hearth.membership.domain.ApplicationStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, Long> {

    /** The person's application waiting for a decision, or null. */
    public Uni<Application> findPending(UUID communityId, String userId) {
        return find("communityId = ?1 and userId = ?2 and status = ?3", communityId, userId,
                ApplicationStatus.PENDING).firstResult();
    }

    public Uni<Application> find(UUID communityId, UUID id) {
        return find("communityId = ?1 and id = ?2", communityId, id).firstResult();
    }

    /** The application, locked until the transaction ends (two decisions of one apply one after the other), or null. */
    public Uni<Application> findForUpdate(UUID communityId, UUID id) {
        return find("communityId = ?1 and id = ?2", communityId, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** The community's applications of one status after {@code afterSeq} in arrival order; one more than asked for. */
    public Uni<List<Application>> page(UUID communityId, ApplicationStatus status, long afterSeq, int limit) {
        return find("communityId = ?1 and status = ?2 and seq > ?3 order by seq", communityId, status, afterSeq)
                .range(0, limit).list();
    }
}
