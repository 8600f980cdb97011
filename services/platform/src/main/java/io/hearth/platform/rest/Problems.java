package io.hearth.platform.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The problems services raise, one factory so that types, titles and statuses mean the same everywhere. */
public final class Problems {
    private Problems() {
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, List.of());
    }

    /** A problem with extension members beside the standard ones, e.g. {@code rule} on a moderation refusal. */
    public static ProblemException of(ProblemType type, String detail, Map<String, Object> extensions) {
        return new ProblemException(type, detail, List.of(), Map.of(), extensions);
    }

    public static ProblemException badRequest(String detail) {
        return of(ProblemType.VALIDATION, detail);
    }

    public static ProblemException invalid(String detail, List<Problem.Violation> violations) {
        return new ProblemException(ProblemType.VALIDATION, detail, violations);
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException unauthorized(String detail) {
        return of(ProblemType.UNAUTHENTICATED, detail);
    }

    public static ProblemException forbidden(String detail) {
        return of(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException notFound(String detail) {
        return of(ProblemType.NOT_FOUND, detail);
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up so that a client waiting that long gets through. */
    public static ProblemException rateLimited(String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ProblemException(ProblemType.RATE_LIMITED, detail + " Retry in " + seconds + " s.", List.of(),
                Map.of("Retry-After", String.valueOf(seconds)));
    }
}
