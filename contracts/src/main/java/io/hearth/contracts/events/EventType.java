package io.hearth.contracts.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event Hearth publishes: its CloudEvents {@code type}, the topic it travels on, the Java type of
 * its {@code data} and the JSON Schema (under {@code contracts/events/}) that data must satisfy.
 */
public enum EventType {
    COMMUNITY_CREATED("hearth.community.created", Topics.MEMBERSHIP, CommunityCreated.class),
    COMMUNITY_UPDATED("hearth.community.updated", Topics.MEMBERSHIP, CommunityUpdated.class),
    COMMUNITY_TIER_CHANGED("hearth.community.tier-changed", Topics.MEMBERSHIP, CommunityTierChanged.class),
    ENTRY_CREATED("hearth.entry.created", Topics.MEMBERSHIP, EntryCreated.class),
    ENTRY_OPENED("hearth.entry.opened", Topics.MEMBERSHIP, EntryOpened.class),
    APPLICATION_SUBMITTED("hearth.application.submitted", Topics.MEMBERSHIP, ApplicationSubmitted.class),
    APPLICATION_DECIDED("hearth.application.decided", Topics.MEMBERSHIP, ApplicationDecided.class),
    MEMBER_JOINED("hearth.member.joined", Topics.MEMBERSHIP, MemberJoined.class),
    MEMBER_LEFT("hearth.member.left", Topics.MEMBERSHIP, MemberLeft.class),
    MEMBER_ROLE_CHANGED("hearth.member.role-changed", Topics.MEMBERSHIP, MemberRoleChanged.class),
    MEMBER_MUTED("hearth.member.muted", Topics.MEMBERSHIP, MemberMuted.class),
    MEMBER_UNMUTED("hearth.member.unmuted", Topics.MEMBERSHIP, MemberUnmuted.class),
    MEMBER_BANNED("hearth.member.banned", Topics.MEMBERSHIP, MemberBanned.class),
    MEMBER_UNBANNED("hearth.member.unbanned", Topics.MEMBERSHIP, MemberUnbanned.class),
    PARTNER_ACCESS_GRANTED("hearth.partner.access-granted", Topics.MEMBERSHIP, PartnerAccessGranted.class),
    PARTNER_ACCESS_REVOKED("hearth.partner.access-revoked", Topics.MEMBERSHIP, PartnerAccessRevoked.class),
    POST_CREATED("hearth.post.created", Topics.CONTENT, PostCreated.class),
    POST_EDITED("hearth.post.edited", Topics.CONTENT, PostEdited.class),
    POST_REMOVED("hearth.post.removed", Topics.CONTENT, PostRemoved.class),
    REPLY_CREATED("hearth.reply.created", Topics.CONTENT, ReplyCreated.class),
    REACTION_ADDED("hearth.reaction.added", Topics.CONTENT, ReactionAdded.class),
    REACTION_REMOVED("hearth.reaction.removed", Topics.CONTENT, ReactionRemoved.class),
    ANSWER_ACCEPTED("hearth.answer.accepted", Topics.CONTENT, AnswerAccepted.class),
    POST_FEATURED("hearth.post.featured", Topics.CONTENT, PostFeatured.class),
    POST_UNFEATURED("hearth.post.unfeatured", Topics.CONTENT, PostUnfeatured.class),
    ANNOUNCEMENT_PUBLISHED("hearth.announcement.published", Topics.CONTENT, AnnouncementPublished.class),
    ANNOUNCEMENT_READ("hearth.announcement.read", Topics.CONTENT, AnnouncementRead.class),
    WELCOME_POSTED("hearth.welcome.posted", Topics.CONTENT, WelcomePosted.class),
    BROADCAST_PUBLISHED("hearth.broadcast.published", Topics.CONTENT, BroadcastPublished.class),
    RULE_BREACHED("hearth.rule.breached", Topics.CONTENT, RuleBreached.class),
    CHECKIN_RECORDED("hearth.checkin.recorded", Topics.ACTIVITY, CheckInRecorded.class),
    NOTICE_ISSUED("hearth.notice.issued", Topics.ACTIVITY, NoticeIssued.class),
    CHALLENGE_CREATED("hearth.challenge.created", Topics.ACTIVITY, ChallengeCreated.class),
    CHALLENGE_JOINED("hearth.challenge.joined", Topics.ACTIVITY, ChallengeJoined.class),
    CHALLENGE_COMPLETED("hearth.challenge.completed", Topics.ACTIVITY, ChallengeCompleted.class),
    POLL_CREATED("hearth.poll.created", Topics.ACTIVITY, PollCreated.class),
    VOTE_CAST("hearth.vote.cast", Topics.ACTIVITY, VoteCast.class),
    EVENT_CREATED("hearth.event.created", Topics.ACTIVITY, EventCreated.class),
    EVENT_REGISTERED("hearth.event.registered", Topics.ACTIVITY, EventRegistered.class),
    EVENT_REGISTRATION_CANCELLED("hearth.event.registration-cancelled", Topics.ACTIVITY,
            EventRegistrationCancelled.class),
    EVENT_WAITLIST_PROMOTED("hearth.event.waitlist-promoted", Topics.ACTIVITY, EventWaitlistPromoted.class),
    EVENT_ATTENDED("hearth.event.attended", Topics.ACTIVITY, EventAttended.class),
    LOTTERY_CREATED("hearth.lottery.created", Topics.ACTIVITY, LotteryCreated.class),
    LOTTERY_DRAWN("hearth.lottery.drawn", Topics.ACTIVITY, LotteryDrawn.class),
    PLAN_CREATED("hearth.plan.created", Topics.MONETIZATION, PlanCreated.class),
    ORDER_PLACED("hearth.order.placed", Topics.MONETIZATION, OrderPlaced.class),
    PAYMENT_SUCCEEDED("hearth.payment.succeeded", Topics.MONETIZATION, PaymentSucceeded.class),
    PAYMENT_FAILED("hearth.payment.failed", Topics.MONETIZATION, PaymentFailed.class),
    OFFER_VIEWED("hearth.offer.viewed", Topics.MONETIZATION, OfferViewed.class),
    ORDER_EXPIRED("hearth.order.expired", Topics.MONETIZATION, OrderExpired.class),
    PAYMENT_REFUNDED("hearth.payment.refunded", Topics.MONETIZATION, PaymentRefunded.class),
    SUBSCRIPTION_STARTED("hearth.subscription.started", Topics.MONETIZATION, SubscriptionStarted.class),
    SUBSCRIPTION_RENEWED("hearth.subscription.renewed", Topics.MONETIZATION, SubscriptionRenewed.class),
    SUBSCRIPTION_PAST_DUE("hearth.subscription.past-due", Topics.MONETIZATION, SubscriptionPastDue.class),
    SUBSCRIPTION_EXPIRED("hearth.subscription.expired", Topics.MONETIZATION, SubscriptionExpired.class),
    ENTITLEMENT_GRANTED("hearth.entitlement.granted", Topics.MONETIZATION, EntitlementGranted.class),
    ENTITLEMENT_REVOKED("hearth.entitlement.revoked", Topics.MONETIZATION, EntitlementRevoked.class),
    COMMISSION_EARNED("hearth.commission.earned", Topics.MONETIZATION, CommissionEarned.class),
    COMMISSION_RELEASED("hearth.commission.released", Topics.MONETIZATION, CommissionReleased.class),
    COMMISSION_CLAWED_BACK("hearth.commission.clawed-back", Topics.MONETIZATION, CommissionClawedBack.class),
    TRUST_GATE_OVERRIDDEN("hearth.trust-gate.overridden", Topics.MONETIZATION, TrustGateOverridden.class);

    private final String type;
    private final String topic;
    private final Class<? extends EventData> dataClass;

    EventType(String type, String topic, Class<? extends EventData> dataClass) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code hearth.member.joined}. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** Classpath location of the JSON Schema for this type's data. */
    public String schemaResource() {
        return "hearth/events/" + type + ".schema.json";
    }

    /** The CloudEvents {@code dataschema} attribute: names the schema file and its major version. */
    public URI dataSchema() {
        return URI.create("urn:hearth:schema:" + type + ":1");
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(EventData data) {
        return Arrays.stream(values()).filter(t -> t.dataClass == data.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + data.getClass()));
    }
}
