package io.hearth.analytics.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.analytics.domain.AcquisitionJourney;
import io.hearth.analytics.domain.Breakdown;
import io.hearth.analytics.domain.FunnelJourney;
import io.hearth.analytics.domain.Invitee;
import io.hearth.analytics.mapping.AcquisitionFunnelView;
import io.hearth.analytics.mapping.AcquisitionQuery;
import io.hearth.analytics.mapping.AcquisitionSegmentView;
import io.hearth.analytics.mapping.FunnelQuery;
import io.hearth.analytics.mapping.FunnelStepView;
import io.hearth.analytics.mapping.ReferrerRankingView;
import io.hearth.analytics.mapping.ReferrerView;
import io.hearth.analytics.repository.AcquisitionRepository;
import io.hearth.contracts.events.PartnerScope;
import io.hearth.platform.access.CommunityAccess;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Where members come from (METRICS.md, Acquisition and activation): the acquisition funnel opened -> joined ->
 * activated, reported through the same step computation as every funnel, and the referrers ranked by the quality of
 * the people they bring, never by how many.
 */
@ApplicationScoped
public class AcquisitionService {
    public static final List<String> STEPS = List.of("opened", "joined", "activated");
    /** Activated: active within this many days of joining. */
    public static final int ACTIVATION_DAYS = 7;
    /** Retained: active on this day after the join day (day 0). */
    public static final int RETENTION_DAY = 30;

    private final AcquisitionRepository acquisition;
    private final CommunityAccess access;

    public AcquisitionService(AcquisitionRepository acquisition, CommunityAccess access) {
        this.acquisition = acquisition;
        this.access = access;
    }

    /** The acquisition funnel of the community, for its owner and admins. */
    @WithSession
    public Uni<AcquisitionFunnelView> funnel(UUID communityId, String callerId, AcquisitionQuery query) {
        String community = communityId.toString();
        return access.require(community, callerId, CommunityAccess.STAFF).chain(() -> funnelOf(community, query));
    }

    /** The acquisition funnel of the community, for a partner client granted analytics:read. */
    @WithSession
    public Uni<AcquisitionFunnelView> funnelForPartner(UUID communityId, String clientId, AcquisitionQuery query) {
        String community = communityId.toString();
        return access.requirePartner(community, clientId, PartnerScope.ANALYTICS_READ)
                .chain(() -> funnelOf(community, query));
    }

    /** The referrers of people who first joined in the period, best first; for the owner and admins. */
    @WithSession
    public Uni<ReferrerRankingView> referrers(UUID communityId, String callerId, FunnelQuery period) {
        String community = communityId.toString();
        return access.require(community, callerId, CommunityAccess.STAFF)
                .chain(() -> acquisition.invitees(community, period.from(), period.to(), ACTIVATION_DAYS))
                .map(invitees -> new ReferrerRankingView(community, period.from(), period.to(), ACTIVATION_DAYS,
                        RETENTION_DAY, rank(invitees, period.asOf())));
    }

    private Uni<AcquisitionFunnelView> funnelOf(String community, AcquisitionQuery query) {
        FunnelQuery period = query.period();
        return acquisition.journeys(community, period.from(), period.to(), period.windowDays(), ACTIVATION_DAYS)
                .map(journeys -> new AcquisitionFunnelView(community, period.from(), period.to(),
                        period.windowDays(), ACTIVATION_DAYS, FunnelService.COUNTING_UNIT,
                        steps(journeys, period.asOf(), period.windowDays()),
                        query.breakdown() == null ? null : query.breakdown().key(),
                        query.breakdown() == null ? null : segments(journeys, query.breakdown(), period)));
    }

    /** One funnel per first-touch value, the biggest first (then by value). */
    private static List<AcquisitionSegmentView> segments(List<AcquisitionJourney> journeys, Breakdown breakdown,
            FunnelQuery period) {
        Map<String, List<AcquisitionJourney>> byValue = new LinkedHashMap<>();
        journeys.forEach(j -> byValue.computeIfAbsent(j.firstTouch().value(breakdown), v -> new ArrayList<>()).add(j));
        return byValue.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<AcquisitionJourney>>>comparingInt(e -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new AcquisitionSegmentView(e.getKey(),
                        steps(e.getValue(), period.asOf(), period.windowDays())))
                .toList();
    }

    private static List<FunnelStepView> steps(List<AcquisitionJourney> journeys, Instant asOf, int windowDays) {
        return FunnelService.steps(STEPS, journeys.stream().map(AcquisitionJourney::journey).toList(),
                (journey, step) -> mayStillReach(journey, step, asOf, windowDays));
    }

    /**
     * Not joined yet: joining is possible until entry + window, and activating until 7 days after such a join, so
     * both steps are open while the window is. Joined but not active yet: activating is open until join + 7 days.
     */
    static boolean mayStillReach(FunnelJourney journey, int step, Instant asOf, int windowDays) {
        Instant joined = journey.reached().get(1);
        if (step == 2 && joined != null) {
            return joined.plus(ACTIVATION_DAYS, ChronoUnit.DAYS).isAfter(asOf);
        }
        return journey.entered().plus(windowDays, ChronoUnit.DAYS).isAfter(asOf);
    }

    /** Per referrer, ordered by activated invitees, then activation rate, then referrer id. */
    static List<ReferrerView> rank(List<Invitee> invitees, Instant asOf) {
        Map<String, List<Invitee>> byReferrer = new LinkedHashMap<>();
        invitees.forEach(i -> byReferrer.computeIfAbsent(i.referrerId(), r -> new ArrayList<>()).add(i));
        return byReferrer.entrySet().stream().map(e -> referrer(e.getKey(), e.getValue(), asOf))
                .sorted(Comparator.comparingLong(ReferrerView::activated).reversed()
                        .thenComparing(Comparator.comparingDouble(ReferrerView::activationRate).reversed())
                        .thenComparing(ReferrerView::referrerId))
                .toList();
    }

    private static ReferrerView referrer(String referrerId, List<Invitee> invitees, Instant asOf) {
        long activated = 0;
        long activationIncomplete = 0;
        long retained = 0;
        long retentionIncomplete = 0;
        long paid = 0;
        for (Invitee invitee : invitees) {
            if (invitee.activatedAt() != null) {
                activated++;
            } else if (invitee.joinedAt().plus(ACTIVATION_DAYS, ChronoUnit.DAYS).isAfter(asOf)) {
                activationIncomplete++;
            }
            if (day30Over(invitee.joinedAt(), asOf)) {
                retained += invitee.activeOnDay30() ? 1 : 0;
            } else {
                retentionIncomplete++;
            }
            paid += invitee.paid() ? 1 : 0;
        }
        long count = invitees.size();
        return new ReferrerView(referrerId, count, activated, FunnelService.ratio(activated, count),
                activationIncomplete, retained, retentionIncomplete,
                FunnelService.ratio(retained, count - retentionIncomplete), paid, FunnelService.ratio(paid, count));
    }

    /** Whether the whole of the 30th UTC day after the join day has passed. */
    static boolean day30Over(Instant joinedAt, Instant asOf) {
        Instant dayAfter = joinedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(RETENTION_DAY + 1L)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        return !dayAfter.isAfter(asOf);
    }
}
