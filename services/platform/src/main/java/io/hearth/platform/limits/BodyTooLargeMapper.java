package io.hearth.platform.limits;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.hearth.platform.rest.Problem;
import io.hearth.platform.rest.ProblemType;

/** A body cut off by {@link BoundedBodies} answers the 413 problem, as one refused from its Content-Length does. */
public class BodyTooLargeMapper {

    /** The rest of the body is not read, so the connection is closed after answering. */
    @ServerExceptionMapper
    public Response refuse(BoundedBodies.BodyTooLarge e, UriInfo uri) {
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).header("Connection", "close")
                .entity(new Problem(type.uri().toString(), type.title(), type.status(), e.getMessage(), uri.getPath(),
                        List.of()))
                .build();
    }
}
