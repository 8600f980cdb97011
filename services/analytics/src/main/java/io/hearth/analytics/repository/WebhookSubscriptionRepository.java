package io.hearth.analytics.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.analytics.domain.WebhookSubscription;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /** The community's subscriptions, of one partner client or (null) of all, oldest first. */
    public Uni<List<WebhookSubscription>> ofCommunity(String communityId, String clientId) {
        return clientId == null
                ? list("communityId = ?1 order by createdAt, id", communityId)
                : list("communityId = ?1 and clientId = ?2 order by createdAt, id", communityId, clientId);
    }

    public Uni<Long> countOf(String communityId, String clientId) {
        return count("communityId = ?1 and clientId = ?2", communityId, clientId);
    }
}
