package io.hearth.platform.rest;

import java.io.CharConversionException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error a Hearth service returns is an RFC 9457 {@code application/problem+json} body. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = e.extensions().isEmpty() ? respond(e.type(), e.getMessage(), uri, e.violations())
                : Response.status(e.type().status()).type(Problem.MEDIA_TYPE).entity(new Problem(e.type().uri()
                        .toString(), e.type().title(), e.type().status(), e.getMessage(), uri.getPath(),
                        e.violations(), e.extensions())).build();
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(response);
        e.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + " " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid.");
        return respond(ProblemType.VALIDATION, detail, uri, violations);
    }

    /** Jackson's own subtypes are named so that these win over Quarkus's built-in plain-JSON mappers. */
    @ServerExceptionMapper({ JacksonException.class, JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class })
    public Response unreadable(JacksonException e, UriInfo uri) {
        String field = e instanceof MismatchedInputException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> a + "." + b).orElse(null)
                : null;
        String message = rule(e);
        String detail = field == null ? "The body is not valid JSON: " + e.getOriginalMessage()
                : "Field '" + field + "' " + message + ".";
        List<Problem.Violation> violations = field == null ? List.of()
                : List.of(new Problem.Violation(field, message));
        return respond(ProblemType.VALIDATION, detail, uri, violations);
    }

    /**
     * Bytes Jackson cannot even decode as text: it guesses the encoding from the first bytes (UTF-8, -16 or -32), and
     * a body that looks like UTF-32 but is cut short fails in the decoder, before any JSON is read.
     */
    @ServerExceptionMapper
    public Response undecodable(CharConversionException e, UriInfo uri) {
        return respond(ProblemType.VALIDATION, "The body is not JSON text in UTF-8: " + e.getMessage(), uri,
                List.of());
    }

    /** What a field that Jackson could not read must be. */
    private static String rule(JacksonException e) {
        Class<?> target = e instanceof InvalidFormatException f ? f.getTargetType() : null;
        if (target != null && target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return target == String.class ? StorableJsonText.REFUSAL : "has the wrong type or format";
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED, "Sign in: send a bearer token from Keycloak.", uri,
                List.of())).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "Your account lacks the role this needs.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        ProblemType type = ProblemType.forStatus(status.getStatusCode());
        if (type == null) {
            // No more to say than the status (405, say): RFC 9457's about:blank with the status's phrase.
            return respond("about:blank", status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), uri,
                    List.of());
        }
        return respond(type, e.getMessage(), uri, List.of());
    }

    /** Also checked exceptions: a refused database connection arrives as a raw {@code ConnectException}. */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warnf("Database unavailable serving %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(respond(ProblemType.UNAVAILABLE,
                    "The database is unavailable for a moment; nothing was changed. Retry shortly.", uri, List.of()))
                    .header("Retry-After", "1").build();
        }
        LOG.error("Unexpected failure serving " + uri.getPath(), e);
        return respond(ProblemType.INTERNAL, "Something went wrong on our side; nothing was changed.", uri,
                List.of());
    }

    private static Response respond(ProblemType type, String detail, UriInfo uri, List<Problem.Violation> violations) {
        return respond(type.uri().toString(), type.title(), type.status(), detail, uri, violations);
    }

    private static Response respond(String type, String title, int status, String detail, UriInfo uri,
            List<Problem.Violation> violations) {
        Problem body = new Problem(type, title, status, detail, uri.getPath(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** "create.arg0.name" -> "name": the JSON field a client sent, not the Java parameter path. */
    private static String field(ConstraintViolation<?> violation) {
        String last = null;
        String path = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                path = null;
                last = node.getName();
                continue;
            }
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                path = path == null ? node.getName() : path + "." + node.getName();
            }
        }
        return path != null ? path : last;
    }
}
