package io.hearth.analytics.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.analytics.domain.BoundedJourney;
import io.hearth.analytics.domain.FunnelJourney;
import io.hearth.analytics.domain.FunnelStep;
import io.hearth.analytics.domain.ItemFunnel;
import io.hearth.analytics.mapping.FunnelQuery;
import io.hearth.analytics.mapping.FunnelStepView;
import io.hearth.analytics.mapping.FunnelView;
import io.hearth.analytics.repository.EventLogRepository;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.PartnerScope;
import io.hearth.platform.access.CommunityAccess;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Funnels over the event log, as METRICS.md defines them: distinct people, ordered steps, a conversion window counted
 * from entering step 1, and people whose window is still open reported as incomplete rather than dropped.
 */
@ApplicationScoped
public class FunnelService {
    /** The member lifecycle: joined, then first post, then first check-in, then first successful payment. */
    public static final List<FunnelStep> LIFECYCLE = List.of(
            new FunnelStep("joined", EventType.MEMBER_JOINED),
            new FunnelStep("posted", EventType.POST_CREATED),
            new FunnelStep("checked_in", EventType.CHECKIN_RECORDED),
            new FunnelStep("paid", EventType.PAYMENT_SUCCEEDED));
    /**
     * The ladder of participation: joined, then first reaction, then first reply, then first post of their own: from
     * reading to answering others to starting conversations, each step asking more of the member.
     */
    public static final List<FunnelStep> PARTICIPATION = List.of(
            new FunnelStep("joined", EventType.MEMBER_JOINED),
            new FunnelStep("reacted", EventType.REACTION_ADDED),
            new FunnelStep("replied", EventType.REPLY_CREATED),
            new FunnelStep("posted", EventType.POST_CREATED));
    static final String COUNTING_UNIT = "person";

    private final EventLogRepository log;
    private final CommunityAccess access;

    public FunnelService(EventLogRepository log, CommunityAccess access) {
        this.log = log;
        this.access = access;
    }

    /** A funnel that starts at joining ({@link #LIFECYCLE}, {@link #PARTICIPATION}), for the owner and admins. */
    @WithSession
    public Uni<FunnelView> funnel(List<FunnelStep> steps, UUID communityId, String callerId, FunnelQuery query) {
        String community = communityId.toString();
        return access.require(community, callerId, CommunityAccess.STAFF)
                .chain(() -> funnelOf(steps, community, query));
    }

    /** A funnel that starts at joining, for a partner client granted analytics:read. */
    @WithSession
    public Uni<FunnelView> funnelForPartner(List<FunnelStep> steps, UUID communityId, String clientId,
            FunnelQuery query) {
        return access.requirePartner(communityId.toString(), clientId, PartnerScope.ANALYTICS_READ)
                .chain(() -> funnelOf(steps, communityId.toString(), query));
    }

    /** A funnel of things (questions, event registrations, challenge participations), for the owner and admins. */
    @WithSession
    public Uni<FunnelView> itemFunnel(ItemFunnel funnel, UUID communityId, String callerId, FunnelQuery query) {
        String community = communityId.toString();
        return access.require(community, callerId, CommunityAccess.STAFF)
                .chain(() -> itemFunnelOf(funnel, community, query));
    }

    /** A funnel of things, for a partner client granted analytics:read. */
    @WithSession
    public Uni<FunnelView> itemFunnelForPartner(ItemFunnel funnel, UUID communityId, String clientId,
            FunnelQuery query) {
        return access.requirePartner(communityId.toString(), clientId, PartnerScope.ANALYTICS_READ)
                .chain(() -> itemFunnelOf(funnel, communityId.toString(), query));
    }

    private Uni<FunnelView> itemFunnelOf(ItemFunnel funnel, String community, FunnelQuery query) {
        return log.itemJourneys(funnel, community, query.from(), query.to(), query.windowDays())
                .map(bounded -> {
                    Map<FunnelJourney, BoundedJourney> bounds = new IdentityHashMap<>();
                    bounded.forEach(b -> bounds.put(b.journey(), b));
                    List<FunnelJourney> journeys = bounded.stream().map(BoundedJourney::journey).toList();
                    return new FunnelView(community, query.from(), query.to(), query.windowDays(),
                            funnel.countingUnit(), steps(funnel.stepKeys(), journeys,
                                    (journey, step) -> bounds.get(journey).mayStillReachBy(query.asOf())));
                });
    }

    private Uni<FunnelView> funnelOf(List<FunnelStep> steps, String community, FunnelQuery query) {
        return log.journeys(community, steps.subList(1, steps.size()), query.from(), query.to(), query.windowDays())
                .map(journeys -> new FunnelView(community, query.from(), query.to(), query.windowDays(),
                        COUNTING_UNIT, steps(steps.stream().map(FunnelStep::key).toList(), journeys,
                                (journey, step) -> stillOpen(journey, query))));
    }

    /**
     * Per step: who reached it, the ratios, the time it took them, and who may still reach it. Every funnel is
     * reported through here; {@code mayStillReach} says, for a journey that has not reached a step, whether its
     * window for that step is still open (then it is incomplete, not dropped).
     */
    public static List<FunnelStepView> steps(List<String> keys, List<FunnelJourney> journeys,
            BiPredicate<FunnelJourney, Integer> mayStillReach) {
        List<FunnelStepView> views = new ArrayList<>(keys.size());
        long first = 0;
        long previous = 0;
        for (int k = 0; k < keys.size(); k++) {
            List<Double> seconds = new ArrayList<>();
            long incomplete = 0;
            for (FunnelJourney journey : journeys) {
                Instant reached = journey.reached().get(k);
                if (reached != null) {
                    seconds.add(Duration.between(journey.entered(), reached).toNanos() / 1e9);
                } else if (mayStillReach.test(journey, k)) {
                    incomplete++;
                }
            }
            long count = seconds.size();
            if (k == 0) {
                first = count;
                previous = count;
            }
            views.add(new FunnelStepView(keys.get(k), count, ratio(count, previous), ratio(count, first),
                    median(seconds), mean(seconds), incomplete));
            previous = count;
        }
        return views;
    }

    /** Entered less than one window before the request: the remaining steps may still come. */
    private static boolean stillOpen(FunnelJourney journey, FunnelQuery query) {
        return journey.entered().plus(query.windowDays(), ChronoUnit.DAYS).isAfter(query.asOf());
    }

    /** A ratio whose denominator is 0 is 0 (METRICS.md); never rounded. */
    static double ratio(long count, long of) {
        return of == 0 ? 0.0 : (double) count / of;
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
