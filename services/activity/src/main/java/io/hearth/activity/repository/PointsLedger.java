package io.hearth.activity.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.PointsAction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The points ledger ({@code points_entry}): bookings and their reversals, and the sums the leaderboard reads. Every
 * statement names one community, which leads every key and index.
 */
@ApplicationScoped
public class PointsLedger {
    /**
     * Books the action's points at the community's current rate (the default where staff set none). The key (community,
     * event, person, not a reversal) makes a repeated event book nothing.
     */
    private static final String BOOK = "insert into points_entry (community_id, booking_id, user_id, reversal, action,"
            + " points, event_id, post_id, reply_id, ref, occurred_at, recorded_at)"
            + " values (:community, :event, :user, false, :action,"
            + " coalesce((select s.%s from points_settings s where s.community_id = :community), :default),"
            + " :event, cast(:post as text), cast(:reply as text), cast(:ref as text), :occurredAt, :now)"
            + " on conflict do nothing";

    /**
     * Takes back the bookings that {@code %s} selects and nothing has taken back yet: a reversal row per booking, with
     * the negated points and the booking's time. Its key (the booking's, reversal true) reverses a booking at most once.
     */
    private static final String REVERSE = "insert into points_entry (community_id, booking_id, user_id, reversal,"
            + " action, points, event_id, post_id, reply_id, ref, occurred_at, recorded_at)"
            + " select b.community_id, b.booking_id, b.user_id, true, b.action, -b.points, :event, b.post_id,"
            + " b.reply_id, b.ref, b.occurred_at, :now from points_entry b"
            + " where b.community_id = :community and not b.reversal and %s"
            + " and not exists (select 1 from points_entry r where r.community_id = b.community_id"
            + " and r.booking_id = b.booking_id and r.user_id = b.user_id and r.reversal)"
            + " %s on conflict do nothing";

    /** Current members' points since an instant, ranked; ties share a rank (1, 1, 3). */
    private static final String LEADERBOARD = "select t.user_id, t.points, rank() over (order by t.points desc)"
            + " from (select e.user_id, sum(e.points) as points from points_entry e"
            + " join community_member_replica m on m.community_id = :communityText and m.user_id = e.user_id"
            + " where e.community_id = :community and e.occurred_at >= :since"
            + " group by e.user_id having sum(e.points) > 0) t"
            + " order by t.points desc, t.user_id limit :limit";

    /** How many current members have more points than {@code :points} since an instant. */
    private static final String AHEAD = "select count(*) from (select e.user_id from points_entry e"
            + " join community_member_replica m on m.community_id = :communityText and m.user_id = e.user_id"
            + " where e.community_id = :community and e.occurred_at >= :since"
            + " group by e.user_id having sum(e.points) > :points) t";

    /** One person's points in the three periods. */
    private static final String TOTALS = "select coalesce(sum(points) filter (where occurred_at >= :since7), 0),"
            + " coalesce(sum(points) filter (where occurred_at >= :since30), 0), coalesce(sum(points), 0)"
            + " from points_entry where community_id = :community and user_id = :user";

    /** One person's points per action, with how many bookings stand (a reversal cancels its booking). */
    private static final String BREAKDOWN = "select action, sum(case when reversal then -1 else 1 end), sum(points)"
            + " from points_entry where community_id = :community and user_id = :user group by action";

    /** What a booking is for: the post, reply and ref a later removal finds it by (each may be null). */
    public record Subject(String postId, String replyId, String ref) {
        public static final Subject NONE = new Subject(null, null, null);

        public static Subject ref(String ref) {
            return new Subject(null, null, ref);
        }
    }

    /** One line of a leaderboard. */
    public record Standing(String userId, long points, long rank) {
    }

    /** One action's share of a person's points. */
    public record ActionTotal(PointsAction action, long count, long points) {
    }

    /** A person's points in the last 7 days, the last 30 days and all time. */
    public record Totals(long last7Days, long last30Days, long allTime) {
    }

