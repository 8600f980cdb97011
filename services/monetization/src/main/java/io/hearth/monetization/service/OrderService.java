package io.hearth.monetization.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.Money;
import io.hearth.contracts.events.OrderPlaced;
import io.hearth.monetization.domain.OrderStatus;
import io.hearth.monetization.domain.Plan;
import io.hearth.monetization.domain.PlanOrder;
import io.hearth.monetization.mapping.OrderView;
import io.hearth.monetization.mapping.PlaceOrderRequest;
import io.hearth.monetization.repository.PlanOrderRepository;
import io.hearth.monetization.repository.PlanRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrderService {
    private final PlanRepository plans;
    private final PlanOrderRepository orders;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;

    public OrderService(PlanRepository plans, PlanOrderRepository orders, CommunityAccess access,
            IdempotencyKeys idempotency, Outbox outbox) {
        this.plans = plans;
        this.orders = orders;
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
    }

    /**
     * A current member orders a plan of the community at its present price; the order waits for the provider's
     * callback. The Idempotency-Key (required) makes a retry return the first order rather than a second one; the
     * same key for a different plan is a conflict (IdempotencyKeys compares the requests).
     */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<OrderView>> place(UUID communityId, PlaceOrderRequest request,
            String buyerId, String idempotencyKey) {
        return access.require(communityId.toString(), buyerId, CommunityAccess.ANY_MEMBER)
                .chain(() -> idempotency.once("place-order:" + communityId, buyerId, idempotencyKey, request,
                        () -> insert(communityId, request.planId(), buyerId), view -> view.id().toString(),
                        id -> orders.findById(UUID.fromString(id)).map(OrderView::of)));
    }

    private Uni<OrderView> insert(UUID communityId, UUID planId, String buyerId) {
        return plans.findById(planId).chain(plan -> {
            if (plan == null || !plan.communityId.equals(communityId)) {
                return Uni.createFrom().failure(Problems.of(ProblemType.PLAN_UNAVAILABLE,
                        "planId " + planId + " is not a plan of community " + communityId + "."));
            }
            PlanOrder order = newOrder(plan, buyerId);
            return orders.persist(order)
                    .call(() -> outbox.record(new OrderPlaced(communityId.toString(), order.id.toString(),
                            planId.toString(), buyerId, new Money(order.amountMinor, order.currency)),
                            order.createdAt))
                    .map(OrderView::of);
        });
    }

    private static PlanOrder newOrder(Plan plan, String buyerId) {
        PlanOrder order = new PlanOrder();
        order.id = UUID.randomUUID();
        order.communityId = plan.communityId;
        order.planId = plan.id;
        order.buyerId = buyerId;
        order.amountMinor = plan.amountMinor;
        order.currency = plan.currency;
        order.status = OrderStatus.PENDING;
        order.createdAt = Instant.now();
        return order;
    }

    /**
     * The order, for its buyer (even after they left the community) and the community's owner and admins. Anyone
     * else gets 403 whether or not the order exists.
     */
    @WithSession
    public Uni<OrderView> get(UUID communityId, UUID orderId, String callerId) {
        return orders.findInCommunity(communityId, orderId).chain(order -> {
            if (order != null && order.buyerId.equals(callerId)) {
                return Uni.createFrom().item(OrderView.of(order));
            }
            return access.require(communityId.toString(), callerId, CommunityAccess.STAFF).map(role -> {
                if (order == null) {
                    throw Problems.notFound("No order " + orderId + " in community " + communityId + ".");
                }
                return OrderView.of(order);
            });
        });
    }
}
