package io.hearth.platform.access;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.CommunityCreated;
import io.hearth.contracts.events.CommunityUpdated;
import io.hearth.platform.inbox.InboundEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Each community's day: its time zone, replicated from membership's events ({@code community_zone_replica}), UTC
 * until one is set. Fed by {@link MembershipReplicaConsumer} alongside the member replica.
 */
@ApplicationScoped
public class CommunityCalendar {
    private static final String UPSERT = "insert into community_zone_replica (community_id, time_zone)"
            + " values (:community, :zone) on conflict (community_id) do update set time_zone = excluded.time_zone";

    /** Applies one membership event; only community creation and updates that name a time zone change anything. */
    public Uni<Void> apply(InboundEvent event) {
        String communityId;
        String zone;
        if (event.data() instanceof CommunityCreated created) {
            communityId = created.communityId();
            zone = created.timeZone();
        } else if (event.data() instanceof CommunityUpdated updated) {
            communityId = updated.communityId();
            zone = updated.timeZone();
        } else {
            return Uni.createFrom().voidItem();
        }
        if (zone == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT)
                .setParameter("community", communityId)
                .setParameter("zone", zone)
                .executeUpdate()).replaceWithVoid();
    }

    /** The community's time zone; UTC when none is known (or one this JVM does not know). */
    public Uni<ZoneId> zoneOf(String communityId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select time_zone from community_zone_replica where community_id = :community", String.class)
                .setParameter("community", communityId)
                .getResultList())
                .map(zones -> zones.isEmpty() ? ZoneOffset.UTC : parse(zones.get(0)));
    }

    /** The calendar day {@code instant} falls on in the community's time zone. */
    public Uni<LocalDate> dayOf(String communityId, Instant instant) {
        return zoneOf(communityId).map(zone -> LocalDate.ofInstant(instant, zone));
    }

    private static ZoneId parse(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
