package io.hearth.platform.access;

import java.util.Optional;

import io.hearth.contracts.events.CommunityRole;
import io.smallrye.mutiny.Uni;

/** Where a service looks up a person's role in a community: membership's own tables, or everyone else's replica. */
public interface CommunityRoles {
    Uni<Optional<CommunityRole>> roleOf(String communityId, String userId);
}
