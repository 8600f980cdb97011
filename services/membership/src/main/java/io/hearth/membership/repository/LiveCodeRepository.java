package io.hearth.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.hearth.membership.domain.LiveCode;
import io.hearth.membership.domain.LiveCodeCommunity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LiveCodeRepository implements PanacheRepositoryBase<LiveCode, String> {

    /**
     * The live code, its row locked until the transaction ends, or null. Every join through it takes this lock before
     * choosing a community, so placements through one live code happen one after the other: each sees the counts the
     * previous one committed, and only one of them creates an overflow community.
     */
    public Uni<LiveCode> findForPlacement(String code) {
        return findById(code, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The ids of the pool's communities, in the order newcomers fill them. */
    public Uni<List<UUID>> pool(String code) {
        return getSession().chain(session -> session
                .createSelectionQuery("select communityId from LiveCodeCommunity where liveCode = ?1 order by position",
                        UUID.class)
                .setParameter(1, code).getResultList());
    }

    /** Puts the communities into the pool after those it has, in this order. */
    public Uni<Void> append(String code, List<UUID> communityIds, int positionsTaken) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < communityIds.size(); i++) {
            LiveCodeCommunity member = new LiveCodeCommunity();
            member.liveCode = code;
            member.position = positionsTaken + i;
            member.communityId = communityIds.get(i);
            chain = chain.call(() -> getSession().chain(session -> session.persist(member)));
        }
        return chain;
    }
}
