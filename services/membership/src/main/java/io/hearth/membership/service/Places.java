package io.hearth.membership.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.CommunityTierChanged;
import io.hearth.membership.domain.SizeTier;
import io.hearth.membership.repository.CommunityRepository;
import io.hearth.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * The places people take in a community as they come and go. Every join takes one and every departure frees one
 * through here, so that a count crossing a size tier's boundary publishes {@code hearth.community.tier-changed} in
 * the same transaction, exactly once: each new count is returned to one transaction by its conditional update.
 */
@ApplicationScoped
public class Places {
    private final CommunityRepository communities;
    private final Outbox outbox;

    public Places(CommunityRepository communities, Outbox outbox) {
        this.communities = communities;
        this.outbox = outbox;
    }

    /** Takes a place for a newcomer: true if taken, false if the community is full (nothing changed then). */
    public Uni<Boolean> take(UUID communityId, Instant at) {
        return communities.takePlace(communityId).chain(count -> count == null ? Uni.createFrom().item(false)
                : tierCrossed(communityId, count - 1, count, at).replaceWith(true));
    }

    /** Frees the place of someone who left or was removed. */
    public Uni<Void> free(UUID communityId, Instant at) {
        return communities.freePlace(communityId).chain(count -> tierCrossed(communityId, count + 1, count, at));
    }

    private Uni<Void> tierCrossed(UUID communityId, int before, int after, Instant at) {
        SizeTier from = SizeTier.of(before);
        SizeTier to = SizeTier.of(after);
        if (from == to) {
            return Uni.createFrom().voidItem();
        }
        return outbox.record(new CommunityTierChanged(communityId.toString(), from.name(), to.name(), after), at);
    }
}
