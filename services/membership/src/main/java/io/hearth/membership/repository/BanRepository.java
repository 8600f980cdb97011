package io.hearth.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.membership.domain.MemberBan;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BanRepository implements PanacheRepositoryBase<MemberBan, MemberBan.Key> {

    public Uni<MemberBan> find(UUID communityId, String userId) {
        return findById(new MemberBan.Key(communityId, userId));
    }

    /** Whether the person is banned from the community; a join asks this before anything else about them. */
    public Uni<Boolean> isBanned(UUID communityId, String userId) {
        return count("communityId = ?1 and userId = ?2", communityId, userId).map(n -> n > 0);
    }

    /** The community's bans by user id after {@code afterUserId}; one more row than asked for. */
    public Uni<List<MemberBan>> page(UUID communityId, String afterUserId, int limit) {
        return find("communityId = ?1 and userId > ?2 order by userId", communityId, afterUserId == null ? ""
                : afterUserId).range(0, limit).list();
    }
}
