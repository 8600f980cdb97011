package io.hearth.membership;

import static io.hearth.membership.DirectoryFixtures.joinedAgo;
import static io.hearth.membership.DirectoryFixtures.post;
import static io.hearth.membership.DirectoryFixtures.posts;
import static io.hearth.membership.DirectoryFixtures.publish;
import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CheckInRecorded;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Automatic tags from other services' activity events, published on the real broker with event times in the past.
 * Old joins are made through the join route and then moved back in time in the test database.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class AutomaticTagsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String owner = "owner-" + UUID.randomUUID();

    private static Instant ago(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS);
    }

    private JsonPath directory(String community) {
        return as(TestTokens.operator(owner)).queryParam("limit", 100).get("/communities/{id}/members", community)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> autoTagsOf(JsonPath page, String userId) {
        return page.getList("items.find { it.userId == '" + userId + "' }.autoTags", String.class);
    }

    /** Waits until membership has counted {@code events} activity events of the community. */
    private static void awaitCounted(String community, long events) {
        await().atMost(WAIT).until(() -> DirectoryFixtures.countedEvents(community) == events);
    }

    @Test
    void newActiveAndSilentFollowJoinTimeAndLastActivity() {
        String community = MembershipApi.createCommunity(owner, null);
        String newcomer = "newcomer-" + UUID.randomUUID();
        String regular = "regular-" + UUID.randomUUID();
        String faded = "faded-" + UUID.randomUUID();
        String quiet = "quiet-" + UUID.randomUUID();
        String lurker = "lurker-" + UUID.randomUUID();
        String newAndActive = "new-active-" + UUID.randomUUID();
        for (String person : List.of(newcomer, regular, faded, quiet, lurker, newAndActive)) {
            MembershipApi.join(community, person);
        }
        for (String old : List.of(regular, faded, quiet, lurker)) {
            joinedAgo(community, old, Duration.ofDays(20));
        }
        joinedAgo(community, owner, Duration.ofDays(60));

        publish(List.of(
                // Active 2 days ago, and once long ago: the later one is what counts.
                post(community, regular, ago(2)), post(community, regular, ago(19)),
                // Last active 15 days ago: silent.
                post(community, faded, ago(15)),
                // Last active 10 days ago (a check-in): neither active nor silent.
                DirectoryFixtures.event(new CheckInRecorded(community, quiet, LocalDate.now(ZoneOffset.UTC)
                        .minusDays(10), 1), ago(10)),
                post(community, newAndActive, ago(0))));
        awaitCounted(community, 5);

        JsonPath page = directory(community);
        assertEquals(List.of("new"), autoTagsOf(page, newcomer));
        // Key members of counts 2, 1, 1, 1 (half of 5 is 2.5): the 2 and the earliest-joined 1, who is also silent.
        assertEquals(List.of("active", "key-member"), autoTagsOf(page, regular));
        assertEquals(List.of("silent", "key-member"), autoTagsOf(page, faded));
        assertEquals(List.of(), autoTagsOf(page, quiet));
        // Never active, a member for 20 days.
        assertEquals(List.of("silent"), autoTagsOf(page, lurker));
        assertEquals(List.of("new", "active"), autoTagsOf(page, newAndActive));
        // The owner joined 60 days ago and never acted: silent too (time-based tags describe staff as well).
        assertEquals(List.of("silent"), autoTagsOf(page, owner));
        assertNull(page.getString("items.find { it.userId == '" + lurker + "' }.lastActiveAt"));
        Instant regularLast = Instant.parse(page.getString("items.find { it.userId == '" + regular
                + "' }.lastActiveAt"));
        assertEquals(ago(2).truncatedTo(ChronoUnit.HOURS), regularLast.truncatedTo(ChronoUnit.HOURS));
    }

    @Test
    void aLateEventCountsOnItsOwnDayAndARepeatedOneChangesNothing() {
        String community = MembershipApi.createCommunity(owner, null);
        String runner = "runner-" + UUID.randomUUID();
        MembershipApi.join(community, runner);
        joinedAgo(community, runner, Duration.ofDays(20));

        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> recent = post(community, runner, ago(1));
        publish(List.of(recent, KafkaEvents.record("hearth.content.v1", new io.hearth.contracts.events.PostCreated(
                community, UUID.randomUUID().toString(), runner, List.of(), 5), ago(3), id)));
        awaitCounted(community, 2);
        // The same event again (same id), and a late one that happened 16 days ago.
        publish(List.of(KafkaEvents.record("hearth.content.v1", new io.hearth.contracts.events.PostCreated(
                community, UUID.randomUUID().toString(), runner, List.of(), 5), ago(3), id),
                post(community, runner, ago(16))));
        awaitCounted(community, 3);

        assertEquals(List.of(day(16) + " 1", day(3) + " 1", day(1) + " 1"), DirectoryFixtures.queryStrings(
                "select day || ' ' || events from member_activity_day where community_id = ?::uuid and user_id = ?"
                        + " order by day", community, runner));
        // The late event does not move the last activity back, and an event already counted is not counted twice.
        JsonPath page = directory(community);
        assertEquals(List.of("active", "key-member"), autoTagsOf(page, runner));
        assertEquals(ago(1).truncatedTo(ChronoUnit.HOURS), Instant.parse(page.getString(
                "items.find { it.userId == '" + runner + "' }.lastActiveAt")).truncatedTo(ChronoUnit.HOURS));
    }

    private static String day(int daysAgo) {
        return LocalDate.ofInstant(ago(daysAgo), ZoneOffset.UTC).toString();
    }

    /**
     * Counts 10, 6, 3, 1 (total 20, half 10): the first member alone reaches half, so they alone are key. The owner's
     * 25 events and an admin's 12 are left out (staff), and so are events older than 30 days.
     */
    @Test
    void keyMembersAreTheFewestPlainMembersWhoProduceHalfOfTheLast30Days() {
        String community = MembershipApi.createCommunity(owner, null);
        List<String> people = join(community, 4);
        String admin = "admin-" + UUID.randomUUID();
        MembershipApi.join(community, admin);
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{userId}/role", community, admin).then().statusCode(200);

        List<ProducerRecord<String, String>> events = new ArrayList<>();
        // Spread over days of the window, the first one's on its first and last days.
        events.addAll(posts(community, people.get(0), 5, ago(29).plus(1, ChronoUnit.HOURS)));
        events.addAll(posts(community, people.get(0), 5, ago(0)));
        events.addAll(posts(community, people.get(1), 6, ago(4)));
        events.addAll(posts(community, people.get(2), 3, ago(6)));
        events.addAll(posts(community, people.get(3), 1, ago(1)));
        events.addAll(posts(community, owner, 25, ago(1)));
        events.addAll(posts(community, admin, 12, ago(1)));
        // 31 days ago: kept for a while but outside the 30-day window, so the fourth cannot overtake anyone.
        events.addAll(posts(community, people.get(3), 30, ago(31)));
        publish(events);
        await().atMost(WAIT).until(() -> DirectoryFixtures.queryLong("select count(*) from member_activity"
                + " where community_id = ?::uuid", community) == 6);
        awaitCounted(community, 10 + 6 + 3 + 1 + 25 + 12 + 30);

        assertEquals(List.of(people.get(0)), keyMembers(community));
        // The directory filter says the same.
        as(TestTokens.operator(owner)).queryParam("tag", "key-member").get("/communities/{id}/members", community)
                .then().statusCode(200).body("items.userId", equalTo(List.of(people.get(0))));
    }

    /**
     * Counts 6, 5, 5, 4 (total 20, half 10): 6 + 5 = 11 reaches half, so two are key. The two members with 5 tie at
     * the boundary: the one who joined first is ranked first, so exactly two carry the tag.
     */
    @Test
    void aTieAtTheBoundaryGoesToTheEarlierMember() {
        String community = MembershipApi.createCommunity(owner, null);
        List<String> people = join(community, 4);
        List<ProducerRecord<String, String>> events = new ArrayList<>();
        // The later joiner of the tied pair publishes first, so arrival order does not decide.
        events.addAll(posts(community, people.get(2), 5, ago(2)));
        events.addAll(posts(community, people.get(0), 6, ago(3)));
        events.addAll(posts(community, people.get(1), 5, ago(9)));
        events.addAll(posts(community, people.get(3), 4, ago(1)));
        publish(events);
        awaitCounted(community, 20);

        assertEquals(List.of(people.get(0), people.get(1)), keyMembers(community));
    }

    @Test
    void nobodyIsKeyWithoutActivity() {
        String community = MembershipApi.createCommunity(owner, null);
        join(community, 2);
        assertEquals(List.of(), keyMembers(community));
    }

    private static List<String> join(String community, int count) {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String person = "p" + i + "-" + UUID.randomUUID();
            MembershipApi.join(community, person);
            people.add(person);
        }
        return people;
    }

    private List<String> keyMembers(String community) {
        return directory(community).getList("items.findAll { it.autoTags.contains('key-member') }.userId",
                String.class);
    }
}
