package io.hearth.analytics.domain;

import java.time.Instant;

import io.hearth.contracts.events.AnnouncementRead;
import io.hearth.contracts.events.AnswerAccepted;
import io.hearth.contracts.events.ChallengeCompleted;
import io.hearth.contracts.events.ChallengeJoined;
import io.hearth.contracts.events.CommunityCreated;
import io.hearth.contracts.events.EntryCreated;
import io.hearth.contracts.events.EntryOpened;
import io.hearth.contracts.events.EventData;
import io.hearth.contracts.events.EventRegistered;
import io.hearth.contracts.events.EventRegistrationCancelled;
import io.hearth.contracts.events.EventWaitlistPromoted;
import io.hearth.contracts.events.EventJson;
import io.hearth.contracts.events.MemberActivity;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.MemberRoleChanged;
import io.hearth.contracts.events.OrderPlaced;
import io.hearth.contracts.events.PaymentFailed;
import io.hearth.contracts.events.PaymentSucceeded;
import io.hearth.contracts.events.PostEdited;
import io.hearth.contracts.events.PostFeatured;
import io.hearth.contracts.events.PostRemoved;
import io.hearth.contracts.events.ReactionRemoved;
import io.hearth.contracts.events.RuleBreached;
import io.hearth.platform.inbox.InboundEvent;

/**
 * One row of the event log: the event's identity, type, community and time, the person it is about and, for joins
 * and openings, the role and attribution (channel, referrer, source label, visitor), pulled out of the data so that
 * metrics can filter and index on them; the whole data stays alongside as JSON.
 *
 * @param time when the event happened (its CloudEvents time), not when it arrived
 */
public record LoggedEvent(String eventId, String type, String communityId, String personId, String role,
        String entryChannel, String referrerId, String entrySource, String visitorId, Instant time,
        String dataJson) {

    public static LoggedEvent of(InboundEvent event) {
        EventData data = event.data();
        String role = null;
        String channel = null;
        String referrer = null;
        String source = null;
        String visitor = null;
        if (data instanceof MemberJoined joined) {
            role = joined.role() == null ? null : joined.role().name();
            channel = joined.channel();
            referrer = joined.referrerId();
            source = joined.source();
            visitor = joined.visitorId();
        }
        if (data instanceof EntryOpened opened) {
            channel = opened.channel();
            referrer = opened.referrerId();
            source = opened.source();
            visitor = opened.visitorId();
        }
        if (data instanceof MemberRoleChanged changed) {
            role = changed.role().name();
        }
        return new LoggedEvent(event.id(), event.type().type(), event.subject(), personOf(data), role, channel,
                referrer, source, visitor, event.time(), EventJson.write(data));
    }

    /** The person the event is about (who joined, posted, reacted, checked in, bought...), or null for none. */
    static String personOf(EventData data) {
        // Every activity event names its person the one way (posts, replies, reactions, check-ins, ...).
        if (data instanceof MemberActivity e) {
            return e.actorId();
        }
        if (data instanceof MemberJoined e) {
            return e.userId();
        }
        if (data instanceof MemberLeft e) {
            return e.userId();
        }
        if (data instanceof MemberRoleChanged e) {
            return e.userId();
        }
        if (data instanceof OrderPlaced e) {
            return e.buyerId();
        }
        if (data instanceof PaymentSucceeded e) {
            return e.buyerId();
        }
        if (data instanceof PaymentFailed e) {
            return e.buyerId();
        }
        if (data instanceof CommunityCreated e) {
            return e.ownerId();
        }
        if (data instanceof EntryCreated e) {
            return e.createdBy();
        }
        if (data instanceof EntryOpened e) {
            // Null for an anonymous visitor: their visitorId, kept beside it, stands for them until they join.
            return e.userId();
        }
        if (data instanceof ReactionRemoved e) {
            return e.userId();
        }
        if (data instanceof AnswerAccepted e) {
            // The person whose answer it was: acceptance is about what they gave.
            return e.answererId();
        }
        if (data instanceof AnnouncementRead e) {
            return e.userId();
        }
        if (data instanceof PostEdited e) {
            return e.authorId();
        }
        if (data instanceof PostRemoved e) {
            return e.authorId();
        }
        if (data instanceof PostFeatured e) {
            return e.authorId();
        }
        if (data instanceof RuleBreached e) {
            return e.userId();
        }
        if (data instanceof ChallengeJoined e) {
            return e.userId();
        }
        if (data instanceof ChallengeCompleted e) {
            return e.userId();
        }
        if (data instanceof EventRegistered e) {
            return e.userId();
        }
        if (data instanceof EventRegistrationCancelled e) {
            return e.userId();
        }
        if (data instanceof EventWaitlistPromoted e) {
            return e.userId();
        }
        // PlanCreated, announcements, welcomes, broadcasts, challenges, polls, events and lotteries as such, and any
        // type added later until it is mapped here: about the community, not one person.
        return null;
    }
}
