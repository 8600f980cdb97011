package io.hearth.platform.rest;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;

/**
 * Thrown anywhere to answer the request with a problem response of a {@link ProblemType}; see {@link Problems}. It is
 * a {@link WebApplicationException} so that it passes unchanged through places that wrap other exceptions, such as
 * parameter conversion.
 */
public class ProblemException extends WebApplicationException {
    private final ProblemType type;
    private final List<Problem.Violation> violations;

    public ProblemException(ProblemType type, String detail, List<Problem.Violation> violations) {
        super(detail, type.status());
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
