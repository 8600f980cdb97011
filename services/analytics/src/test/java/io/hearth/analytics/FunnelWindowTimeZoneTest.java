package io.hearth.analytics;

import static io.hearth.analytics.AnalyticsApi.awaitLifecycle;
import static io.hearth.analytics.AnalyticsApi.communityOwnedBy;
import static io.hearth.analytics.AnalyticsApi.joined;
import static io.hearth.analytics.AnalyticsApi.posted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hearth.analytics.AnalyticsApi.Funnel;
import io.hearth.testing.HearthTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Funnel windows are whole UTC days, n x 24 hours, whatever time zone the database session runs in. Here every
 * session runs in New York, whose days around a DST change are 23 and 25 hours long.
 */
@QuarkusTest
@TestProfile(FunnelWindowTimeZoneTest.NewYorkDatabaseSessions.class)
@WithTestResource(HearthTestResource.class)
class FunnelWindowTimeZoneTest {
    private static final Duration WINDOW = Duration.ofDays(1);

    /** The service as it would run against a database (or role) whose default time zone is not UTC. */
    public static class NewYorkDatabaseSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A startup parameter of every connection of the pool: it sets each session's TimeZone.
            return Map.of("quarkus.datasource.reactive.additional-properties.TimeZone", "America/New_York");
        }
    }

    @Inject
    Pool database;

    @Test
    void databaseSessionsOfThisTestRunInNewYork() {
        String zone = database.query("show timezone").execute().await().indefinitely().iterator().next()
                .getString(0);
        assertEquals("America/New_York", zone);
    }

    @Test
    void oneDayWindowIsTwentyFourHoursAcrossTheSpringForwardDay() {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);
        // New York's 2025-03-09 is 23 hours long: a window of one New York day would end an hour early.
        Instant joinedAt = Instant.parse("2025-03-08T12:00:00Z");
        joined(community, "spring-" + UUID.randomUUID(), joinedAt);
        String person = "spring-late-" + UUID.randomUUID();
        joined(community, person, joinedAt);
        posted(community, person, joinedAt.plus(WINDOW).minusSeconds(1));

        Funnel funnel = awaitLifecycle(community, owner, period("2025-03-08"),
                f -> assertEquals(List.of(2L, 1L, 0L, 0L), f.counts()));
        assertEquals(WINDOW.minusSeconds(1).toSeconds(), funnel.medianSeconds().get(1));
    }

    @Test
    void oneDayWindowIsTwentyFourHoursAcrossTheFallBackDay() {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);
        // New York's 2025-11-02 is 25 hours long: a window of one New York day would end an hour late.
        Instant joinedAt = Instant.parse("2025-11-01T12:00:00Z");
        String atTheEnd = "autumn-" + UUID.randomUUID();
        joined(community, atTheEnd, joinedAt);
        posted(community, atTheEnd, joinedAt.plus(WINDOW));
        // Published after the post above on the same topic: once this one counts, that one has been applied.
        String inside = "autumn-inside-" + UUID.randomUUID();
        joined(community, inside, joinedAt);
        posted(community, inside, joinedAt.plus(WINDOW).minusSeconds(1));

        awaitLifecycle(community, owner, period("2025-11-01"),
                f -> assertEquals(List.of(2L, 1L, 0L, 0L), f.counts()));
    }

    private static Map<String, Object> period(String day) {
        return Map.of("from", day, "to", day, "windowDays", 1);
    }
}
