package io.hearth.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hearth.membership.repository.MemberActivityRepository;
import io.hearth.membership.service.ActivityRetention;
import io.hearth.testing.HearthTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class ActivityRetentionTest {
    @Inject
    ActivityRetention retention;

    @Test
    void daysOlderThanTheKeptWindowArePurgedAndRecentOnesStay() {
        String community = UUID.randomUUID().toString();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate aged = today.minusDays(MemberActivityRepository.KEEP_DAYS + 1);
        LocalDate kept = today.minusDays(MemberActivityRepository.KEEP_DAYS - 2);
        for (LocalDate day : List.of(aged, kept, today)) {
            MembershipApi.execute("insert into member_activity_day (community_id, user_id, day, events)"
                    + " values (?::uuid, 'runner', ?, 2)", community, day);
        }

        long purged = retention.purge().await().indefinitely();

        assertTrue(purged >= 1, "purged " + purged);
        assertEquals(List.of(kept.toString(), today.toString()), DirectoryFixtures.queryStrings(
                "select day::text from member_activity_day where community_id = ?::uuid order by day", community));
    }
}
