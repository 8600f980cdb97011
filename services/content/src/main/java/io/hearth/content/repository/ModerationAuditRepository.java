package io.hearth.content.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.ModerationAuditEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ModerationAuditRepository implements PanacheRepositoryBase<ModerationAuditEntry, Long> {

    /** A community's audit in the order it was written, from after {@code afterSeq}; one more row than asked for. */
    public Uni<List<ModerationAuditEntry>> page(UUID communityId, long afterSeq, int limit) {
        return find("communityId = ?1 and seq > ?2 order by seq", communityId, afterSeq).range(0, limit).list();
    }
}
