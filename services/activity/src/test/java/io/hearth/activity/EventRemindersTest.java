package io.hearth.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.activity.service.EventReminders;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.NoticeIssued;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Reminders 24 hours and 1 hour before an event reach every member holding a place, once each, however many instances
 * look for them at once. The scheduler ticks every second in tests; moving the clock makes reminders due.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class EventRemindersTest {
    private static final String REMINDER = "event-reminder";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    MovableClock clock;

    @Inject
    EventReminders reminders;

    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();

    @BeforeEach
    void arrange() {
        clock.setTo(NOW);
        ActivityApi.join(community, owner, CommunityRole.OWNER);
    }

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    @Test
    void registeredMembersGetTheDayBeforeAndTheHourBeforeRemindersButTheWaitingDoNot() {
        Instant start = NOW.plus(Duration.ofDays(3));
        String event = EventsApi.create(community, owner, start, 2);
        List<String> m = members(3);
        m.forEach(member -> EventsApi.register(community, event, member).response().then().statusCode(201));

        clock.setTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        List<NoticeIssued> dayBefore = awaitReminders(event, 2);
        assertEquals(List.of(m.get(0), m.get(1)), dayBefore.stream().map(NoticeIssued::userId).sorted().toList());
        NoticeIssued one = dayBefore.get(0);
        assertEquals("Starts in 24 hours: Run " + start, one.title());
        assertTrue(one.body().contains(start.toString()) && one.body().contains("Boathouse, West Lake"), one.body());
        assertEquals("/communities/" + community + "/events/" + event, one.ref());

        // A cancellation in between: the freed place's new holder gets the next reminder, the one who left does not.
        EventsApi.cancel(community, event, m.get(0)).response().then().statusCode(204);
        clock.setTo(start.minus(Duration.ofHours(1)).plusSeconds(1));
        List<NoticeIssued> all = awaitReminders(event, 4);
        List<NoticeIssued> hourBefore = all.subList(2, 4);
        assertEquals(List.of(m.get(1), m.get(2)), hourBefore.stream().map(NoticeIssued::userId).sorted().toList());
        hourBefore.forEach(n -> assertEquals("Starts in 1 hour: Run " + start, n.title()));

        assertEquals(4, remindersAfterAMarker(event).size());
    }

    @Test
    void anEventCreatedLessThan24HoursAheadGetsOnlyTheHourBeforeReminder() {
        Instant start = NOW.plus(Duration.ofHours(10));
        String event = EventsApi.create(community, owner, start, 5);
        String member = members(1).get(0);
        EventsApi.register(community, event, member).response().then().statusCode(201);
        // Even a tick long after creation but before the hour-before finds nothing due.
        clock.setTo(start.minus(Duration.ofHours(2)));
        sendDueNow();

        clock.setTo(start.minus(Duration.ofHours(1)));
        List<NoticeIssued> sent = awaitReminders(event, 1);
        assertEquals("Starts in 1 hour: Run " + start, sent.get(0).title());
        assertEquals(List.of(sent.get(0)), remindersAfterAMarker(event));
    }

    @Test
    void aReminderAnotherInstanceHoldsIsSkippedAndSentOnceWhenItLetsGo() throws Exception {
        Instant start = NOW.plus(Duration.ofDays(2));
        String held = EventsApi.create(community, owner, start, 5);
        String free = EventsApi.create(community, owner, start, 5);
        String member = members(1).get(0);
        EventsApi.register(community, held, member).response().then().statusCode(201);
        EventsApi.register(community, free, member).response().then().statusCode(201);

        try (Connection other = HearthTestResource.openDatabase()) {
            other.setAutoCommit(false);
            // Another instance claimed the held event's reminders and has not committed yet.
            try (PreparedStatement claim = other.prepareStatement(
                    "select hours_before from event_reminder where event_id = ? for update skip locked")) {
                claim.setObject(1, UUID.fromString(held));
                try (ResultSet rows = claim.executeQuery()) {
                    int claimed = 0;
                    while (rows.next()) {
                        claimed++;
                    }
                    assertEquals(2, claimed);
                }
            }
            clock.setTo(start.minus(Duration.ofHours(24)));
            sendDueNow();
            awaitReminders(free, 1);
            assertEquals(List.of(), reminders(held));
            // It fails (rolls back): its rows are due again and this instance sends them.
            other.rollback();
        }
        assertEquals(1, awaitReminders(held, 1).size());
        assertEquals(1, remindersAfterAMarker(held).size());
        assertEquals(1, remindersAfterAMarker(free).size());
    }

    @Test
    void manyInstancesSendingAtOnceSendEachReminderExactlyOnce() {
        Instant start = NOW.plus(Duration.ofDays(2));
        List<String> m = members(2);
        // More events than one batch, so that the senders go round several times and meet.
        List<String> events = IntStream.range(0, 25).mapToObj(i -> EventsApi.create(community, owner, start, 5))
                .toList();
        events.forEach(event -> m.forEach(member -> EventsApi.register(community, event, member).response().then()
                .statusCode(201)));

        clock.setTo(start.minus(Duration.ofHours(24)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> senders = IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(this::sendDueNow, pool)).toList();
            senders.forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }

        String marker = markerNotice();
        List<NoticeIssued> sent = EventsApi.notices(community, REMINDER);
        List<String> expected = new ArrayList<>();
        events.forEach(event -> m.forEach(member -> expected.add(member + " " + ref(event))));
        assertEquals(expected.stream().sorted().toList(), sent.stream().filter(n -> !n.ref().equals(marker))
                .map(n -> n.userId() + " " + n.ref()).sorted().toList());
    }

    /** What this instance's scheduler does at a tick, done now on a Vert.x context as the tick would be. */
    private int sendDueNow() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> reminders.sendDue());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private List<NoticeIssued> awaitReminders(String event, int count) {
        KafkaEvents.awaitEvents(EventType.NOTICE_ISSUED, e -> isReminderOf(e, event), count);
        return reminders(event);
    }

    private List<NoticeIssued> reminders(String event) {
        return EventsApi.notices(community, REMINDER).stream().filter(n -> n.ref().equals(ref(event))).toList();
    }

    /** The event's reminders, once a reminder of a later event of the community is out. */
    private List<NoticeIssued> remindersAfterAMarker(String event) {
        markerNotice();
        return reminders(event);
    }

    /**
     * Makes a reminder of a new event go out after everything so far, and waits for it: a community's events are
     * published in commit order, so every earlier reminder is out too. Its ref.
     */
    private String markerNotice() {
        Instant was = clock.instant();
        Instant start = was.plus(Duration.ofMinutes(90));
        String event = EventsApi.create(community, owner, start, 1);
        EventsApi.register(community, event, owner).response().then().statusCode(201);
        clock.setTo(start.minus(Duration.ofHours(1)));
        awaitReminders(event, 1);
        clock.setTo(was);
        return ref(event);
    }

    private boolean isReminderOf(PublishedEvent e, String event) {
        return e.subject().equals(community) && e.data(NoticeIssued.class).kind().equals(REMINDER)
                && ref(event).equals(e.data(NoticeIssued.class).ref());
    }

    private String ref(String event) {
        return "/communities/" + community + "/events/" + event;
    }

    private List<String> members(int count) {
        List<String> members = IntStream.range(0, count).mapToObj(i -> "member-" + i + "-" + UUID.randomUUID())
                .toList();
        members.forEach(member -> ActivityApi.join(community, member, CommunityRole.MEMBER));
        return members;
    }
}
