package io.hearth.monetization.domain;

import java.util.List;

import io.hearth.contracts.events.PlanGrant;
import io.hearth.contracts.events.GrantKind;

/** How a plan's grants are stored: {@code COMMUNITY}, or {@code KIND:item} ({@code TOPIC:marathon}). */
public final class PlanGrants {
    private PlanGrants() {
    }

    public static List<String> tokens(List<PlanGrant> grants) {
        return grants.stream().map(g -> g.kind() == GrantKind.COMMUNITY ? g.kind().name() : g.kind() + ":" + g.itemId())
                .distinct().toList();
    }

    public static List<PlanGrant> parse(List<String> tokens) {
        return tokens.stream().map(PlanGrants::parse).toList();
    }

    private static PlanGrant parse(String token) {
        int colon = token.indexOf(':');
        return colon < 0 ? new PlanGrant(GrantKind.valueOf(token), null)
                : new PlanGrant(GrantKind.valueOf(token.substring(0, colon)), token.substring(colon + 1));
    }
}
