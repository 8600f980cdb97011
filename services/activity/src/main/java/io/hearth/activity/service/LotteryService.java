package io.hearth.activity.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.Eligibility;
import io.hearth.activity.domain.Lottery;
import io.hearth.activity.domain.LotteryEntrant;
import io.hearth.activity.mapping.CreateLotteryRequest;
import io.hearth.activity.mapping.EligibilityRule;
import io.hearth.activity.mapping.EntrantView;
import io.hearth.activity.mapping.LotteryView;
import io.hearth.activity.repository.LotteryRepository;
import io.hearth.contracts.events.LotteryCreated;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Lotteries anyone can verify: staff create one with a commitment to a secret seed, it is drawn once when due (by
 * {@link LotteryScheduler}, or by staff), and then the seed and every score are shown to the members.
 */
@ApplicationScoped
public class LotteryService {
    /** How far ahead a draw may be set, as far as a scheduled post. */
    static final Duration MAX_AHEAD = Duration.ofDays(366);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LotteryRepository lotteries;
    private final LotteryDraw draw;
    private final CommunityAccess access;
    private final Outbox outbox;
    private final Clock clock;

    public LotteryService(LotteryRepository lotteries, LotteryDraw draw, CommunityAccess access, Outbox outbox,
            Clock clock) {
        this.lotteries = lotteries;
        this.draw = draw;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Staff create a lottery: a fresh secret seed, and its commitment published with hearth.lottery.created. */
    @WithTransaction
    public Uni<LotteryView> create(UUID communityId, CreateLotteryRequest request, String userId) {
        Instant now = clock.instant();
        check(request, now);
        return access.requireWriter(communityId.toString(), userId, CommunityAccess.STAFF).chain(() -> {
            Lottery lottery = new Lottery();
            lottery.communityId = communityId;
            lottery.id = UUID.randomUUID();
            lottery.prize = request.prize().strip();
            lottery.winners = request.winners();
            lottery.eligibility = request.eligibility().kind();
            lottery.minCheckIns = request.eligibility().minCheckIns();
            lottery.withinDays = request.eligibility().withinDays();
            lottery.drawAt = request.drawAt();
            lottery.seed = new byte[32];
            RANDOM.nextBytes(lottery.seed);
            lottery.commitment = HexFormat.of().formatHex(sha256(lottery.seed));
            lottery.createdBy = userId;
            lottery.createdAt = now;
            return lotteries.persist(lottery)
                    .call(() -> outbox.record(new LotteryCreated(communityId.toString(), lottery.id.toString(),
                            lottery.prize, lottery.winners, lottery.drawAt, lottery.commitment, userId), now))
                    .map(saved -> LotteryView.of(saved, List.of(), List.of()));
        });
    }

    /** The community's lotteries, oldest first, for its members; drawn ones with their seed and winners. */
    @WithSession
    public Uni<Page<LotteryView>> list(UUID communityId, String userId, long afterSeq, int limit) {
        return access.require(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> lotteries.page(communityId, afterSeq, limit + 1))
                .chain(rows -> {
                    List<UUID> drawn = rows.stream().filter(Lottery::drawn).map(l -> l.id).toList();
                    Uni<List<LotteryEntrant>> winners = drawn.isEmpty() ? Uni.createFrom().item(List.of())
                            : lotteries.winnersOf(communityId, drawn);
                    return winners.map(all -> {
                        Map<UUID, List<String>> byLottery = all.stream().collect(Collectors.groupingBy(
                                w -> w.lotteryId, Collectors.mapping(w -> w.userId, Collectors.toList())));
                        return Page.of(rows, limit, l -> String.valueOf(l.seq),
                                l -> LotteryView.of(l, byLottery.getOrDefault(l.id, List.of()), null));
                    });
                });
    }

    /** One lottery for the community's members; once drawn, with everyone who was eligible and their score. */
    @WithSession
    public Uni<LotteryView> get(UUID communityId, UUID lotteryId, String userId) {
        return access.require(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> lotteries.findInCommunity(communityId, lotteryId))
                .chain(lottery -> {
                    if (lottery == null) {
                        throw notFound(communityId, lotteryId);
                    }
                    return withEntrants(lottery);
                });
    }

    /**
     * Staff draw a due lottery now rather than wait for the scheduler: not before drawAt, and never again once drawn
     * (whoever drew it). The row lock makes a draw by the scheduler at the same moment wait, or this one wait for it.
     */
    @WithTransaction
    public Uni<LotteryView> drawNow(UUID communityId, UUID lotteryId, String userId) {
        return access.requireWriter(communityId.toString(), userId, CommunityAccess.STAFF)
                .chain(() -> lotteries.lock(communityId, lotteryId))
                .chain(lottery -> {
                    Instant now = clock.instant();
                    if (lottery == null) {
                        throw notFound(communityId, lotteryId);
                    }
                    if (lottery.drawn()) {
                        throw Problems.of(ProblemType.LOTTERY_DRAWN, "Lottery " + lotteryId + " was drawn at "
                                + lottery.drawnAt + "; a lottery is drawn once.");
                    }
                    if (now.isBefore(lottery.drawAt)) {
                        throw Problems.of(ProblemType.LOTTERY_NOT_DUE, "Lottery " + lotteryId + " is due at "
                                + lottery.drawAt + "; it cannot be drawn before then (now is " + now + ").");
                    }
                    return draw.draw(lottery, now).chain(() -> withEntrants(lottery));
                });
    }

    private Uni<LotteryView> withEntrants(Lottery lottery) {
        if (!lottery.drawn()) {
            return Uni.createFrom().item(LotteryView.of(lottery, null, null));
        }
        return lotteries.entrants(lottery.communityId, lottery.id, Integer.MAX_VALUE).map(entrants -> LotteryView.of(
                lottery, entrants.stream().limit(lottery.winners).map(e -> e.userId).toList(),
                entrants.stream().map(EntrantView::of).toList()));
    }

    /** The rules Bean Validation cannot say: which eligibility fields go with which kind, and when a draw may be. */
    private static void check(CreateLotteryRequest request, Instant now) {
        if (request.prize().strip().isEmpty()) {
            throw Problems.invalidField("prize", "must not be blank");
        }
        EligibilityRule rule = request.eligibility();
        if (rule.kind() == Eligibility.ALL_MEMBERS) {
            if (rule.minCheckIns() != null || rule.withinDays() != null) {
                throw Problems.invalidField("eligibility", "minCheckIns and withinDays are for kind CHECKED_IN only");
            }
        } else {
            if (rule.minCheckIns() == null || rule.withinDays() == null) {
                throw Problems.invalidField("eligibility", "kind CHECKED_IN needs minCheckIns and withinDays");
            }
            if (rule.minCheckIns() > rule.withinDays()) {
                throw Problems.invalidField("eligibility.minCheckIns", "cannot exceed withinDays (" + rule.withinDays()
                        + "): a member checks in once a day");
            }
        }
        if (!request.drawAt().isAfter(now)) {
            throw Problems.invalidField("drawAt", "must be in the future (it was " + request.drawAt() + ", now is "
                    + now + ")");
        }
        if (request.drawAt().isAfter(now.plus(MAX_AHEAD))) {
            throw Problems.invalidField("drawAt", "must be at most 366 days ahead");
        }
    }

    private static RuntimeException notFound(UUID communityId, UUID lotteryId) {
        return Problems.notFound("No lottery " + lotteryId + " in community " + communityId + ".");
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
