package io.hearth.membership.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.PartnerAccessGranted;
import io.hearth.contracts.events.PartnerAccessRevoked;
import io.hearth.contracts.events.PartnerScope;
import io.hearth.membership.domain.AuditAction;
import io.hearth.membership.domain.PartnerGrant;
import io.hearth.membership.mapping.PartnerGrantView;
import io.hearth.membership.repository.CommunityRepository;
import io.hearth.membership.repository.PartnerGrantRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.access.PartnerGrants;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The owner's grants of partner clients: what each may do in the community. Every change commits with its event, so
 * the other services' replicas follow in commit order; membership itself checks partners against this table.
 */
@ApplicationScoped
public class PartnerService {
    private static final Set<CommunityRole> OWNER = Set.of(CommunityRole.OWNER);

    private final CommunityRepository communities;
    private final PartnerGrantRepository grants;
    private final CommunityAccess access;
    private final Outbox outbox;
    private final AuditLog audit;

    public PartnerService(CommunityRepository communities, PartnerGrantRepository grants, CommunityAccess access,
            Outbox outbox, AuditLog audit) {
        this.communities = communities;
        this.grants = grants;
        this.access = access;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * The owner grants the client these scopes, replacing what it had. Granting what it has already changes nothing
     * and publishes nothing. The community's outbox lock is taken first so that two changes of one grant apply one
     * after the other (and publish in that order).
     */
    @WithTransaction
    public Uni<PartnerGrantView> grant(UUID communityId, String clientId, List<PartnerScope> requested,
            String callerId) {
        Set<PartnerScope> scopes = EnumSet.copyOf(requested);
        String scopeText = PartnerGrants.join(scopes);
        return access.require(communityId.toString(), callerId, OWNER)
                // The community's outbox lock, not its row: a join takes that lock before the row, so this order cannot
                // deadlock with one; changes of one grant still apply one after the other.
                .chain(() -> outbox.lockCommunity(communityId.toString()))
                .chain(() -> communities.findById(communityId))
                .onItem().ifNull().failWith(() -> Problems.notFound("No community " + communityId + "."))
                .chain(() -> grants.find(communityId, clientId))
                .chain(existing -> {
                    if (existing != null && existing.scopes.equals(scopeText)) {
                        return Uni.createFrom().item(PartnerGrantView.of(existing));
                    }
                    PartnerGrant grant = existing != null ? existing : new PartnerGrant();
                    grant.communityId = communityId;
                    grant.clientId = clientId;
                    grant.scopes = scopeText;
                    grant.grantedBy = callerId;
                    grant.grantedAt = Instant.now();
                    Uni<PartnerGrant> saved = existing != null ? Uni.createFrom().item(grant) : grants.persist(grant);
                    return saved.call(() -> outbox.record(new PartnerAccessGranted(communityId.toString(), clientId,
                            new ArrayList<>(scopes), callerId), grant.grantedAt))
                            .call(() -> audit.record(communityId, callerId, AuditAction.PARTNER_GRANTED, clientId,
                                    null, "scopes: " + scopeText, grant.grantedAt))
                            .map(PartnerGrantView::of);
                });
    }

    /** The owner revokes the client's access: from the commit on, membership refuses it; the others on the event. */
    @WithTransaction
    public Uni<Void> revoke(UUID communityId, String clientId, String callerId) {
        return access.require(communityId.toString(), callerId, OWNER)
                // As in grant.
                .chain(() -> outbox.lockCommunity(communityId.toString()))
                .chain(() -> communities.findById(communityId))
                .chain(() -> grants.find(communityId, clientId))
                .onItem().ifNull().failWith(() -> Problems.notFound("Partner " + clientId
                        + " has no access to community " + communityId + "."))
                .chain(grant -> grants.delete(grant)
                        .call(() -> outbox.record(new PartnerAccessRevoked(communityId.toString(), clientId,
                                callerId), Instant.now()))
                        .call(() -> audit.record(communityId, callerId, AuditAction.PARTNER_REVOKED, clientId, null,
                                null, Instant.now())));
    }

    /** The community's partner grants, for the owner and admins. */
    @WithSession
    public Uni<List<PartnerGrantView>> list(UUID communityId, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> grants.ofCommunity(communityId))
                .map(rows -> rows.stream().map(PartnerGrantView::of).toList());
    }
}
