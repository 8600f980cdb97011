package io.hearth.activity.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.Challenge;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ChallengeRepository implements PanacheRepositoryBase<Challenge, Challenge.Key> {

    public Uni<Challenge> findInCommunity(UUID communityId, UUID challengeId) {
        return findById(new Challenge.Key(communityId, challengeId));
    }

    /**
     * Up to {@code limit} of the community's challenges, latest start first (then by id), after the one that
     * started on {@code afterStartsOn} with {@code afterId}; from the first when those are null.
     */
    public Uni<List<Challenge>> page(UUID communityId, LocalDate afterStartsOn, UUID afterId, int limit) {
        if (afterStartsOn == null) {
            return find("communityId = :community order by startsOn desc, id",
                    Parameters.with("community", communityId)).range(0, limit - 1).list();
        }
        return find("communityId = :community and (startsOn < :starts or (startsOn = :starts and id > :id))"
                + " order by startsOn desc, id",
                Parameters.with("community", communityId).and("starts", afterStartsOn).and("id", afterId))
                .range(0, limit - 1).list();
    }
}
