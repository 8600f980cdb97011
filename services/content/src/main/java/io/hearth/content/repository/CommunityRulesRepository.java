package io.hearth.content.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.CommunityRules;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CommunityRulesRepository implements PanacheRepositoryBase<CommunityRules, UUID> {

    /** The community's rules, or the defaults when staff never set any (not stored). */
    public Uni<CommunityRules> of(UUID communityId) {
        return findById(communityId).map(found -> found != null ? found : CommunityRules.defaults(communityId));
    }
}
