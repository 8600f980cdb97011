package io.hearth.platform.rest;

import java.net.URI;

/**
 * Every kind of problem a Hearth service answers, in one place: a client tells them apart by {@link #uri()}, never by
 * parsing {@code detail}. The URIs are stable; a new kind of problem gets a new entry, an entry is never renamed.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "The request is invalid"),
    UNAUTHENTICATED("unauthenticated", 401, "Sign-in required"),
    SIGNATURE_INVALID("signature-invalid", 401, "Signature missing or invalid"),
    FORBIDDEN("forbidden", 403, "Not allowed"),
    PARTNER_SCOPE_MISSING("partner-scope-missing", 403, "The partner's grant lacks this scope"),
    NOT_FOUND("not-found", 404, "Not found"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not an acceptable media type"),
    ALREADY_MEMBER("already-member", 409, "Already a member"),
    OWNER_IMMUTABLE("owner-immutable", 409, "The owner cannot do this"),
    ORDER_SETTLED("order-settled", 409, "Order already settled"),
    IDEMPOTENCY_CONFLICT("idempotency-conflict", 409, "Idempotency-Key already used"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    COMMUNITY_FULL("community-full", 422, "Community full"),
    PLAN_UNAVAILABLE("plan-unavailable", 422, "Plan unavailable"),
    WEBHOOK_URL_REFUSED("webhook-url-refused", 422, "Webhook URL refused"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    INTERNAL("internal", 500, "Internal error"),
    UNAVAILABLE("unavailable", 503, "Temporarily unavailable");

    /** Where the problem types are documented; each type's URI is this plus its slug. */
    public static final String BASE = "https://hearth.dev/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
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
