package io.hearth.analytics.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.hearth.analytics.domain.AcquisitionJourney;
import io.hearth.analytics.domain.Attribution;
import io.hearth.analytics.domain.FunnelJourney;
import io.hearth.analytics.domain.Invitee;
import io.hearth.contracts.events.ActivityEvents;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Acquisition over the event log: openings of entries and live codes and joins, tied into people, then the usual
 * funnel steps. The database does the scanning, as for the lifecycle funnel; the service turns the rows into steps.
 *
 * <p>Who is who: a join that carries a visitor id makes that visitor the person who joined (the first such join, if
 * a device was shared); a signed-in opening is its user's. An opening by a visitor nobody has joined as is a person
 * of its own, known by the visitor id. People are keyed {@code u:<userId>} or {@code v:<visitorId>}.
 */
@ApplicationScoped
public class AcquisitionRepository {
    /** The activity types as numbered parameters, one list for every "active" in analytics. */
    private static final List<EventType> ACTIVITY = ActivityEvents.TYPES.stream().sorted().toList();
    private static final String ACTIVITY_IN = IntStream.range(0, ACTIVITY.size()).mapToObj(i -> ":activity" + i)
            .collect(Collectors.joining(", ", "(", ")"));

    /** {@code time} + n days: whole UTC days, n x 24 hours, whatever the session's TimeZone (as EventLogRepository). */
    private static String plusDays(String time, String days) {
        return "((" + time + " at time zone 'UTC') + make_interval(days => " + days + ")) at time zone 'UTC'";
    }

    /** The start of the UTC day n days after the day of {@code time}. */
    private static String dayStart(String time, int days) {
        return "(date_trunc('day', " + time + " at time zone 'UTC') + make_interval(days => " + days
                + ")) at time zone 'UTC'";
    }

    /** Not staff now: their latest role event (join or role change) is MEMBER, or they have none (a visitor). */
    private static String notStaff(String userId) {
        return "coalesce((select r.role from event_log r where r.community_id = :community and r.person_id = "
                + userId + " and r.type in (:joined, :roleChanged) order by r.event_time desc, r.event_id desc"
                + " limit 1), :memberRole) = :memberRole";
    }

    /**
     * The people and touches both queries start from, each CTE up to {@code :to}:
     * links (visitor -> user), openings (resolved to people; not staff, not by someone who was a member at that
     * moment: they were acquired already), joins (as members, not staff) and each person's first touch.
     */
    private static final String TOUCHES = "with links as ("
            + " select distinct on (visitor_id) visitor_id, person_id as user_id from event_log"
            + " where community_id = :community and type = :joined and visitor_id is not null"
            + " order by visitor_id, event_time, event_id),"
            + " resolved as ("
            + " select coalesce(o.person_id, l.user_id) as user_id, o.visitor_id, o.event_time as t, o.event_id,"
            + " o.entry_channel as channel, o.entry_source as source, o.referrer_id as referrer"
            + " from event_log o left join links l on l.visitor_id = o.visitor_id"
            + " where o.community_id = :community and o.type = :opened and o.event_time <= :to),"
            + " openings as ("
            + " select coalesce('u:' || p.user_id, 'v:' || p.visitor_id) as person, p.user_id, p.t, 0 as kind,"
            + " p.event_id, p.channel, p.source, p.referrer from resolved p"
            + " where " + notStaff("p.user_id")
            + " and coalesce((select m.type from event_log m where m.community_id = :community"
            + " and m.person_id = p.user_id and m.type in (:joined, :left) and m.event_time < p.t"
            + " order by m.event_time desc, m.event_id desc limit 1), :left) <> :joined),"
            + " joins as ("
            + " select 'u:' || j.person_id as person, j.person_id as user_id, j.event_time as t, 1 as kind,"
            + " j.event_id, j.entry_channel as channel, j.entry_source as source, j.referrer_id as referrer"
            + " from event_log j where j.community_id = :community and j.type = :joined and j.role = :memberRole"
            + " and j.event_time <= :to and " + notStaff("j.person_id") + "),"
            // Ties: an opening before a join at the same instant, then by event id, so the answer is stable.
            + " first_touch as ("
            + " select distinct on (person) person, channel, source, referrer from ("
            + " select person, t, kind, event_id, channel, source, referrer from openings"
            + " union all select person, t, kind, event_id, channel, source, referrer from joins) x"
            + " order by person, t, kind, event_id)";

