package io.hearth.contracts.events;

import java.util.List;

/** A member listed the community's plans: they saw the offer (the conversion funnel's second step). */
public record OfferViewed(String communityId, String viewerId, List<String> planIds) implements EventData {
}
