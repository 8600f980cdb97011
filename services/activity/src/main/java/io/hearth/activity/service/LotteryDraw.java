package io.hearth.activity.service;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.Eligibility;
import io.hearth.activity.domain.Lottery;
import io.hearth.activity.domain.LotteryEntrant;
import io.hearth.activity.repository.LotteryRepository;
import io.hearth.contracts.events.LotteryDrawn;
import io.hearth.contracts.events.NoticeIssued;
import io.hearth.platform.access.CommunityCalendar;
import io.hearth.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * Draws one lottery, in the caller's transaction, which must hold the lottery's row locked and have checked that it is
 * due and not drawn: so whoever draws (the scheduler on any instance, or staff) draws it once. Everyone eligible now is
 * entered with the score SHA-256(seedHex + ':' + userId); the lowest {@code winners} scores win.
 */
@ApplicationScoped
public class LotteryDraw {
    static final String WON = "lottery-won";

    private final LotteryRepository lotteries;
    private final CommunityCalendar calendar;
    private final Outbox outbox;

    public LotteryDraw(LotteryRepository lotteries, CommunityCalendar calendar, Outbox outbox) {
        this.lotteries = lotteries;
        this.calendar = calendar;
        this.outbox = outbox;
    }

    /** Draws {@code lottery} at {@code now}; the winners, lowest score first. */
    public Uni<List<LotteryEntrant>> draw(Lottery lottery, Instant now) {
        String seedHex = HexFormat.of().formatHex(lottery.seed);
        String community = lottery.communityId.toString();
        Uni<Integer> entered = lottery.eligibility == Eligibility.ALL_MEMBERS
                ? lotteries.enterAllMembers(lottery, seedHex)
                // The last withinDays days in the community's calendar, today (at the draw) the last of them.
                : calendar.dayOf(community, now).chain(today -> lotteries.enterCheckedIn(lottery, seedHex,
                        lottery.minCheckIns, today.minusDays(lottery.withinDays - 1L), today));
        return entered.chain(count -> {
            lottery.drawnAt = now;
            lottery.eligibleCount = count;
            return lotteries.entrants(lottery.communityId, lottery.id, lottery.winners);
        }).call(winners -> {
            List<String> winnerIds = winners.stream().map(w -> w.userId).toList();
            Uni<Void> recorded = outbox.record(new LotteryDrawn(community, lottery.id.toString(), seedHex,
                    lottery.eligibleCount, winnerIds), now);
            for (String winner : winnerIds) {
                recorded = recorded.chain(() -> outbox.record(new NoticeIssued(community, winner, WON,
                        "You won a lottery", "You won " + lottery.prize + ". The draw is published with everyone's "
                                + "score, so anyone can check it.", lottery.id.toString()), now));
            }
            return recorded;
        });
    }
}
