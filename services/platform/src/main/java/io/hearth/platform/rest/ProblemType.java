package io.hearth.platform.rest;

import java.net.URI;

/**
 * Every kind of problem a Hearth service answers, in one place: a client tells them apart by {@link #uri()}, never by
 * parsing {@code detail}. The URIs are stable; a new kind of problem gets a new entry, an entry is never renamed.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "The request is invalid",
            "A parameter, header or body field is missing or malformed; violations lists each field and why."),
    UNAUTHENTICATED("unauthenticated", 401, "Sign-in required",
            "No bearer token, or one that is expired, forged or from another issuer: get a token from the realm."),
    SIGNATURE_INVALID("signature-invalid", 401, "Signature missing or invalid",
            "A signed callback (the payment webhook) carries no signature or one that does not match its body."),
    FORBIDDEN("forbidden", 403, "Not allowed",
            "The caller is signed in but lacks the realm role or the role in this community that the route needs."),
    PARTNER_SCOPE_MISSING("partner-scope-missing", 403, "The partner's grant lacks this scope",
            "The caller is a partner client whose grant in this community lacks the scope the route needs (or it has "
                    + "no grant there)."),
    MUTED("muted", 403, "Muted in this community",
            "Staff muted the caller in this community until the time the detail names: they may read, but not post, "
                    + "check in or otherwise write there until then."),
    BANNED("banned", 403, "Banned from this community",
            "Staff banned the caller from this community: they cannot join it again, through any entry or live code, "
                    + "until staff lift the ban."),
    ENTITLEMENT_REQUIRED("entitlement-required", 403, "A paid plan grants this",
            "The topic, event or challenge is paid and the caller holds no entitlement to it; plans lists the plans "
                    + "whose payment grants it."),
    NOT_FOUND("not-found", 404, "Not found",
            "The community, member, post, plan or order named in the path does not exist there."),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not an acceptable media type",
            "The Accept header asks only for media types the route cannot answer (it answers JSON); nothing was done."),
    ALREADY_MEMBER("already-member", 409, "Already a member",
            "The caller already belongs to this community; leave first to join again."),
    OWNER_IMMUTABLE("owner-immutable", 409, "The owner cannot do this",
            "The owner cannot leave the community or have their role changed."),
    ALREADY_OWNER("already-owner", 409, "Already the owner",
            "Ownership would go to the person who already owns the community; nothing changes."),
    APPLICATION_PENDING("application-pending", 409, "Application pending",
            "The caller already has an application to this community waiting for staff to decide it."),
    APPLICATION_DECIDED("application-decided", 409, "Application already decided",
            "The application was already approved or declined; a decision is never changed."),
    ORDER_SETTLED("order-settled", 409, "Order already settled",
            "The order was already paid or failed the other way; a settled order does not change."),
    ALREADY_VOTED("already-voted", 409, "Already voted",
            "The caller has already voted in this poll; a vote is final and is not changed or repeated."),
    IDEMPOTENCY_CONFLICT("idempotency-conflict", 409, "Idempotency-Key already used",
            "This Idempotency-Key was used by the same caller on the same route with a different request, or its first "
                    + "request is still being processed; send a new key for a new request."),
    ALREADY_REGISTERED("already-registered", 409, "Already registered for this event",
            "The caller already holds a place at this event or waits on its waitlist; cancel first to register again."),
    TRUST_GATE("trust-gate", 409, "The community has not earned trust yet",
            "A paid plan is refused in a community that is too young or has too few members active in the last days; "
                    + "the detail and the figures say which. The owner may override with a reason."),
    PAYMENT_MISMATCH("payment-mismatch", 409, "Payment does not match the order",
            "The provider's callback names an amount or currency other than the order's; nothing was changed."),
    ORDER_NOT_PAID("order-not-paid", 409, "Order not paid (yet)",
            "The order has no confirmed payment to refund or renew yet; a provider retries such a callback later."),
    ORDER_EXPIRED("order-expired", 409, "Order expired",
            "The order's payment never came and it expired; order the plan again."),
    LOTTERY_NOT_DUE("lottery-not-due", 409, "Lottery not due yet",
            "The lottery's drawAt has not come: nobody, staff included, can draw it before then."),
    LOTTERY_DRAWN("lottery-drawn", 409, "Lottery already drawn",
            "The lottery was drawn already, once and for all: its result is published and is never drawn again."),
    POST_REMOVED("post-removed", 410, "Post removed",
            "The post was taken down by its author or by staff: it can no longer be read, replied to, reacted to, "
                    + "edited or answered."),
    REPLY_REMOVED("reply-removed", 410, "Reply removed",
            "The reply was taken down by its author or by staff: it can no longer be edited or removed again."),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large",
            "The request body is larger than the route accepts."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type",
            "The body is not sent as application/json."),
    COMMUNITY_FULL("community-full", 422, "Community full",
            "The community has reached its size cap; nobody else can join until someone leaves."),
    COMMUNITY_CLOSED("community-closed", 422, "Community closed",
            "The community's admission is CLOSED: it takes no new members, through any entry."),
    ENTRY_EXPIRED("entry-expired", 422, "Entry expired",
            "The entry (invite or referral link) named in the join expired; ask whoever shared it for a new one."),
    ENTRY_USED_UP("entry-used-up", 422, "Entry used up",
            "The entry named in the join has been used as many times as it allows; ask whoever shared it for a new "
                    + "one."),
    PLAN_UNAVAILABLE("plan-unavailable", 422, "Plan unavailable",
            "The plan named in the body is not a plan of this community."),
    WEBHOOK_URL_REFUSED("webhook-url-refused", 422, "Webhook URL refused",
            "The webhook URL is not http(s), or its host resolves to a loopback, private, link-local or otherwise "
                    + "non-public address."),
    NOT_A_QUESTION("not-a-question", 422, "Not a question",
            "Only a post of kind QUESTION can have an accepted answer."),
    REPLY_UNAVAILABLE("reply-unavailable", 422, "Reply unavailable",
            "The reply named in the body is not a reply to this post, or it was removed."),
    PLAN_INVALID("plan-invalid", 422, "Plan not possible",
            "The plan's terms do not fit together: a trial without a period, or a grant naming no item or an item "
                    + "twice; violations name the field."),
    REFUND_EXCEEDS_PAID("refund-exceeds-paid", 422, "Refund exceeds what was paid",
            "A refund can never exceed what the order has been paid, less what was refunded already."),
    CHALLENGE_INVALID("challenge-invalid", 422, "Challenge not possible",
            "The challenge's days are not 1 to 366, its goal is not 1 to its days, or it starts before today in the "
                    + "community's time zone; violations name the field. Nothing was created."),
    CHALLENGE_ENDED("challenge-ended", 422, "Challenge ended",
            "The challenge's last day (in the community's time zone) is over: nobody can join it any more."),
    POLL_CLOSED("poll-closed", 422, "Poll closed",
            "The poll stopped taking votes at its closesAt, or staff closed it early; its results can be read."),
    VOTE_OPTIONS_INVALID("vote-options-invalid", 422, "Options do not fit the poll",
            "The optionIds name an option that is not one of this poll's, or more than one in a poll that is not "
                    + "multiple choice; nothing was recorded."),
    MODERATION("moderation", 422, "Refused by the community's moderation rules",
            "The text breaks one of the community's moderation rules (a blocked word, a link its link policy refuses, or "
                    + "more posts and replies in a minute than it allows); the extension member rule names which "
                    + "(blocked-word, link, flood). Nothing was written; the breach is recorded, and enough of them in "
                    + "24 hours mute the author."),
    POINTS_OUT_OF_RANGE("points-out-of-range", 422, "Points out of range",
            "A points setting is below 0 or above 1000; violations names each such field. Nothing was changed."),
    EVENT_INVALID("event-invalid", 422, "Event not possible",
            "The event's times, place or capacity cannot be: endsAt not after startsAt, startsAt not in the future, "
                    + "both or neither of location and url, or capacity below 1; violations name the field."),
    EVENT_STARTED("event-started", 422, "Event already started",
            "The event has started: registrations can no longer be made or cancelled."),
    NOT_REGISTERED("not-registered", 422, "No place at this event",
            "The caller holds no place at this event (not registered, or only on its waitlist), so cannot record "
                    + "attendance."),
    ATTENDANCE_WINDOW("attendance-window", 422, "Outside the attendance window",
            "Attendance is recorded from one hour before the event starts until it ends, not before or after."),
    RATE_LIMITED("rate-limited", 429, "Too many requests",
            "The caller sent more requests than allowed; retry after the seconds in Retry-After."),
    INTERNAL("internal", 500, "Internal error",
            "An unexpected failure on Hearth's side; nothing was changed."),
    UNAVAILABLE("unavailable", 503, "Temporarily unavailable",
            "A store Hearth needs is away for a moment; nothing was changed, retry after Retry-After.");

    /** Where the problem types are documented; each type's URI is this plus its slug. */
    public static final String BASE = "https://hearth.dev/problems/";

    private final String slug;
    private final int status;
    private final String title;
    private final String description;

    ProblemType(String slug, int status, String title) {
        this(slug, status, title, title + ".");
    }

    ProblemType(String slug, int status, String title, String description) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.description = description;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** One sentence for partners: when Hearth answers this problem (the OpenAPI documents list it). */
    public String description() {
        return description;
    }

    /** The type with this slug, or null. */
    public static ProblemType ofSlug(String slug) {
        for (ProblemType type : values()) {
            if (type.slug.equals(slug)) {
                return type;
            }
        }
        return null;
    }

    /** The generic type of a status the framework answers (406, 413, ...), or null when there is none. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 500 -> INTERNAL;
            case 503 -> UNAVAILABLE;
            default -> null;
        };
    }
}
