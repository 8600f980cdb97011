package io.hearth.platform.access;

import java.time.Instant;
import java.util.Optional;

import io.hearth.contracts.events.CommunityRole;
import io.smallrye.mutiny.Uni;

/** Where a service looks up a person's role in a community: membership's own tables, or everyone else's replica. */
public interface CommunityRoles {
    Uni<Optional<CommunityRole>> roleOf(String communityId, String userId);

    /**
     * The person's role and, when staff muted them, until when; empty when not a member. By default nobody is muted:
     * membership, the source of mutes, serves no writes a mute restrains.
     */
    default Uni<Optional<Standing>> standingOf(String communityId, String userId) {
        return roleOf(communityId, userId).map(role -> role.map(r -> new Standing(r, null)));
    }

    /** A member's role and the end of their mute (null when not muted; a past instant is a mute that ran out). */
    record Standing(CommunityRole role, Instant mutedUntil) {
    }
}
