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

    /**
     * The people and touches both queries start from, each CTE computed once (materialized: the planner would
     * otherwise inline a CTE used once and may evaluate it again per row of a nested loop):
     * staff (owners and admins now: their latest role event is not MEMBER), memberships (each join until the person's
     * next membership event), links (visitor -> user), openings up to {@code :to} (resolved to people; not by staff,
     * not by someone who was a member at that moment: they were acquired already), joins up to {@code :to} (as
     * members, not staff).
     */
    private static final String TOUCHES = "with staff as materialized ("
            + " select r.person_id from (select distinct on (person_id) person_id, role from event_log"
            + " where community_id = :community and type in (:joined, :roleChanged)"
            + " order by person_id, event_time desc, event_id desc) r where r.role <> :memberRole),"
            + " memberships as materialized ("
            + " select m.person_id as user_id, m.t as since, m.next_t as until from ("
            + " select person_id, type, event_time as t, lead(event_time) over (partition by person_id"
            + " order by event_time, event_id) as next_t from event_log"
            + " where community_id = :community and type in (:joined, :left)) m where m.type = :joined),"
            + " links as materialized ("
            + " select distinct on (visitor_id) visitor_id, person_id as user_id from event_log"
            + " where community_id = :community and type = :joined and visitor_id is not null"
            + " order by visitor_id, event_time, event_id),"
            + " openings as materialized ("
            + " select coalesce('u:' || p.user_id, 'v:' || p.visitor_id) as person, p.user_id, p.t, 0 as kind,"
            + " p.event_id, p.channel, p.source, p.referrer from ("
            + " select coalesce(o.person_id, l.user_id) as user_id, o.visitor_id, o.event_time as t, o.event_id,"
            + " o.entry_channel as channel, o.entry_source as source, o.referrer_id as referrer"
            + " from event_log o left join links l on l.visitor_id = o.visitor_id"
            + " where o.community_id = :community and o.type = :opened and o.event_time <= :to) p"
            + " where not exists (select 1 from staff s where s.person_id = p.user_id)"
            + " and not exists (select 1 from memberships m where m.user_id = p.user_id and m.since < p.t"
            + " and (m.until is null or m.until >= p.t))),"
            + " joins as materialized ("
            + " select 'u:' || j.person_id as person, j.person_id as user_id, j.event_time as t, 1 as kind,"
            + " j.event_id, j.entry_channel as channel, j.entry_source as source, j.referrer_id as referrer"
            + " from event_log j where j.community_id = :community and j.type = :joined and j.role = :memberRole"
            + " and j.event_time <= :to and not exists (select 1 from staff s where s.person_id = j.person_id))";

    /**
     * Each person's touches (openings and joins) in one window pass: row 1 is their first touch (ties: an opening
     * before a join at the same instant, then by event id, so the answer is stable). One pass with no join between
     * CTEs, whose sizes the planner cannot estimate (it took a nested loop over two of them: 48 s for 10,000 joins).
     */
    private static String people(String perPerson, String openingColumn, String joinColumn) {
        String touch = "person, user_id, t, kind, event_id, channel, source, referrer";
        return " people as (select x.person, x.user_id, x.channel, x.source, x.referrer,"
                + " row_number() over (partition by x.person order by x.t, x.kind, x.event_id) as n, " + perPerson
                + " from (select " + touch + openingColumn + " from openings"
                + " union all select " + touch + joinColumn + " from joins) x)";
    }

    /**
     * Entrants: each person's earliest candidate entry in [from, to], an opening or a direct join (a join that follows
     * none of their openings within the window: it converts no opening, so it stands for one). Then the join step
     * (first join as a member at or after entering and before entry + window) and the activation step (first activity
     * at or after that join and before join + activation days).
     */
    static final String JOURNEYS = TOUCHES + ","
            + " direct as materialized ("
            + " select j.event_id from joins j where j.t >= :from"
            + " and not exists (select 1 from openings p where p.person = j.person and p.t <= j.t"
            + " and j.t < " + plusDays("p.t", ":windowDays") + ")),"
            + people("min(x.t) filter (where x.candidate) over (partition by x.person) as entered",
                    ", t >= :from as candidate", ", event_id in (select d.event_id from direct d) as candidate")
            + " select e.person, e.entered as t1, s2.t as t2, s3.t as t3, e.channel, e.source, e.referrer"
            + " from people e"
            + " left join lateral (select min(j.event_time) as t from event_log j where j.community_id = :community"
            + " and j.type = :joined and j.role = :memberRole and j.person_id = e.user_id and j.event_time >= e.entered"
            + " and j.event_time < " + plusDays("e.entered", ":windowDays") + ") s2 on true"
            + " left join lateral (select min(a.event_time) as t from event_log a where a.community_id = :community"
            + " and a.type in " + ACTIVITY_IN + " and a.person_id = e.user_id and a.event_time >= s2.t"
            + " and a.event_time < " + plusDays("s2.t", ":activationDays") + ") s3 on true"
            + " where e.n = 1 and e.entered is not null"
            + " order by e.entered, e.person";

    /**
     * Invitees: people (not staff) whose first join as a member is in [from, to] and whose first touch was a
     * REFERRAL entry; whether they were active within the activation days after that join, on the 30th UTC day after
     * its day, and whether they paid since.
     */
    static final String INVITEES = TOUCHES + ","
            + people("min(x.t) filter (where x.kind = 1) over (partition by x.person) as joined", "", "")
            + " select i.referrer, i.user_id, i.joined,"
            + " (select min(a.event_time) from event_log a where a.community_id = :community"
            + " and a.type in " + ACTIVITY_IN + " and a.person_id = i.user_id and a.event_time >= i.joined"
            + " and a.event_time < " + plusDays("i.joined", ":activationDays") + ") as activated,"
            + " exists (select 1 from event_log a where a.community_id = :community"
            + " and a.type in " + ACTIVITY_IN + " and a.person_id = i.user_id"
            + " and a.event_time >= " + dayStart("i.joined", 30) + " and a.event_time < " + dayStart("i.joined", 31)
            + ") as day30,"
            + " exists (select 1 from event_log p where p.community_id = :community and p.type = :paid"
            + " and p.person_id = i.user_id and p.event_time >= i.joined) as paid"
            + " from people i"
            + " where i.n = 1 and i.channel = :referral and i.referrer is not null"
            + " and i.joined >= :from and i.joined <= :to"
            + " order by i.referrer, i.joined, i.user_id";

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
