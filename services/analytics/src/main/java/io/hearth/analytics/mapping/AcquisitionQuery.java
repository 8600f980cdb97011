package io.hearth.analytics.mapping;

import io.hearth.analytics.domain.Breakdown;

/**
 * What an acquisition funnel request asks for, checked: the period and window, and the breakdown (null for none).
 */
public record AcquisitionQuery(FunnelQuery period, Breakdown breakdown) {
}
