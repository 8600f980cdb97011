package io.hearth.platform.limits;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hearth.platform.config.HearthConfig;
import io.hearth.platform.rest.Problem;
import io.hearth.platform.rest.ProblemType;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose declared body is larger than {@code hearth.limits.max-body-size} with a 413 problem, before
 * a byte of it is read, so nothing is parsed or written. Runs just ahead of Quarkus's own limit
 * ({@code quarkus.http.limits.max-body-size}, a larger backstop), which would answer 413 with an empty body. A body
 * sent without a Content-Length is limited while it is read ({@link BoundedBodies}).
 */
@ApplicationScoped
public class BodySizeLimit {
    private final long maxBytes;
    private final ObjectMapper json;

    public BodySizeLimit(HearthConfig config, ObjectMapper json) {
        this.maxBytes = config.limits().maxBodySize().asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && tooLarge(declared)) {
            refuse(context);
            return;
        }
        context.next();
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // not ours to judge: the server refuses a malformed Content-Length itself
        }
    }

    private void refuse(RoutingContext context) {
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri().toString(), type.title(), type.status(),
                "The request body may be at most " + maxBytes + " bytes; nothing was read or changed.",
                context.request().path(), List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The body that was announced is not read: close the connection after answering instead of draining it.
        context.response()
                .setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ignored -> context.request().connection().close())
                .end(body);
    }
}
