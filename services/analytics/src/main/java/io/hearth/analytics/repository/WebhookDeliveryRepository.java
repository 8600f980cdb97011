package io.hearth.analytics.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.analytics.domain.WebhookDelivery;
import io.hearth.contracts.events.PartnerScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The delivery log. Rows are recorded with the event log's append, in the consumer's transaction; the delivery worker
 * claims and updates them with plain SQL (see {@code WebhookDeliveryWorker}); the API reads them here.
 */
@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, Long> {
    /**
     * One row per subscription of the event's community and type whose partner still holds events:subscribe (the
     * grant replica): a revoked partner's subscriptions collect nothing. A repeated event is the same row.
     */
    private static final String RECORD = "insert into webhook_delivery (id, subscription_id, community_id, event_id,"
            + " event_type, body, status, next_attempt_at)"
            + " select gen_random_uuid(), s.id, s.community_id, :eventId, :type, :body, 'PENDING', now()"
            + " from webhook_subscription s"
            + " where s.community_id = :community and :type = any(string_to_array(s.event_types, ' '))"
            + " and exists (select 1 from partner_grant_replica g where g.community_id = s.community_id"
            + " and g.client_id = s.client_id and :scope = any(string_to_array(g.scopes, ' ')))"
            + " on conflict (subscription_id, event_id) do nothing";

    /** Records the event for every matching subscription; must run in the consumer's transaction. */
    public Uni<Void> record(String communityId, String eventId, String type, String body) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter("community", communityId)
                .setParameter("eventId", eventId)
                .setParameter("type", type)
                .setParameter("body", body)
                .setParameter("scope", PartnerScope.EVENTS_SUBSCRIBE.value())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** A subscription's deliveries before {@code beforeSeq}, newest first, one more than {@code limit}. */
    public Uni<List<WebhookDelivery>> pageNewestFirst(UUID subscriptionId, long beforeSeq, int limit) {
        return find("subscriptionId = ?1 and seq < ?2 order by seq desc", subscriptionId, beforeSeq)
                .range(0, limit).list();
    }
}
