package io.hearth.membership.service;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.PartnerScope;
import io.hearth.membership.repository.PartnerGrantRepository;
import io.hearth.platform.access.PartnerGrants;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Membership owns the grants, so it checks partners against its own table: a revocation holds from its commit. */
@ApplicationScoped
public class MembershipPartnerGrants implements PartnerGrants {
    private final PartnerGrantRepository grants;

    public MembershipPartnerGrants(PartnerGrantRepository grants) {
        this.grants = grants;
    }

    @Override
    @WithSession
    public Uni<Set<PartnerScope>> scopesOf(String communityId, String clientId) {
        UUID id;
        try {
            id = UUID.fromString(communityId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(EnumSet.noneOf(PartnerScope.class));
        }
        return grants.find(id, clientId).map(grant -> grant == null ? EnumSet.noneOf(PartnerScope.class)
                : PartnerGrants.split(grant.scopes));
    }
}
