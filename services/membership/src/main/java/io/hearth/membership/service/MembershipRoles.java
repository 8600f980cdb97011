package io.hearth.membership.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.membership.repository.MembershipRepository;
import io.hearth.platform.access.CommunityRoles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Membership is the source of roles, so it checks callers against its own tables rather than a replica. */
@ApplicationScoped
public class MembershipRoles implements CommunityRoles {
    private final MembershipRepository memberships;

    public MembershipRoles(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    @Override
    @WithSession
    public Uni<Optional<CommunityRole>> roleOf(String communityId, String userId) {
        UUID id;
        try {
            id = UUID.fromString(communityId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Optional.empty());
        }
        return memberships.findCurrent(id, userId).map(m -> Optional.ofNullable(m).map(x -> x.role));
    }
}
