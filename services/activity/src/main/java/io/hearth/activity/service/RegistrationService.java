package io.hearth.activity.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.Event;
import io.hearth.activity.domain.EventRegistration;
import io.hearth.activity.domain.RegistrationStatus;
import io.hearth.activity.mapping.AttendanceView;
import io.hearth.activity.mapping.RegistrationView;
import io.hearth.activity.repository.EventRegistrationRepository;
import io.hearth.activity.repository.EventRepository;
import io.hearth.contracts.events.EventAttended;
import io.hearth.contracts.events.EventRegistered;
import io.hearth.contracts.events.EventRegistrationCancelled;
import io.hearth.contracts.events.EventWaitlistPromoted;
import io.hearth.contracts.events.NoticeIssued;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Registrations for events, their waitlist and attendance. Whatever changes an event's places (registering,
 * cancelling, promoting from the waitlist) first locks the event's row, so those changes of one event happen one at a
 * time: the places are counted under the lock, never given twice, and a freed place goes to exactly one waiting member.
 * The lock is taken before any event is recorded, whose outbox lock always comes second.
 */
@ApplicationScoped
public class RegistrationService {
    /** Attendance opens this long before the start (and closes at the end). */
    static final Duration ATTENDANCE_OPENS = Duration.ofHours(1);
    public static final String PROMOTED_NOTICE = "event-waitlist-promoted";

    private final EventRepository events;
    private final EventRegistrationRepository registrations;
    private final CommunityAccess access;
    private final Outbox outbox;
    private final Clock clock;

