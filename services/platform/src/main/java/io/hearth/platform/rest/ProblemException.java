package io.hearth.platform.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;

/**
 * Thrown anywhere to answer the request with a problem response of a {@link ProblemType}; see {@link Problems}. It is
 * a {@link WebApplicationException} so that it passes unchanged through places that wrap other exceptions, such as
 * parameter conversion.
 */
public class ProblemException extends WebApplicationException {
    private final ProblemType type;
    private final List<Problem.Violation> violations;
    private final Map<String, String> headers;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        this(type, detail, violations, Map.of());
    }

    /** With response headers the problem needs, such as {@code Retry-After} on 429 and 503. */
    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations,
            Map<String, String> headers) {
        this(type, detail, violations, headers, Map.of());
    }

    /** With extension members of the problem body besides the standard ones (a moderation problem's rule). */
    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations,
            Map<String, String> headers, Map<String, Object> extensions) {
        super(detail, type.status());
        this.type = type;
        this.violations = List.copyOf(violations);
        this.headers = Map.copyOf(headers);
        this.extensions = Map.copyOf(extensions);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
