package io.hearth.platform.rest;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;

/**
 * Thrown anywhere to answer the request with a problem response; see {@link Problems} for the common ones. It is a
 * {@link WebApplicationException} so that it passes unchanged through places that wrap other exceptions, such as
 * parameter conversion.
 */
public class ProblemException extends WebApplicationException {
    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String title, String detail, List<Problem.Violation> violations) {
        super(detail, status);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
