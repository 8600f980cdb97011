package io.hearth.activity.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.Event;
import io.hearth.activity.domain.EventRegistration;
import io.hearth.activity.domain.EventReminder;
import io.hearth.activity.domain.RegistrationStatus;
import io.hearth.activity.mapping.CreateEventRequest;
import io.hearth.activity.mapping.EventView;
import io.hearth.activity.mapping.RegistrationView;
import io.hearth.activity.repository.EventRegistrationRepository;
import io.hearth.activity.repository.EventReminderRepository;
import io.hearth.activity.repository.EventRepository;
import io.hearth.contracts.events.EventCreated;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.Problem;
import io.hearth.platform.rest.ProblemException;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Events: staff create them, members see the upcoming ones and how full each is. */
@ApplicationScoped
public class EventService {
    /** How long before the start each reminder goes to the registered members. */
    static final List<Integer> REMINDER_HOURS = List.of(24, 1);

    private final EventRepository events;
    private final EventRegistrationRepository registrations;
    private final EventReminderRepository reminders;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;
    private final Clock clock;

    public EventService(EventRepository events, EventRegistrationRepository registrations,
            EventReminderRepository reminders, CommunityAccess access, IdempotencyKeys idempotency, Outbox outbox,
            Clock clock) {
        this.events = events;
        this.registrations = registrations;
        this.reminders = reminders;
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Staff who are not muted create an event; it, its reminders and hearth.event.created commit together. A reminder
     * whose time has already come at creation is not scheduled: an event less than 24 hours ahead gets only the one
     * an hour before.
     */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<EventView>> create(UUID communityId, CreateEventRequest request, String staffId,
            String idempotencyKey) {
        return Uni.createFrom().item(() -> placeOf(request))
                .call(() -> access.requireWriter(communityId.toString(), staffId, CommunityAccess.STAFF))
                .chain(place -> idempotency.once("create-event:" + communityId, staffId, idempotencyKey, request,
                        () -> insert(communityId, request, place, staffId), view -> view.id().toString(),
                        id -> events.findInCommunity(communityId, UUID.fromString(id)).map(e -> EventView.of(e, null))));
    }

    private Uni<EventView> insert(UUID communityId, CreateEventRequest request, Place place, String staffId) {
        Instant now = clock.instant();
        Event event = new Event();
        event.communityId = communityId;
        event.id = UUID.randomUUID();
        event.title = request.title().strip();
        event.description = blankToNull(request.description());
        // Stored with the database's precision, so that what the creation answers is what every later read shows.
        event.startsAt = request.startsAt().truncatedTo(ChronoUnit.MICROS);
        event.endsAt = request.endsAt().truncatedTo(ChronoUnit.MICROS);
        event.capacity = request.capacity();
        event.location = place.location();
        event.url = place.url();
        event.createdBy = staffId;
        event.createdAt = now;
        check(event, now);
        List<EventReminder> due = new ArrayList<>();
        for (int hours : REMINDER_HOURS) {
            Instant at = event.startsAt.minus(Duration.ofHours(hours));
            if (at.isAfter(now)) {
                EventReminder reminder = new EventReminder();
                reminder.communityId = communityId;
                reminder.eventId = event.id;
                reminder.hoursBefore = hours;
                reminder.dueAt = at;
                due.add(reminder);
            }
        }
        return events.persist(event)
                .call(() -> due.isEmpty() ? Uni.createFrom().voidItem() : reminders.persist(due))
                .call(() -> outbox.record(new EventCreated(communityId.toString(), event.id.toString(), event.title,
                        event.startsAt, event.endsAt, event.capacity, event.online(), staffId), now))
                .map(saved -> EventView.of(event, null));
    }

    /** The community's events that have not ended, soonest first, for its members. */
    @WithSession
    public Uni<Page<EventView>> upcoming(UUID communityId, String userId, long afterSeq, int limit) {
        return access.require(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> events.upcoming(communityId, clock.instant(), afterSeq, limit + 1))
                .map(rows -> Page.of(rows, limit, e -> String.valueOf(e.seq), e -> EventView.of(e, null)));
    }

    /** One event, for members, with the caller's registration and waitlist position. */
    @WithSession
    public Uni<EventView> get(UUID communityId, UUID eventId, String userId) {
        return access.require(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> existing(events.findInCommunity(communityId, eventId), communityId, eventId))
                .chain(event -> registrations.findOf(communityId, eventId, userId)
                        .chain(mine -> registrationView(registrations, mine))
                        .map(mine -> EventView.of(event, mine)));
    }

    /** The registration as a member sees it, with their waitlist position when they wait; null stays null. */
    static Uni<RegistrationView> registrationView(EventRegistrationRepository registrations,
            EventRegistration r) {
        if (r == null) {
            return Uni.createFrom().nullItem();
        }
        if (r.status != RegistrationStatus.WAITLISTED) {
            return Uni.createFrom().item(RegistrationView.of(r, null));
        }
        return registrations.waitingBefore(r.communityId, r.eventId, r.seq)
                .map(before -> RegistrationView.of(r, (int) (before + 1)));
    }

    static Uni<Event> existing(Uni<Event> lookup, UUID communityId, UUID eventId) {
        return lookup.onItem().ifNull().failWith(() -> Problems.notFound("No event " + eventId + " in community "
                + communityId + "."));
    }

    /** The place: location or url (blank counts as absent); a url that is not an http(s) URL is a bad request. */
    private static Place placeOf(CreateEventRequest request) {
        String location = blankToNull(request.location());
        String url = blankToNull(request.url());
        if (url != null) {
            try {
                URI uri = new URI(url);
                if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        || uri.getHost() == null) {
                    throw Problems.invalidField("url", "must be an absolute http or https URL");
                }
            } catch (URISyntaxException e) {
                throw Problems.invalidField("url", "must be an absolute http or https URL");
            }
        }
        return new Place(location, url);
    }

    /** The rules an event must keep, each broken one a violation of one 422 event-invalid. */
    private static void check(Event event, Instant now) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!event.startsAt.isAfter(now)) {
            violations.add(new Problem.Violation("startsAt", "must be in the future (now is " + now + ")"));
        }
        if (!event.endsAt.isAfter(event.startsAt)) {
            violations.add(new Problem.Violation("endsAt", "must be after startsAt"));
        }
        if ((event.location == null) == (event.url == null)) {
            violations.add(new Problem.Violation(event.location == null ? "location" : "url",
                    "give either location (a meetup) or url (an online session), exactly one"));
        }
        if (event.capacity < 1) {
            violations.add(new Problem.Violation("capacity", "must be at least 1"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.EVENT_INVALID, "The event cannot be: " + String.join("; ",
                    violations.stream().map(v -> v.field() + " " + v.message()).toList()) + ".", violations);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private record Place(String location, String url) {
    }
}
