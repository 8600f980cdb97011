package io.hearth.content.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.platform.access.ReplicatedMember;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A person's standing in several communities at once, from the membership replica (one look-up, not one per id). */
@ApplicationScoped
public class MemberRoles {
    public Uni<List<ReplicatedMember>> of(String userId, Collection<String> communityIds) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "from ReplicatedMember where userId = :user and communityId in :communities", ReplicatedMember.class)
                .setParameter("user", userId).setParameter("communities", communityIds).getResultList());
    }
}
