package io.hearth.activity.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.Lottery;
import io.hearth.activity.domain.LotteryEntrant;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LotteryRepository implements PanacheRepositoryBase<Lottery, Lottery.Key> {
    /**
     * The lottery due longest, not drawn yet, locked for this transaction; one another transaction holds (another
     * instance drawing it, staff drawing it by hand) is skipped rather than waited for.
     */
    private static final String CLAIM_DUE = "select * from lottery where drawn_at is null and draw_at <= :now"
            + " order by draw_at, seq limit 1 for update skip locked";

    /** The lottery locked for this transaction, waiting for a draw in progress to finish (then it is drawn). */
    private static final String LOCK = "select * from lottery where community_id = :community and id = :id"
            + " for update";

    /**
     * Scores every current member (the replica's community id is text) as the hex SHA-256 of the UTF-8 bytes of
     * {@code seedHex + ':' + userId} and ranks them by score, lowest first (user id only breaks a tie, which SHA-256
     * makes practically impossible).
     */
    private static final String ENTER = "insert into lottery_entrant (community_id, lottery_id, rank, user_id, score)"
            // Byte order ("C"), whatever the database's collation: the order of the numbers the hex digits write.
            + " select :community, :lottery,"
            + " row_number() over (order by e.score collate \"C\", e.user_id collate \"C\"), e.user_id, e.score"
            + " from (select m.user_id, encode(sha256(convert_to(:seedHex || ':' || m.user_id, 'UTF8')), 'hex')"
            + " as score from community_member_replica m where m.community_id = :communityText %s) e";
    private static final String ALL_MEMBERS = "";
    /** Only members with at least :min check-ins on days from :since to :until (both included). */
    private static final String CHECKED_IN = " and (select count(*) from check_in c where c.community_id = :community"
            + " and c.user_id = m.user_id and c.day between :since and :until) >= :min";

    public Uni<Lottery> claimDue(Instant now) {
        return getSession().chain(s -> s.createNativeQuery(CLAIM_DUE, Lottery.class)
                .setParameter("now", now).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<Lottery> lock(UUID communityId, UUID id) {
        return getSession().chain(s -> s.createNativeQuery(LOCK, Lottery.class)
                .setParameter("community", communityId).setParameter("id", id).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<Lottery> findInCommunity(UUID communityId, UUID id) {
        return findById(new Lottery.Key(communityId, id));
    }

    /** The community's lotteries after {@code afterSeq}, oldest first; one more than {@code limit}. */
    public Uni<List<Lottery>> page(UUID communityId, long afterSeq, int limit) {
        return find("communityId = :community and seq > :after order by seq",
                Parameters.with("community", communityId).and("after", afterSeq)).range(0, limit).list();
    }

    /** Enters, scores and ranks every current member; how many. */
    public Uni<Integer> enterAllMembers(Lottery lottery, String seedHex) {
        return getSession().chain(s -> s.createNativeQuery(ENTER.formatted(ALL_MEMBERS))
                .setParameter("community", lottery.communityId)
                .setParameter("communityText", lottery.communityId.toString())
                .setParameter("lottery", lottery.id)
                .setParameter("seedHex", seedHex)
                .executeUpdate());
    }

    /** Enters, scores and ranks the current members with at least {@code min} check-ins from since to until. */
    public Uni<Integer> enterCheckedIn(Lottery lottery, String seedHex, int min, LocalDate since, LocalDate until) {
        return getSession().chain(s -> s.createNativeQuery(ENTER.formatted(CHECKED_IN))
                .setParameter("community", lottery.communityId)
                .setParameter("communityText", lottery.communityId.toString())
                .setParameter("lottery", lottery.id)
                .setParameter("seedHex", seedHex)
                .setParameter("min", (long) min)
                .setParameter("since", since)
                .setParameter("until", until)
                .executeUpdate());
    }

    /** The winners of those of {@code lotteryIds} that were drawn, each lottery's lowest score first. */
    public Uni<List<LotteryEntrant>> winnersOf(UUID communityId, List<UUID> lotteryIds) {
        return getSession().chain(s -> s.createSelectionQuery("select e from LotteryEntrant e, Lottery l"
                + " where l.communityId = :community and l.id in :lotteries and e.communityId = l.communityId"
                + " and e.lotteryId = l.id and e.rank <= l.winners order by e.lotteryId, e.rank", LotteryEntrant.class)
                .setParameter("community", communityId)
                .setParameter("lotteries", lotteryIds)
                .getResultList());
    }

    /** The entrants of a drawn lottery, lowest score first; the first {@code limit} of them. */
    public Uni<List<LotteryEntrant>> entrants(UUID communityId, UUID lotteryId, int limit) {
        return getSession().chain(s -> s.createSelectionQuery("from LotteryEntrant e where e.communityId = :community"
                + " and e.lotteryId = :lottery order by e.rank", LotteryEntrant.class)
                .setParameter("community", communityId)
                .setParameter("lottery", lotteryId)
                .setMaxResults(limit)
                .getResultList());
    }
}
