package io.hearth.analytics.service;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.analytics.domain.WebhookSubscription;
import io.hearth.analytics.mapping.CreateWebhookSubscriptionRequest;
import io.hearth.analytics.mapping.CreatedWebhookSubscriptionView;
import io.hearth.analytics.mapping.WebhookDeliveryView;
import io.hearth.analytics.mapping.WebhookSubscriptionView;
import io.hearth.analytics.repository.WebhookDeliveryRepository;
import io.hearth.analytics.repository.WebhookSubscriptionRepository;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.PartnerScope;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Partners' webhook subscriptions. Only a partner client holding events:subscribe in the community subscribes (a
 * person has no use for a webhook, and the grant is what every delivery is checked against); it sees and removes its
 * own subscriptions. The owner and admins see every subscription of their community and its delivery log, and may
 * remove any, so they can always tell what leaves their community and stop it.
 */
@ApplicationScoped
public class WebhookSubscriptionService {
    /** Enough for any integration; a bound so that one partner cannot make every event fan out without limit. */
    static final int MAX_PER_PARTNER = 10;

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookUrlGuard guard;
    private final CommunityAccess access;

    public WebhookSubscriptionService(WebhookSubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries, WebhookUrlGuard guard, CommunityAccess access) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.guard = guard;
        this.access = access;
    }

    /** Who calls: a person (partnerClientId null) or a partner client. */
    public record Caller(String userId, String partnerClientId) {
        boolean isPartner() {
            return partnerClientId != null;
        }
    }

    /**
     * The partner subscribes a URL to event types of the community. The URL is checked here (resolving its host) and
     * again before every delivery.
     */
    public Uni<CreatedWebhookSubscriptionView> create(UUID communityId, CreateWebhookSubscriptionRequest request,
            Caller caller) {
        String community = communityId.toString();
        if (!caller.isPartner()) {
            return Uni.createFrom().failure(Problems.forbidden("Webhooks are for partner clients: the owner grants "
                    + "a partner events:subscribe, and the partner subscribes."));
        }
        String types = eventTypes(request.eventTypes());
        URI url = WebhookUrlGuard.parse(request.url().strip());
        return access.requirePartner(community, caller.partnerClientId(), PartnerScope.EVENTS_SUBSCRIBE)
                .chain(() -> guard.check(url))
                .chain(() -> Panache.withTransaction(() -> subscriptions.countOf(community, caller.partnerClientId())
                        .chain(count -> {
                            if (count >= MAX_PER_PARTNER) {
                                return Uni.createFrom().failure(Problems.of(ProblemType.VALIDATION, "A partner may "
                                        + "hold " + MAX_PER_PARTNER + " subscriptions per community; delete one "
                                        + "first."));
                            }
                            WebhookSubscription s = new WebhookSubscription();
                            s.id = UUID.randomUUID();
                            s.communityId = community;
                            s.clientId = caller.partnerClientId();
                            s.url = url.toString();
                            s.eventTypes = types;
                            s.secret = WebhookSignature.newSecret();
                            s.createdAt = Instant.now();
                            return subscriptions.persist(s).map(CreatedWebhookSubscriptionView::of);
                        })));
    }

    /** The partner's own subscriptions in the community, or every one of them for the owner and admins. */
    public Uni<List<WebhookSubscriptionView>> list(UUID communityId, Caller caller) {
        String community = communityId.toString();
        return Panache.withSession(() -> visibleTo(community, caller)
                .chain(client -> subscriptions.ofCommunity(community, client)))
                .map(rows -> rows.stream().map(WebhookSubscriptionView::of).toList());
    }

    /** Removes the subscription and its delivery log; what was pending is not delivered. */
    public Uni<Void> delete(UUID communityId, UUID subscriptionId, Caller caller) {
        return Panache.withTransaction(() -> find(communityId, subscriptionId, caller)
                .chain(s -> subscriptions.delete(s)));
    }

    /** The subscription's deliveries, newest first. */
    public Uni<Page<WebhookDeliveryView>> deliveries(UUID communityId, UUID subscriptionId, Caller caller,
            long afterSeq, int limit) {
        long before = afterSeq == 0 ? Long.MAX_VALUE : afterSeq;
        return Panache.withSession(() -> find(communityId, subscriptionId, caller)
                .chain(s -> deliveries.pageNewestFirst(s.id, before, limit)))
                .map(rows -> Page.of(rows, limit, d -> String.valueOf(d.seq), WebhookDeliveryView::of));
    }

    private Uni<WebhookSubscription> find(UUID communityId, UUID subscriptionId, Caller caller) {
        String community = communityId.toString();
        return visibleTo(community, caller)
                .chain(client -> subscriptions.findById(subscriptionId).map(s -> s != null
                        && s.communityId.equals(community) && (client == null || s.clientId.equals(client)) ? s : null))
                .onItem().ifNull().failWith(() -> Problems.notFound("No webhook subscription " + subscriptionId
                        + " in community " + communityId + "."));
    }

    /** The client whose subscriptions the caller may see, or null for all of the community's (staff). */
    private Uni<String> visibleTo(String community, Caller caller) {
        if (caller.isPartner()) {
            return access.requirePartner(community, caller.partnerClientId(), PartnerScope.EVENTS_SUBSCRIBE)
                    .replaceWith(caller.partnerClientId());
        }
        return access.require(community, caller.userId(), CommunityAccess.STAFF).replaceWith((String) null);
    }

    /** Known CloudEvents types, each once, as one column holds them. */
    private static String eventTypes(List<String> requested) {
        Set<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            String t = type.strip();
            if (EventType.ofType(t).isEmpty()) {
                throw Problems.invalidField("eventTypes", t + " is not a Hearth event type");
            }
            types.add(t);
        }
        return String.join(" ", types);
    }
}