    /**
     * Entrants: each person's earliest candidate entry in [from, to], an opening or a direct join (a join that follows
     * none of their openings within the window: it converts no opening, so it stands for one). Then the join step
     * (first join as a member at or after entering and before entry + window) and the activation step (first activity
     * at or after that join and before join + activation days).
     */
    static final String JOURNEYS = TOUCHES + ","
            + " direct as ("
            + " select j.person, j.user_id, j.t, j.kind, j.event_id from joins j where j.t >= :from"
            + " and not exists (select 1 from openings p where p.person = j.person and p.t <= j.t"
            + " and j.t < " + plusDays("p.t", ":windowDays") + ")),"
            + " entrants as ("
            + " select distinct on (person) person, user_id, t from ("
            + " select person, user_id, t, kind, event_id from openings where t >= :from"
            + " union all select person, user_id, t, kind, event_id from direct) c"
            + " order by person, t, kind, event_id)"
            + " select e.person, e.t as t1, s2.t as t2, s3.t as t3, f.channel, f.source, f.referrer"
            + " from entrants e"
            + " left join lateral (select min(j.event_time) as t from event_log j where j.community_id = :community"
            + " and j.type = :joined and j.role = :memberRole and j.person_id = e.user_id and j.event_time >= e.t"
            + " and j.event_time < " + plusDays("e.t", ":windowDays") + ") s2 on true"
            + " left join lateral (select min(a.event_time) as t from event_log a where a.community_id = :community"
            + " and a.type in " + ACTIVITY_IN + " and a.person_id = e.user_id and a.event_time >= s2.t"
            + " and a.event_time < " + plusDays("s2.t", ":activationDays") + ") s3 on true"
            + " join first_touch f on f.person = e.person"
            + " order by e.t, e.person";

    /**
     * Invitees: people (not staff) whose first join of the community is in [from, to] and whose first touch was a
     * REFERRAL entry; whether they were active within the activation days after it, on the 30th UTC day after its
     * day, and whether they paid since.
     */
    static final String INVITEES = TOUCHES + ","
            + " first_joins as ("
            + " select distinct on (person_id) person_id as user_id, event_time as t from event_log"
            + " where community_id = :community and type = :joined order by person_id, event_time, event_id)"
            + " select f.referrer, i.user_id, i.t,"
            + " (select min(a.event_time) from event_log a where a.community_id = :community"
            + " and a.type in " + ACTIVITY_IN + " and a.person_id = i.user_id and a.event_time >= i.t"
            + " and a.event_time < " + plusDays("i.t", ":activationDays") + ") as activated,"
            + " exists (select 1 from event_log a where a.community_id = :community"
            + " and a.type in " + ACTIVITY_IN + " and a.person_id = i.user_id"
            + " and a.event_time >= " + dayStart("i.t", 30) + " and a.event_time < " + dayStart("i.t", 31)
            + ") as day30,"
            + " exists (select 1 from event_log p where p.community_id = :community and p.type = :paid"
            + " and p.person_id = i.user_id and p.event_time >= i.t) as paid"
            + " from first_joins i join first_touch f on f.person = 'u:' || i.user_id"
            + " where i.t >= :from and i.t <= :to and f.channel = :referral and f.referrer is not null"
            + " and " + notStaff("i.user_id")
            + " order by f.referrer, i.t, i.user_id";

    /** Every person who entered the acquisition funnel in [from, to], with their steps and first touch. */
    public Uni<List<AcquisitionJourney>> journeys(String communityId, Instant from, Instant to, int windowDays,
            int activationDays) {
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = bind(session.createNativeQuery(JOURNEYS, Object[].class),
                    communityId, from, to)
                    .setParameter("windowDays", windowDays)
                    .setParameter("activationDays", activationDays);
            return query.getResultList();
        }).map(rows -> rows.stream().map(AcquisitionRepository::journey).toList());
    }

    /** Every referred person whose first join was in [from, to], with what became of them. */
    public Uni<List<Invitee>> invitees(String communityId, Instant from, Instant to, int activationDays) {
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = bind(session.createNativeQuery(INVITEES, Object[].class),
                    communityId, from, to)
                    .setParameter("activationDays", activationDays)
                    .setParameter("paid", EventType.PAYMENT_SUCCEEDED.type())
                    .setParameter("referral", "REFERRAL");
            return query.getResultList();
        }).map(rows -> rows.stream().map(row -> new Invitee((String) row[0], (String) row[1], instant(row[2]),
                instant(row[3]), (Boolean) row[4], (Boolean) row[5])).toList());
    }

    private static Mutiny.SelectionQuery<Object[]> bind(Mutiny.SelectionQuery<Object[]> query, String communityId,
            Instant from, Instant to) {
        query.setParameter("community", communityId)
                .setParameter("opened", EventType.ENTRY_OPENED.type())
                .setParameter("joined", EventType.MEMBER_JOINED.type())
                .setParameter("left", EventType.MEMBER_LEFT.type())
                .setParameter("roleChanged", EventType.MEMBER_ROLE_CHANGED.type())
                .setParameter("memberRole", CommunityRole.MEMBER.name())
                .setParameter("from", from)
                .setParameter("to", to);
        for (int i = 0; i < ACTIVITY.size(); i++) {
            query.setParameter("activity" + i, ACTIVITY.get(i).type());
        }
        return query;
    }

    private static AcquisitionJourney journey(Object[] row) {
        List<Instant> reached = new ArrayList<>(3);
        Arrays.stream(row, 1, 4).forEach(value -> reached.add(instant(value)));
        return new AcquisitionJourney(new FunnelJourney((String) row[0], reached),
                new Attribution((String) row[4], (String) row[5], (String) row[6]));
    }

    /** A timestamptz column of a native query, which Hibernate Reactive hands over as an OffsetDateTime. */
    private static Instant instant(Object value) {
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }
}
