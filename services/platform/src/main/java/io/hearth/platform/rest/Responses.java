package io.hearth.platform.rest;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import io.hearth.platform.idempotency.IdempotencyKeys;

/** Response shapes shared by every service. */
public final class Responses {
    /** Marks a response replayed for a repeated Idempotency-Key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private Responses() {
    }

    /** 201 with the resource's location, also for a replay of an Idempotency-Key, which says so in a header. */
    public static <T> Response created(URI location, IdempotencyKeys.Outcome<T> outcome) {
        Response.ResponseBuilder builder = Response.created(location).entity(outcome.resource());
        if (outcome.replayed()) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.build();
    }
}
