package io.hearth.analytics.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The quality of the people one referrer brought", requiredProperties = { "referrerId",
        "invitees", "activated", "activationRate", "activationIncomplete", "retainedDay30", "retentionIncomplete",
        "retentionRateDay30", "paid", "paidRate" })
public record ReferrerView(
        @Schema(description = "The user id of the member whose REFERRAL entries they came through") String referrerId,
        @Schema(description = "People whose first join as a member was in the period and whose first touch was "
                + "this referrer's entry") long invitees,
        @Schema(description = "Invitees active within 7 days of joining") long activated,
        @Schema(description = "activated / invitees (incomplete ones stay in the denominator)", examples = "0.5")
        double activationRate,
        @Schema(description = "Invitees not active yet who joined less than 7 days ago: not counted as failed")
        long activationIncomplete,
        @Schema(description = "Invitees active on day 30 (day 0 = the UTC day of their join), among those whose day "
                + "30 is over") long retainedDay30,
        @Schema(description = "Invitees whose day 30 is not over yet: neither retained nor not")
        long retentionIncomplete,
        @Schema(description = "retainedDay30 / (invitees - retentionIncomplete)", examples = "0.25")
        double retentionRateDay30,
        @Schema(description = "Invitees with at least one successful payment in the community since joining") long paid,
        @Schema(description = "paid / invitees", examples = "0.1") double paidRate) {
}
