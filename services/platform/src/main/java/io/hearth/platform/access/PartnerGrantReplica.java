package io.hearth.platform.access;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.PartnerAccessGranted;
import io.hearth.contracts.events.PartnerAccessRevoked;
import io.hearth.contracts.events.PartnerScope;
import io.hearth.platform.inbox.InboundEvent;
import io.quarkus.arc.DefaultBean;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@code partner_grant_replica} in step with membership's grant events, and answers partner checks from it. Fed
 * by the same consumer as {@link MembershipReplica}, in the order membership committed the grants: a revocation is
 * applied here as soon as its event arrives, so a revoked partner is refused within milliseconds of the owner's call.
 */
@ApplicationScoped
@DefaultBean
public class PartnerGrantReplica implements PartnerGrants {
    private static final String UPSERT = "insert into partner_grant_replica (community_id, client_id, scopes)"
            + " values (:community, :client, :scopes)"
            + " on conflict (community_id, client_id) do update set scopes = excluded.scopes";
    private static final String DELETE = "delete from partner_grant_replica where community_id = :community"
            + " and client_id = :client";
    private static final String SCOPES = "select scopes from partner_grant_replica where community_id = :community"
            + " and client_id = :client";

    /** Applies one grant event; other event types are not its business. Runs in the consumer's transaction. */
    public Uni<Void> apply(InboundEvent event) {
        if (event.data() instanceof PartnerAccessGranted granted) {
            return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT)
                    .setParameter("community", granted.communityId())
                    .setParameter("client", granted.clientId())
                    .setParameter("scopes", PartnerGrants.join(granted.scopes()))
                    .executeUpdate()).replaceWithVoid();
        }
        if (event.data() instanceof PartnerAccessRevoked revoked) {
            return Panache.getSession().chain(s -> s.createNativeQuery(DELETE)
                    .setParameter("community", revoked.communityId())
                    .setParameter("client", revoked.clientId())
                    .executeUpdate()).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Set<PartnerScope>> scopesOf(String communityId, String clientId) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(SCOPES, String.class)
                .setParameter("community", communityId)
                .setParameter("client", clientId)
                .getResultList()))
                .map(rows -> rows.isEmpty() ? EnumSet.noneOf(PartnerScope.class) : PartnerGrants.split(rows.get(0)));
    }
}
