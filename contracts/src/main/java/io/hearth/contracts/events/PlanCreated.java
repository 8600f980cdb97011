package io.hearth.contracts.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An operator offered a plan. {@code periodDays} is absent for a one-off purchase; {@code trialDays} (0 = none)
 * precede the first charge of a recurring plan; a referrer earns {@code commissionRateBps} / 10,000 of each payment;
 * {@code grants} is what a payment entitles its buyer to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanCreated(String communityId, String planId, String name, Money price, Integer periodDays,
        int trialDays, int commissionRateBps, List<PlanGrant> grants) implements EventData {
}
