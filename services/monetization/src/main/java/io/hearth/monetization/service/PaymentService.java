package io.hearth.monetization.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.Money;
import io.hearth.contracts.events.PaymentFailed;
import io.hearth.contracts.events.PaymentSucceeded;
import io.hearth.monetization.domain.OrderStatus;
import io.hearth.monetization.domain.PaymentOutcome;
import io.hearth.monetization.domain.PlanOrder;
import io.hearth.monetization.mapping.OrderView;
import io.hearth.monetization.mapping.PaymentCallback;
import io.hearth.monetization.repository.PlanOrderRepository;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PaymentService {
    private final PlanOrderRepository orders;
    private final Outbox outbox;

    public PaymentService(PlanOrderRepository orders, Outbox outbox) {
        this.orders = orders;
        this.outbox = outbox;
    }

    /**
     * Settles a pending order from the provider's (already verified) callback. The order row is locked, so of two
     * concurrent deliveries of one callback the second sees the first's result: a repeat of the final state changes
     * nothing and publishes nothing; an outcome contradicting it is a conflict.
     */
    @WithTransaction
    public Uni<OrderView> settle(PaymentCallback callback) {
        return orders.findForUpdate(callback.orderId())
                .onItem().ifNull().failWith(() -> Problems.notFound("No order " + callback.orderId() + "."))
                .chain(order -> apply(order, callback));
    }

    private Uni<OrderView> apply(PlanOrder order, PaymentCallback callback) {
        OrderStatus settled = callback.outcome().settles();
        if (order.status == settled) {
            return Uni.createFrom().item(OrderView.of(order));
        }
        if (order.status != OrderStatus.PENDING) {
            return Uni.createFrom().failure(Problems.of(ProblemType.ORDER_SETTLED, "Order " + order.id + " is already " + order.status
                    + "; a " + callback.outcome() + " callback cannot change it."));
        }
        Instant now = Instant.now();
        order.status = settled;
        order.providerReference = callback.providerReference();
        String communityId = order.communityId.toString();
        if (callback.outcome() == PaymentOutcome.SUCCEEDED) {
            order.paidAt = now;
            return outbox.record(new PaymentSucceeded(communityId, order.id.toString(), order.planId.toString(),
                    order.buyerId, new Money(order.amountMinor, order.currency), order.providerReference), now)
                    .map(ignored -> OrderView.of(order));
        }
        order.failedAt = now;
        return outbox.record(new PaymentFailed(communityId, order.id.toString(), order.planId.toString(),
                order.buyerId, callback.outcome().name(), order.providerReference), now)
                .map(ignored -> OrderView.of(order));
    }
}