    /** Books {@code action} for {@code userId}; false when this event already booked it. */
    public Uni<Boolean> book(UUID communityId, String eventId, String userId, PointsAction action, Subject subject,
            Instant occurredAt, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(BOOK.formatted(action.column()))
                .setParameter("community", communityId)
                .setParameter("event", eventId)
                .setParameter("user", userId)
                .setParameter("action", action.name())
                .setParameter("default", action.defaultPoints())
                .setParameter("post", subject.postId())
                .setParameter("reply", subject.replyId())
                .setParameter("ref", subject.ref())
                .setParameter("occurredAt", occurredAt)
                .setParameter("now", now)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    /** Takes back the latest standing booking of one reaction ({@code ref} = giver/reaction) on a post. */
    public Uni<Integer> reverseReaction(UUID communityId, String eventId, String postId, String ref, Instant now) {
        return reverse(communityId, eventId, "b.action = 'REACTION_RECEIVED' and b.post_id = :post and b.ref = :ref",
                "order by b.occurred_at desc, b.recorded_at desc limit 1", postId, null, ref, now);
    }

    /** Takes back what a post earned its author: the post itself and the reactions it received. */
    public Uni<Integer> reversePost(UUID communityId, String eventId, String postId, Instant now) {
        return reverse(communityId, eventId, "b.post_id = :post and b.action in ('POST', 'REACTION_RECEIVED')", "",
                postId, null, null, now);
    }

    /** Takes back what a reply earned its author: the reply itself and its being the accepted answer. */
    public Uni<Integer> reverseReply(UUID communityId, String eventId, String postId, String replyId, Instant now) {
        return reverse(communityId, eventId,
                "b.post_id = :post and b.reply_id = :reply and b.action in ('REPLY', 'ACCEPTED_ANSWER')", "", postId,
                replyId, null, now);
    }

    /** Takes back the accepted-answer points of the question's other replies: the answer was replaced. */
    public Uni<Integer> reverseReplacedAnswers(UUID communityId, String eventId, String postId, String replyId,
            Instant now) {
        return reverse(communityId, eventId,
                "b.post_id = :post and b.action = 'ACCEPTED_ANSWER' and b.reply_id <> :reply", "", postId, replyId,
                null, now);
    }

    private Uni<Integer> reverse(UUID communityId, String eventId, String match, String tail, String postId,
            String replyId, String ref, Instant now) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(REVERSE.formatted(match, tail))
                    .setParameter("community", communityId)
                    .setParameter("event", eventId)
                    .setParameter("post", postId)
                    .setParameter("now", now);
            if (replyId != null) {
                query.setParameter("reply", replyId);
            }
            if (ref != null) {
                query.setParameter("ref", ref);
            }
            return query.executeUpdate();
        });
    }

    public Uni<List<Standing>> leaderboard(UUID communityId, Instant since, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(LEADERBOARD, Object[].class)
                .setParameter("community", communityId)
                .setParameter("communityText", communityId.toString())
                .setParameter("since", since)
                .setParameter("limit", limit)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Standing((String) r[0], number(r[1]), number(r[2])))
                        .toList());
    }

    /** The rank {@code points} has among current members since an instant (one more than those ahead of it). */
    public Uni<Long> rankOf(UUID communityId, Instant since, long points) {
        return Panache.getSession().chain(s -> s.createNativeQuery(AHEAD, Long.class)
                .setParameter("community", communityId)
                .setParameter("communityText", communityId.toString())
                .setParameter("since", since)
                .setParameter("points", points)
                .getSingleResult())
                .map(ahead -> ahead + 1);
    }

    public Uni<Totals> totals(UUID communityId, String userId, Instant since7, Instant since30) {
        return Panache.getSession().chain(s -> s.createNativeQuery(TOTALS, Object[].class)
                .setParameter("community", communityId)
                .setParameter("user", userId)
                .setParameter("since7", since7)
                .setParameter("since30", since30)
                .getSingleResult())
                .map(r -> new Totals(number(r[0]), number(r[1]), number(r[2])));
    }

    public Uni<List<ActionTotal>> breakdown(UUID communityId, String userId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(BREAKDOWN, Object[].class)
                .setParameter("community", communityId)
                .setParameter("user", userId)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new ActionTotal(PointsAction.valueOf((String) r[0]),
                        number(r[1]), number(r[2]))).toList());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
