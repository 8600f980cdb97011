package io.hearth.membership.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.ApplicationDecided;
import io.hearth.membership.domain.Application;
import io.hearth.membership.domain.ApplicationStatus;
import io.hearth.membership.domain.AuditAction;
import io.hearth.membership.domain.Entry;
import io.hearth.membership.mapping.ApplicationView;
import io.hearth.membership.repository.ApplicationRepository;
import io.hearth.membership.repository.CommunityRepository;
import io.hearth.membership.repository.EntryRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Staff's side of screening: the applications a community's joins filed, and their decisions. */
@ApplicationScoped
public class ApplicationService {
    private final ApplicationRepository applications;
    private final CommunityRepository communities;
    private final EntryRepository entries;
    private final MembershipService memberships;
    private final CommunityAccess access;
    private final Outbox outbox;
    private final AuditLog audit;

    public ApplicationService(ApplicationRepository applications, CommunityRepository communities,
            EntryRepository entries, MembershipService memberships, CommunityAccess access, Outbox outbox,
            AuditLog audit) {
        this.applications = applications;
        this.communities = communities;
        this.entries = entries;
        this.memberships = memberships;
        this.access = access;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** The community's applications of one status in the order they came, for the owner and admins. */
    @WithSession
    public Uni<Page<ApplicationView>> list(UUID communityId, ApplicationStatus status, String callerId,
            long afterSeq, int limit) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> applications.page(communityId, status, afterSeq, limit))
                .map(rows -> Page.of(rows, limit, a -> String.valueOf(a.seq), ApplicationView::of));
    }

    /**
     * The owner or an admin approves or declines a pending application. Approving makes the applicant a member as a
     * join would (the community must have room: else 422 community-full and the application stays pending),
     * attributed to the entry they applied through; {@code hearth.application.decided} comes before
     * {@code hearth.member.joined}. The application is locked first, so two decisions of it apply one after the
     * other and the second is refused (409 application-decided).
     */
    @WithTransaction
    public Uni<ApplicationView> decide(UUID communityId, UUID applicationId, boolean approve, String reason,
            String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> applications.findForUpdate(communityId, applicationId))
                .onItem().ifNull().failWith(() -> Problems.notFound("No application " + applicationId
                        + " to community " + communityId + "."))
                .chain(application -> {
                    if (application.status != ApplicationStatus.PENDING) {
                        return Uni.createFrom().failure(Problems.of(ProblemType.APPLICATION_DECIDED, "Application "
                                + applicationId + " was already " + application.status.name().toLowerCase() + "."));
                    }
                    String why = reason == null || reason.isBlank() ? null : reason.strip();
                    Instant now = Instant.now();
                    application.status = approve ? ApplicationStatus.APPROVED : ApplicationStatus.DECLINED;
                    application.decidedAt = now;
                    application.decidedBy = callerId;
                    application.reason = why;
                    Uni<Void> decided = outbox.record(new ApplicationDecided(communityId.toString(),
                            applicationId.toString(), application.userId, approve, callerId, why), now)
                            .call(() -> audit.record(communityId, callerId, approve ? AuditAction.APPLICATION_APPROVED
                                    : AuditAction.APPLICATION_DECLINED, application.userId, why,
                                    "application " + applicationId, now));
                    return (approve ? decided.call(() -> admit(application)) : decided)
                            .map(ignored -> ApplicationView.of(application));
                });
    }

    /**
     * The entry is looked up for attribution only: checks a join makes of its entry were made when the person
     * applied, so an entry that has expired or been used up since does not undo the decision.
     */
    private Uni<?> admit(Application application) {
        Uni<Entry> entry = application.entryCode == null ? Uni.createFrom().nullItem()
                : entries.findById(application.entryCode);
        return communities.findById(application.communityId)
                .chain(community -> entry.chain(e -> memberships.admit(community, application.userId,
                        application.displayName, e,
                        JoinAttribution.ofEntry(application.entryCode, application.visitorId))));
    }
}
