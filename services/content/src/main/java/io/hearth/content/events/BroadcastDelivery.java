package io.hearth.content.events;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.hearth.contracts.events.BroadcastPublished;
import io.hearth.content.domain.BroadcastSettings;
import io.hearth.content.repository.BroadcastRepository;
import io.hearth.platform.inbox.InboundEvent;
import io.hearth.platform.inbox.PoisonEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Fills inboxes from hearth.broadcast.published (read back from content's own topic by {@link OwnEventsConsumer}): each
 * event brings the broadcast to the current members of one target community (community_member_replica), the sender
 * left out.
 *
 * <p>One statement per event, so each rule holds under concurrency (two instances delivering two target communities
 * at once):
 * <ul>
 * <li>Once per person per broadcast: the first delivery to reach them claims (broadcast, person) in
 * {@code broadcast_recipient}; a delivery through another target community finds it taken and skips them, whether it
 * was delivered or suppressed the first time.</li>
 * <li>The daily cap: a person gets at most N broadcasts per UTC day (the day of publication, the event's time)
 * across communities. N is the cap of the owner of the community the delivery reaches them through (the first that
 * claimed them), default 2. The per-person-per-day counter is raised by an upsert that refuses to go past N, so two
 * deliveries at once cannot both take the last place; a claimed person whose counter is full is suppressed.</li>
 * </ul>
 * The broadcast's figures (delivered, suppressed) are added in the same transaction, which also records the event as
 * applied, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class BroadcastDelivery {
    private static final Logger LOG = Logger.getLogger(BroadcastDelivery.class);

    private static final String FAN_OUT = "with owner_cap as ("
            + " select coalesce((select s.daily_cap from community_member_replica o"
            + "   join broadcast_settings s on s.owner_id = o.user_id"
            + "   where o.community_id = :community and o.role = 'OWNER' limit 1), :defaultCap) as cap),"
            + " claimed as ("
            + " insert into broadcast_recipient (broadcast_id, user_id, community_id)"
            + " select b.id, m.user_id, b.community from community_member_replica m,"
            + "   (select cast(:broadcast as uuid) as id, cast(:communityId as uuid) as community) b"
            + " where m.community_id = :community and m.user_id <> :sender order by m.user_id"
            + " on conflict do nothing returning user_id),"
            + " counted as ("
            + " insert into broadcast_daily_count as d (user_id, day, delivered)"
            + " select c.user_id, cast(:day as date), 1 from claimed c, owner_cap where owner_cap.cap > 0"
            + " on conflict (user_id, day) do update set delivered = d.delivered + 1"
            + " where d.delivered < (select cap from owner_cap)"
            + " returning user_id),"
            + " delivered as ("
            + " insert into inbox_item (id, user_id, kind, title, body, ref, community_id, broadcast_id, created_at)"
            + " select gen_random_uuid(), c.user_id, 'broadcast', b.title, b.body, :post, cast(:communityId as uuid),"
            + "   b.id, cast(:time as timestamptz)"
            + " from counted c, broadcast b where b.id = cast(:broadcast as uuid)"
            + " on conflict do nothing returning user_id)"
            + " select (select count(*) from claimed), (select count(*) from delivered)";

    private final BroadcastRepository broadcasts;

    public BroadcastDelivery(BroadcastRepository broadcasts) {
        this.broadcasts = broadcasts;
    }

    /** Delivers one hearth.broadcast.published, in the consumer's transaction (which claims the event). */
    Uni<Void> deliver(InboundEvent event, BroadcastPublished published) {
        UUID broadcastId = uuid(event, published.broadcastId());
        uuid(event, published.communityId());
        return broadcasts.findById(broadcastId).chain(broadcast -> {
            if (broadcast == null) {
                // Content publishes this event in the transaction that stores the broadcast: another database's event.
                LOG.warnf("Broadcast %s of event %s is unknown here; nothing delivered", broadcastId, event.id());
                return Uni.createFrom().voidItem();
            }
            return Panache.getSession().chain(s -> s.createNativeQuery(FAN_OUT, Object[].class)
                    .setParameter("community", published.communityId())
                    .setParameter("defaultCap", BroadcastSettings.DEFAULT_DAILY_CAP)
                    .setParameter("communityId", UUID.fromString(published.communityId()))
                    .setParameter("broadcast", broadcastId)
                    .setParameter("sender", published.senderId())
                    .setParameter("day", LocalDate.ofInstant(event.time(), ZoneOffset.UTC))
                    .setParameter("post", published.postId())
                    .setParameter("time", event.time().atOffset(ZoneOffset.UTC))
                    .getSingleResult())
                    .chain(row -> {
                        int reached = ((Number) row[0]).intValue();
                        int delivered = ((Number) row[1]).intValue();
                        return broadcasts.addOutcomes(broadcastId, delivered, reached - delivered);
                    });
        });
    }

    private static UUID uuid(InboundEvent event, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + event.id() + ": " + value + " is not a UUID", e);
        }
    }
}
