package io.hearth.monetization.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.PlanCreated;
import io.hearth.monetization.domain.Plan;
import io.hearth.monetization.domain.PlanGrants;
import io.hearth.contracts.events.GrantKind;
import io.hearth.contracts.events.PlanGrant;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.hearth.monetization.mapping.CreatePlanRequest;
import io.hearth.monetization.mapping.PlanView;
import io.hearth.monetization.repository.PlanRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PlanService {
    private final PlanRepository plans;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;

    public PlanService(PlanRepository plans, CommunityAccess access, IdempotencyKeys idempotency, Outbox outbox) {
        this.plans = plans;
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
    }

    /** Offers a plan in the community; only its owner and admins may. */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<PlanView>> create(UUID communityId, CreatePlanRequest request, String callerId,
            String idempotencyKey) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .invoke(() -> checkTerms(request))
                .chain(() -> idempotency.once("create-plan:" + communityId, callerId, idempotencyKey, request,
                        () -> insert(communityId, request, callerId), view -> view.id().toString(),
                        id -> plans.findById(UUID.fromString(id)).map(PlanView::of)));
    }

    /** Terms the bean constraints cannot see together; refused before anything is stored. */
    private static void checkTerms(CreatePlanRequest request) {
        if (request.trialDaysOrDefault() > 0 && request.periodDays() == null) {
            throw Problems.of(ProblemType.PLAN_INVALID, "A trial needs a recurring plan: send periodDays with trialDays.");
        }
        for (PlanGrant grant : request.grantsOrDefault()) {
            boolean named = grant.itemId() != null && !grant.itemId().isBlank();
            if (grant.kind() == null || named == (grant.kind() == GrantKind.COMMUNITY)) {
                throw Problems.of(ProblemType.PLAN_INVALID, "Each grant needs a kind; TOPIC, EVENT and CHALLENGE "
                        + "name their itemId, COMMUNITY names none.");
            }
        }
    }

    private Uni<PlanView> insert(UUID communityId, CreatePlanRequest request, String callerId) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.communityId = communityId;
        plan.name = request.name().strip();
        plan.amountMinor = request.price().amountMinor();
        plan.currency = request.price().currency();
        plan.periodDays = request.periodDays();
        plan.trialDays = request.trialDaysOrDefault();
        plan.commissionRateBps = request.commissionRateBpsOrDefault();
        plan.grants = PlanGrants.tokens(request.grantsOrDefault());
        plan.createdBy = callerId;
        plan.createdAt = Instant.now();
        PlanView view = PlanView.of(plan);
        return plans.persist(plan)
                .call(() -> outbox.record(new PlanCreated(communityId.toString(), plan.id.toString(), plan.name,
                        view.price(), plan.periodDays, plan.trialDays, plan.commissionRateBps, view.grants()),
                        plan.createdAt))
                .replaceWith(view);
    }

    /** The community's plans in creation order, for its members. */
    @WithSession
    public Uni<Page<PlanView>> list(UUID communityId, String callerId, long afterSeq, int limit) {
        return access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                .chain(() -> plans.page(communityId, afterSeq, limit))
                .map(rows -> Page.of(rows, limit, p -> String.valueOf(p.seq), PlanView::of));
    }
}
