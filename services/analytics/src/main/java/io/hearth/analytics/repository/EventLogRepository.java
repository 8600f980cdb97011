package io.hearth.analytics.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.hearth.analytics.domain.BoundedJourney;
import io.hearth.analytics.domain.FunnelJourney;
import io.hearth.analytics.domain.FunnelStep;
import io.hearth.analytics.domain.ItemFunnel;
import io.hearth.analytics.domain.LoggedEvent;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The event log table. Appending is keyed by event id, so an event applied twice (a redelivery, a replay, a rebuild
 * that kept the rows) is one row. Reads are SQL over the log, per person, so that the database does the scanning.
 */
@ApplicationScoped
public class EventLogRepository {
    /** Bound as text and cast: a string bound straight to jsonb would be stored as one JSON string, not the object. */
    private static final String APPEND = "insert into event_log (event_id, type, community_id, person_id, role,"
            + " entry_channel, referrer_id, entry_source, visitor_id, event_time, data)"
            + " values (:eventId, :type, :community, :person, :role, :channel, :referrer, :source, :visitor, :time,"
            + " cast(cast(:data as text) as jsonb))"
            + " on conflict (event_id) do nothing";

    /**
     * Entry + window: whole days of the UTC calendar, as METRICS.md counts days, so always n x 24 hours. Adding days
     * to a timestamptz directly would follow the session's TimeZone, where a day across a DST change is 23 or 25
     * hours; the session's zone is whatever the database or role defaults to, so it is pinned here.
     */
    private static final String WINDOW_END =
            "((e.t at time zone 'UTC') + make_interval(days => :windowDays)) at time zone 'UTC'";

