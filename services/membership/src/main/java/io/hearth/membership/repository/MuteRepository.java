package io.hearth.membership.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.membership.domain.MemberMute;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MuteRepository implements PanacheRepositoryBase<MemberMute, MemberMute.Key> {

    /** The member's mute, whether or not it has run out, or null. */
    public Uni<MemberMute> find(UUID communityId, String userId) {
        return findById(new MemberMute.Key(communityId, userId));
    }
}
