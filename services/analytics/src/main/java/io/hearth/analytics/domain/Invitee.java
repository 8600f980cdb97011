package io.hearth.analytics.domain;

import java.time.Instant;

/**
 * A person whose first join of the community came through a referrer's REFERRAL entry (first touch), with what
 * became of them.
 *
 * @param activatedAt their first activity within the activation days after joining, or null
 * @param activeOnDay30 active on the 30th UTC day after their join day
 * @param paid at least one successful payment in the community since joining
 */
public record Invitee(String referrerId, String userId, Instant joinedAt, Instant activatedAt,
        boolean activeOnDay30, boolean paid) {
}
