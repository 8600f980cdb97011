package io.hearth.platform.rest;

/**
 * Names and texts the resources of every service share in their OpenAPI annotations, so that a route documents a
 * reused thing by reference ({@code @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY)}) instead of repeating it. The
 * components these names refer to are added to every document by {@link ProblemResponsesFilter}.
 */
public final class ApiDocs {
    /** components/parameters: the optional {@code Idempotency-Key} header of create routes. */
    public static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    /** components/parameters: the same header where it is required (placing an order). */
    public static final String IDEMPOTENCY_KEY_REQUIRED = "IdempotencyKeyRequired";
    /** components/headers: {@code Location} of a 201. */
    public static final String LOCATION = "Location";
    /** components/headers: {@code Idempotent-Replayed} of a 201 that replays an earlier request with the same key. */
    public static final String IDEMPOTENT_REPLAYED = "IdempotentReplayed";
    /**
     * Extension on a 4xx/5xx response naming the problem types (slugs of {@link ProblemType}, separated by commas) it
     * can carry; the filter turns it into their URIs. Needed only where a status has several types (409, 422, 401 of
     * a signed callback); the others are known from the status.
     */
    public static final String PROBLEM_TYPES = "x-problem-types";

    public static final String COMMUNITY_ID = "Id of the community the route acts in";
    public static final String USER_ID = "Keycloak subject (user id) of the member";

    private ApiDocs() {
    }
}