    public RegistrationService(EventRepository events, EventRegistrationRepository registrations,
            CommunityAccess access, Outbox outbox, Clock clock) {
        this.events = events;
        this.registrations = registrations;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A member who is not muted registers: REGISTERED while places are left, else WAITLISTED at the end of the
     * waitlist. Once per member (409), and only before the start (422). Publishes hearth.event.registered.
     */
    @WithTransaction
    public Uni<RegistrationView> register(UUID communityId, UUID eventId, String userId) {
        Instant now = clock.instant();
        return access.requireWriter(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> EventService.existing(events.lockInCommunity(communityId, eventId), communityId, eventId))
                .chain(event -> {
                    if (!now.isBefore(event.startsAt)) {
                        throw Problems.of(ProblemType.EVENT_STARTED, "Event " + eventId + " started at "
                                + event.startsAt + ": registration is closed.");
                    }
                    return registrations.findOf(communityId, eventId, userId).chain(existing -> {
                        if (existing != null) {
                            throw Problems.of(ProblemType.ALREADY_REGISTERED, "You are already " + existing.status
                                    .name().toLowerCase() + " for event " + eventId + ".");
                        }
                        return add(event, userId, now);
                    });
                });
    }

    private Uni<RegistrationView> add(Event event, String userId, Instant now) {
        EventRegistration r = new EventRegistration();
        r.communityId = event.communityId;
        r.eventId = event.id;
        r.userId = userId;
        r.registeredAt = now;
        Integer position;
        if (event.registered < event.capacity) {
            r.status = RegistrationStatus.REGISTERED;
            event.registered++;
            position = null;
        } else {
            // Everyone already waiting registered before, under the same lock: this one is last.
            r.status = RegistrationStatus.WAITLISTED;
            event.waitlisted++;
            position = event.waitlisted;
        }
        return registrations.persist(r)
                .call(() -> outbox.record(new EventRegistered(event.communityId.toString(), event.id.toString(), userId,
                        r.status.name(), position), now))
                .map(saved -> RegistrationView.of(r, position));
    }

    /**
     * The caller gives up their registration (a muted member may: it only frees a place). A freed place goes to the
     * first on the waitlist, who is told in their inbox. Publishes hearth.event.registration-cancelled, and
     * hearth.event.waitlist-promoted with a hearth.notice.issued when someone moved up.
     */
    @WithTransaction
    public Uni<Void> cancel(UUID communityId, UUID eventId, String userId) {
        Instant now = clock.instant();
        return access.require(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> EventService.existing(events.lockInCommunity(communityId, eventId), communityId, eventId))
                .chain(event -> registrations.findOf(communityId, eventId, userId).chain(mine -> {
                    if (mine == null) {
                        throw Problems.notFound("You hold no registration for event " + eventId + ".");
                    }
                    if (!now.isBefore(event.startsAt)) {
                        throw Problems.of(ProblemType.EVENT_STARTED, "Event " + eventId + " started at "
                                + event.startsAt + ": registrations can no longer be cancelled.");
                    }
                    RegistrationStatus was = mine.status;
                    Uni<Void> removed = Panache.getSession().chain(s -> s.remove(mine))
                            .call(() -> outbox.record(new EventRegistrationCancelled(communityId.toString(),
                                    eventId.toString(), userId, was.name()), now));
                    if (was == RegistrationStatus.WAITLISTED) {
                        event.waitlisted--;
                        return removed;
                    }
                    event.registered--;
                    return removed.chain(() -> promoteFirst(event, now));
                }));
    }

    /** Gives the event's free place to the first on its waitlist, if anyone waits. Under the event's lock. */
    private Uni<Void> promoteFirst(Event event, Instant now) {
        return registrations.firstWaiting(event.communityId, event.id).chain(first -> {
            if (first == null) {
                return Uni.createFrom().voidItem();
            }
            first.status = RegistrationStatus.REGISTERED;
            first.promotedAt = now;
            event.waitlisted--;
            event.registered++;
            String community = event.communityId.toString();
            return outbox.record(new EventWaitlistPromoted(community, event.id.toString(), first.userId), now)
                    .call(() -> outbox.record(new NoticeIssued(community, first.userId, PROMOTED_NOTICE,
                            Notices.title("You have a place: ", event.title),
                            Notices.body("A place at " + event.title + " became free and is yours now: you are "
                                    + "registered. " + Notices.when(event)),
                            Notices.ref(event)), now));
        });
    }

    /** For staff: the event's registrations in order of registration, with each waiting member's position. */
    @WithSession
    public Uni<Page<RegistrationView>> list(UUID communityId, UUID eventId, String userId, long afterSeq, int limit) {
        return access.require(communityId.toString(), userId, CommunityAccess.STAFF)
                .chain(() -> EventService.existing(events.findInCommunity(communityId, eventId), communityId, eventId))
                .chain(event -> registrations.page(communityId, eventId, afterSeq, limit + 1))
                .chain(rows -> {
                    EventRegistration firstWaiting = rows.stream()
                            .filter(r -> r.status == RegistrationStatus.WAITLISTED).findFirst().orElse(null);
                    Uni<Long> before = firstWaiting == null ? Uni.createFrom().item(0L)
                            : registrations.waitingBefore(communityId, eventId, firstWaiting.seq);
                    return before.map(waitingBefore -> {
                        // The page is in seq order, so its waiting members are consecutive in the waitlist.
                        int[] position = { waitingBefore.intValue() };
                        return Page.of(rows, limit, r -> String.valueOf(r.seq), r -> RegistrationView.of(r,
                                r.status == RegistrationStatus.WAITLISTED ? ++position[0] : null));
                    });
                });
    }

    /**
     * A member holding a place, not muted, records attendance from an hour before the start to the end. The first
     * time publishes hearth.event.attended (activity); a repeat changes nothing and answers counted false.
     */
    @WithTransaction
    public Uni<AttendanceView> attend(UUID communityId, UUID eventId, String userId) {
        Instant now = clock.instant();
        return access.requireWriter(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> EventService.existing(events.findInCommunity(communityId, eventId), communityId, eventId))
                .chain(event -> registrations.findOf(communityId, eventId, userId).chain(mine -> {
                    if (mine == null || mine.status != RegistrationStatus.REGISTERED) {
                        throw Problems.of(ProblemType.NOT_REGISTERED, mine == null
                                ? "You are not registered for event " + eventId + "."
                                : "You are on the waitlist of event " + eventId + ", without a place.");
                    }
                    Instant opens = event.startsAt.minus(ATTENDANCE_OPENS);
                    if (now.isBefore(opens) || now.isAfter(event.endsAt)) {
                        throw Problems.of(ProblemType.ATTENDANCE_WINDOW, "Attendance at event " + eventId
                                + " is recorded from " + opens + " to " + event.endsAt + "; now is " + now + ".");
                    }
                    if (mine.attendedAt != null) {
                        return Uni.createFrom().item(new AttendanceView(communityId, eventId, userId, mine.attendedAt,
                                false));
                    }
                    return registrations.attend(communityId, eventId, userId, now).chain(counted -> counted
                            ? outbox.record(new EventAttended(communityId.toString(), eventId.toString(), userId), now)
                                    .replaceWith(new AttendanceView(communityId, eventId, userId, now, true))
                            // Another request of the member's recorded it in between: theirs counted.
                            : Panache.getSession().chain(s -> s.refresh(mine)).map(v -> new AttendanceView(
                                    communityId, eventId, userId, mine.attendedAt, false)));
                }));
    }
}
