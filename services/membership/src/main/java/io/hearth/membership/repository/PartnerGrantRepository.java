package io.hearth.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.membership.domain.PartnerGrant;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PartnerGrantRepository implements PanacheRepositoryBase<PartnerGrant, PartnerGrant.Key> {

    public Uni<PartnerGrant> find(UUID communityId, String clientId) {
        return findById(new PartnerGrant.Key(communityId, clientId));
    }

    /** The community's grants by client id; a community has a handful, so there is no paging. */
    public Uni<List<PartnerGrant>> ofCommunity(UUID communityId) {
        return list("communityId = ?1 order by clientId", communityId);
    }
}
