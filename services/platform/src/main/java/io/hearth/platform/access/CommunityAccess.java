package io.hearth.platform.access;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.PartnerScope;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.smallrye.mutiny.Uni;

/**
 * The caller-role check every endpoint makes: a role is held in one community, so an operator of one community can
 * do nothing in another.
 */
@ApplicationScoped
public class CommunityAccess {
    public static final Set<CommunityRole> STAFF = Set.of(CommunityRole.OWNER, CommunityRole.ADMIN);
    public static final Set<CommunityRole> ANY_MEMBER = Set.of(CommunityRole.values());

    private final CommunityRoles roles;
    private final PartnerGrants grants;

    public CommunityAccess(CommunityRoles roles, PartnerGrants grants) {
        this.roles = roles;
        this.grants = grants;
    }

    /** The caller's role in the community, or a 403 problem when it is not one of {@code allowed}. */
    public Uni<CommunityRole> require(String communityId, String userId, Set<CommunityRole> allowed) {
        return roles.roleOf(communityId, userId).map(role -> role.filter(allowed::contains)
                .orElseThrow(() -> Problems.forbidden("This needs you to be " + describe(allowed)
                        + " of community " + communityId + ".")));
    }

    /**
     * As {@link #require}, for routes that write (post, check in): also refuses a member muted until a future instant
     * with a 403 problem {@code muted} that says until when. A mute that has run out needs no event to lift it.
     */
    public Uni<CommunityRole> requireWriter(String communityId, String userId, Set<CommunityRole> allowed) {
        return roles.standingOf(communityId, userId).map(standing -> {
            CommunityRole role = standing.map(CommunityRoles.Standing::role).filter(allowed::contains)
                    .orElseThrow(() -> Problems.forbidden("This needs you to be " + describe(allowed)
                            + " of community " + communityId + "."));
            Instant until = standing.get().mutedUntil();
            if (until != null && until.isAfter(Instant.now())) {
                throw Problems.of(ProblemType.MUTED, "You are muted in community " + communityId + " until " + until
                        + ": you may read, but not write, until then.");
            }
            return role;
        });
    }

    /**
     * Passes when the partner client holds a current grant with {@code scope} in the community, else a 403 problem
     * {@code partner-scope-missing}. A partner has no community role: this is the only check its calls pass.
     */
    public Uni<Void> requirePartner(String communityId, String clientId, PartnerScope scope) {
        return grants.scopesOf(communityId, clientId).map(scopes -> {
            if (!scopes.contains(scope)) {
                throw Problems.of(ProblemType.PARTNER_SCOPE_MISSING, "Partner " + clientId + " holds no grant with "
                        + scope.value() + " in community " + communityId + ".");
            }
            return null;
        });
    }

    private static String describe(Set<CommunityRole> allowed) {
        if (allowed.equals(ANY_MEMBER)) {
            return "a member";
        }
        if (allowed.equals(STAFF)) {
            return "the owner or an admin";
        }
        return allowed.stream().map(r -> r.name().toLowerCase()).sorted().collect(Collectors.joining(" or "));
    }
}
