package io.hearth.analytics.mapping;

import java.time.Instant;

/**
 * What a funnel request asks for, checked and with its defaults filled in.
 *
 * @param from start of the entry period, inclusive
 * @param to end of the entry period, inclusive
 * @param windowDays conversion window, counted from each person's entry
 * @param asOf the moment the request was made: a window not yet over at this moment is still open
 */
public record FunnelQuery(Instant from, Instant to, int windowDays, Instant asOf) {
}
