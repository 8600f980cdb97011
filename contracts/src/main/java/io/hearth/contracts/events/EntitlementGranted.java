package io.hearth.contracts.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A payment (or a trial) entitles {@code userId} to the plan's {@code grants}, one entitlement per order;
 * {@code until} is absent for a one-off purchase, else the end of the paid period (a renewal publishes a new one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntitlementGranted(String communityId, String userId, String orderId, String planId,
        List<PlanGrant> grants, Instant until) implements EventData {
}
