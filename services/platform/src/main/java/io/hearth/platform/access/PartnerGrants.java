package io.hearth.platform.access;

import java.util.Set;

import io.hearth.contracts.events.PartnerScope;
import io.smallrye.mutiny.Uni;

/**
 * Where a service looks up what a partner client may do in a community: membership's own grants, or everyone else's
 * replica of them. No grant is an empty set.
 */
public interface PartnerGrants {
    Uni<Set<PartnerScope>> scopesOf(String communityId, String clientId);

    /** Scopes as one column holds them: space-separated, as OAuth writes a scope list. */
    static String join(Iterable<PartnerScope> scopes) {
        StringBuilder text = new StringBuilder();
        for (PartnerScope scope : scopes) {
            text.append(text.isEmpty() ? "" : " ").append(scope.value());
        }
        return text.toString();
    }

    static Set<PartnerScope> split(String scopes) {
        Set<PartnerScope> set = java.util.EnumSet.noneOf(PartnerScope.class);
        if (scopes != null) {
            for (String scope : scopes.trim().split("\\s+")) {
                if (!scope.isEmpty()) {
                    set.add(PartnerScope.of(scope));
                }
            }
        }
        return set;
    }
}
