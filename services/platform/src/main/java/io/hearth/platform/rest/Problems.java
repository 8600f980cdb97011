package io.hearth.platform.rest;

import java.util.List;

/** The problems services raise, one factory so that types, titles and statuses mean the same everywhere. */
public final class Problems {
    private Problems() {
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, List.of());
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
}