    /** Appends the event unless a row with its id is there already; must run in the consumer's transaction. */
    public Uni<Void> append(LoggedEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(APPEND)
                .setParameter("eventId", event.eventId())
                .setParameter("type", event.type())
                .setParameter("community", event.communityId())
                .setParameter("person", event.personId())
                .setParameter("role", event.role())
                .setParameter("channel", event.entryChannel())
                .setParameter("referrer", event.referrerId())
                .setParameter("source", event.entrySource())
                .setParameter("visitor", event.visitorId())
                .setParameter("time", event.time())
                .setParameter("data", event.dataJson())
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * One journey per distinct person who entered the funnel in the community: entering is their first
     * {@code MEMBER} join with an event time in [from, to], unless they are staff now (made an admin since). For each later step, the time of their first event of
     * that step's type at or after the previous step's time and before entry + window; taking the earliest time at
     * each step leaves the most room for the steps after it, so a person converts whenever any ordering of their
     * events would let them.
     */
    public Uni<List<FunnelJourney>> journeys(String communityId, List<FunnelStep> laterSteps, Instant from, Instant to,
            int windowDays) {
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(journeySql(laterSteps.size()),
                    Object[].class)
                    .setParameter("community", communityId)
                    .setParameter("joined", EventType.MEMBER_JOINED.type())
                    .setParameter("roleChanged", EventType.MEMBER_ROLE_CHANGED.type())
                    .setParameter("memberRole", CommunityRole.MEMBER.name())
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .setParameter("windowDays", windowDays);
            for (int i = 0; i < laterSteps.size(); i++) {
                query.setParameter("step" + (i + 2), laterSteps.get(i).event().type());
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(EventLogRepository::journey).toList());
    }

    /**
     * Entrants, then one lateral look-up per later step, each starting where the previous one was reached: a person
     * who did not reach step k has a null time there, and the comparison with null finds nothing for k+1 either.
     */
    static String journeySql(int laterSteps) {
        StringBuilder sql = new StringBuilder("select e.person_id, e.t as t1");
        for (int step = 2; step <= laterSteps + 1; step++) {
            sql.append(", s").append(step).append(".t as t").append(step);
        }
        // Staff are left out of member metrics: someone joined as a member but made an admin since is staff now.
        sql.append(" from (select j.person_id, min(j.event_time) as t from event_log j"
                + " where j.community_id = :community and j.type = :joined and j.role = :memberRole"
                + " and j.event_time >= :from and j.event_time <= :to"
                + " and (select r.role from event_log r where r.community_id = :community and r.person_id = j.person_id"
                + " and r.type in (:joined, :roleChanged) order by r.event_time desc limit 1) = :memberRole"
                + " group by j.person_id) e");
        String previous = "e.t";
        for (int step = 2; step <= laterSteps + 1; step++) {
            String alias = "s" + step;
            sql.append(" left join lateral (select min(event_time) as t from event_log")
                    .append(" where community_id = :community and type = :step").append(step)
                    .append(" and person_id = e.person_id and event_time >= ").append(previous)
                    .append(" and event_time < ").append(WINDOW_END).append(") ").append(alias)
                    .append(" on true");
            previous = alias + ".t";
        }
        return sql.append(" order by e.t, e.person_id").toString();
    }

    /**
     * The journeys of a funnel of things, each with until when its missing steps may still come. Every query selects
     * the thing's key, that time, then the time of each step (null where not reached).
     */
    public Uni<List<BoundedJourney>> itemJourneys(ItemFunnel funnel, String communityId, Instant from, Instant to,
            int windowDays) {
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = switch (funnel) {
                case QUESTIONS -> session.createNativeQuery(QUESTION_JOURNEYS, Object[].class)
                        .setParameter("posted", EventType.POST_CREATED.type())
                        .setParameter("replied", EventType.REPLY_CREATED.type())
                        .setParameter("accepted", EventType.ANSWER_ACCEPTED.type())
                        .setParameter("removed", EventType.POST_REMOVED.type())
                        .setParameter("windowDays", windowDays);
                case EVENTS -> session.createNativeQuery(EVENT_JOURNEYS, Object[].class)
                        .setParameter("created", EventType.EVENT_CREATED.type())
                        .setParameter("registered", EventType.EVENT_REGISTERED.type())
                        .setParameter("promoted", EventType.EVENT_WAITLIST_PROMOTED.type())
                        .setParameter("attended", EventType.EVENT_ATTENDED.type());
                case CHALLENGES -> session.createNativeQuery(CHALLENGE_JOURNEYS, Object[].class)
                        .setParameter("created", EventType.CHALLENGE_CREATED.type())
                        .setParameter("joined", EventType.CHALLENGE_JOINED.type())
                        .setParameter("checkedIn", EventType.CHECKIN_RECORDED.type())
                        .setParameter("completed", EventType.CHALLENGE_COMPLETED.type());
            };
            return query.setParameter("community", communityId)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .getResultList();
        }).map(rows -> rows.stream().map(EventLogRepository::boundedJourney).toList());
    }

    /**
     * One journey per question (a post of kind QUESTION) asked in the community with an event time in [from, to] and
     * not taken down since: then its first reply by someone other than the asker, at or after the asking and before
     * asked + window, leaving out replies taken down since; then the first acceptance of an answer at or after that
     * reply and before the window closes. The journey's "person" is the question's post id.
     */
    private static final String QUESTION_JOURNEYS = "select e.post_id, " + WINDOW_END + " as open_until,"
            + " e.t as t1, r.t as t2, a.t as t3 from"
            + " (select q.data ->> 'postId' as post_id, q.person_id as asker, q.event_time as t from event_log q"
            + " where q.community_id = :community and q.type = :posted and q.data ->> 'kind' = 'QUESTION'"
            + " and q.event_time >= :from and q.event_time <= :to"
            + " and not exists (select 1 from event_log x where x.community_id = :community and x.type = :removed"
            + " and x.data ->> 'postId' = q.data ->> 'postId' and x.data ->> 'replyId' is null)) e"
            + " left join lateral (select min(p.event_time) as t from event_log p where p.community_id = :community"
            + " and p.type = :replied and p.data ->> 'postId' = e.post_id and p.person_id <> e.asker"
            + " and p.event_time >= e.t and p.event_time < " + WINDOW_END
            + " and not exists (select 1 from event_log x where x.community_id = :community and x.type = :removed"
            + " and x.data ->> 'replyId' = p.data ->> 'replyId')) r on true"
            + " left join lateral (select min(c.event_time) as t from event_log c where c.community_id = :community"
            + " and c.type = :accepted and c.data ->> 'postId' = e.post_id and c.event_time >= r.t"
            + " and c.event_time < " + WINDOW_END + ") a on true"
            + " order by e.t, e.post_id";

    /**
     * One journey per person and event they first registered for with an event time in [from, to]: then the first
     * time they held a place (a REGISTERED registration, or a promotion from the waitlist) at or after that; then
     * their attendance at or after that. Open until the event ends (hearth.event.created's endsAt): attendance can
     * come no later, so the conversion window plays no part.
     */
    private static final String EVENT_JOURNEYS = "select e.event_id || ':' || e.person_id, ev.ends_at,"
            + " e.t as t1, p.t as t2, a.t as t3 from"
            + " (select r.data ->> 'eventId' as event_id, r.person_id, min(r.event_time) as t from event_log r"
            + " where r.community_id = :community and r.type = :registered"
            + " and r.event_time >= :from and r.event_time <= :to group by 1, 2) e"
            + " left join lateral (select cast(c.data ->> 'endsAt' as timestamptz) as ends_at from event_log c"
            + " where c.community_id = :community and c.type = :created and c.data ->> 'eventId' = e.event_id"
            + " limit 1) ev on true"
            + " left join lateral (select min(g.event_time) as t from event_log g where g.community_id = :community"
            + " and g.person_id = e.person_id and g.data ->> 'eventId' = e.event_id and g.event_time >= e.t"
            + " and ((g.type = :registered and g.data ->> 'status' = 'REGISTERED') or g.type = :promoted)) p on true"
            + " left join lateral (select min(x.event_time) as t from event_log x where x.community_id = :community"
            + " and x.type = :attended and x.person_id = e.person_id and x.data ->> 'eventId' = e.event_id"
            + " and x.event_time >= p.t) a on true"
            + " order by e.t, 1";

    /**
     * One journey per person and challenge they joined with an event time in [from, to]: then their first check-in
     * for a day of the challenge (check-ins before joining count toward its goal, so one of those counts here, at the
     * join); then their completion. Open until the end of the challenge's last day wherever that ends latest
     * (startsOn + days at 12:00 UTC, the end of that day at UTC-12), since analytics does not keep each community's
     * zone: a check-in's own {@code day} already says which day of the community it counted for.
     */
    private static final String CHALLENGE_JOURNEYS = "select e.challenge_id || ':' || e.person_id,"
            + " ch.open_until, e.t as t1, k.t as t2, d.t as t3 from"
            + " (select j.data ->> 'challengeId' as challenge_id, j.person_id, min(j.event_time) as t from event_log j"
            + " where j.community_id = :community and j.type = :joined"
            + " and j.event_time >= :from and j.event_time <= :to group by 1, 2) e"
            + " left join lateral (select cast(c.data ->> 'startsOn' as date) as starts_on,"
            + " cast(c.data ->> 'startsOn' as date) + cast(c.data ->> 'days' as integer) - 1 as last_day,"
            + " ((cast(c.data ->> 'startsOn' as date) + cast(c.data ->> 'days' as integer)) + time '12:00')"
            + " at time zone 'UTC' as open_until from event_log c where c.community_id = :community"
            + " and c.type = :created and c.data ->> 'challengeId' = e.challenge_id limit 1) ch on true"
            + " left join lateral (select case when min(x.event_time) is null then null"
            + " else greatest(e.t, min(x.event_time)) end as t from event_log x where x.community_id = :community"
            + " and x.type = :checkedIn and x.person_id = e.person_id"
            + " and cast(x.data ->> 'day' as date) between ch.starts_on and ch.last_day) k on true"
            + " left join lateral (select min(y.event_time) as t from event_log y where y.community_id = :community"
            + " and y.type = :completed and y.person_id = e.person_id and y.data ->> 'challengeId' = e.challenge_id"
            + " and y.event_time >= k.t) d on true"
            + " order by e.t, 1";

    private static BoundedJourney boundedJourney(Object[] row) {
        List<Instant> reached = new ArrayList<>(row.length - 2);
        Arrays.stream(row, 2, row.length).forEach(value -> reached.add(instant(value)));
        return new BoundedJourney(new FunnelJourney((String) row[0], reached), instant(row[1]));
    }

    private static FunnelJourney journey(Object[] row) {
        List<Instant> reached = new ArrayList<>(row.length - 1);
        Arrays.stream(row, 1, row.length).forEach(value -> reached.add(instant(value)));
        return new FunnelJourney((String) row[0], reached);
    }

    /** A timestamptz column of a native query, which Hibernate Reactive hands over as an OffsetDateTime. */
    private static Instant instant(Object value) {
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }
}
