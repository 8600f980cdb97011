package io.hearth.content.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.WelcomeSetting;
import io.hearth.content.mapping.WelcomeRequest;
import io.hearth.content.mapping.WelcomeView;
import io.hearth.content.repository.WelcomeRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The community's welcome as staff set it: off until set, on while set, off again when deleted. */
@ApplicationScoped
public class WelcomeService {
    private final WelcomeRepository welcomes;
    private final CommunityAccess access;

    public WelcomeService(WelcomeRepository welcomes, CommunityAccess access) {
        this.welcomes = welcomes;
        this.access = access;
    }

    /**
     * Sets the welcome (staff, not muted). A change applies to bursts posted from now on, whose window was fixed when
     * they started; turning it on (the first set) starts welcoming joins from now.
     */
    @WithTransaction
    public Uni<WelcomeView> set(UUID communityId, WelcomeRequest request, String callerId) {
        return Uni.createFrom().item(() -> {
            WelcomeText.validate(request.template());
            return request.template().strip();
        })
                .call(() -> access.requireWriter(communityId.toString(), callerId, CommunityAccess.STAFF))
                .chain(template -> welcomes.setting(communityId).chain(existing -> {
                    Instant now = Instant.now();
                    WelcomeSetting s = existing != null ? existing : new WelcomeSetting();
                    if (existing == null) {
                        s.communityId = communityId;
                        s.enabledAt = now;
                    }
                    s.template = template;
                    s.mergeSeconds = request.mergeSecondsOrDefault();
                    s.updatedBy = callerId;
                    s.updatedAt = now;
                    return welcomes.persist(s).map(ignored -> WelcomeView.of(s));
                }));
    }

    /** The welcome as set, for staff; 404 while none is set. */
    @WithSession
    public Uni<WelcomeView> get(UUID communityId, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> welcomes.setting(communityId))
                .onItem().ifNull().failWith(() -> Problems.notFound("No welcome is set in community " + communityId
                        + "."))
                .map(WelcomeView::of);
    }

    /** Turns the welcome off (staff, not muted); bursts still waiting are then not posted. Nothing set is fine. */
    @WithTransaction
    public Uni<Void> delete(UUID communityId, String callerId) {
        return access.requireWriter(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> welcomes.setting(communityId))
                .chain(s -> s == null ? Uni.createFrom().voidItem() : welcomes.delete(s));
    }
}
