package io.hearth.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * An authorization matrix: every route of a service called by every kind of caller, each getting exactly the status
 * written in the matrix, and every such status documented on the route's operation in the served OpenAPI document.
 * Callers without a valid token (none, another issuer's, an expired one, one without Hearth's audience) are refused
 * 401 on every route unless the route says otherwise.
 */
public final class AccessMatrix {
    /** The kinds of caller every route is tried with. */
    public enum Caller {
        ANONYMOUS, OTHER_ISSUER, EXPIRED, WRONG_AUDIENCE,
        /** A member of another community, not of this one. */
        OUTSIDER, MEMBER, ADMIN, OWNER,
        /** Realm role operator, no role in this community. */
        OPERATOR,
        /** A partner client without a grant in this community. */
        PARTNER,
        /** Realm role platform-admin, no role in this community. */
        PLATFORM_ADMIN;

        public boolean unauthenticated() {
            return this == ANONYMOUS || this == OTHER_ISSUER || this == EXPIRED || this == WRONG_AUDIENCE;
        }
    }

    /**
     * One call: the path with its ids filled in, the body to send (null for none; a String is sent byte for byte) and
     * headers besides the bearer token (an Idempotency-Key, a webhook signature).
     */
    public record Call(String path, Object body, Map<String, String> headers) {
        public Call(String path, Object body) {
            this(path, body, Map.of());
        }
    }

    private record Route(String method, String template, String note, Function<Caller, Call> call,
            Map<Caller, Integer> expected) {
        String name() {
            return method + " " + template + (note == null ? "" : " (" + note + ")");
        }
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final String label;
    private final Function<Caller, String> tokens;
    private final List<Route> routes = new ArrayList<>();

    /**
     * {@code tokens}: the bearer token of each kind of caller, null for none. It is asked after the route's call is
     * made up, so a call that arranges fresh people (a new community with its own owner) can hand them to it.
     */
    public AccessMatrix(Function<Caller, String> tokens) {
        this("", tokens);
    }

    /**
     * A matrix whose callers differ from the usual ones (e.g. a PARTNER that holds a grant here), named by
     * {@code label} in its tests so they read apart from the main matrix's.
     */
    public AccessMatrix(String label, Function<Caller, String> tokens) {
        this.label = label.isEmpty() ? "" : " (" + label + ")";
        this.tokens = tokens;
    }

    /**
     * A route and the status each caller gets. {@code template} is the path as the OpenAPI document writes it;
     * {@code call} makes the call for one caller (fresh data where a call changes what the next caller would see).
     * Unauthenticated callers default to 401; every other caller must be listed.
     */
    public AccessMatrix route(String method, String template, Function<Caller, Call> call,
            Map<Caller, Integer> expected) {
        return route(method, template, null, call, expected);
    }

    /**
     * The same, with a note naming what this entry tries (e.g. "another community's post"), for a route listed more
     * than once with different ids or bodies.
     */
    public AccessMatrix route(String method, String template, String note, Function<Caller, Call> call,
            Map<Caller, Integer> expected) {
        Map<Caller, Integer> all = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            if (caller.unauthenticated()) {
                all.put(caller, 401);
            }
        }
        all.putAll(expected);
        for (Caller caller : Caller.values()) {
            if (!all.containsKey(caller)) {
                throw new IllegalArgumentException(method + " " + template + ": no expectation for " + caller);
            }
        }
        routes.add(new Route(method, template, note, call, all));
        return this;
    }

    /** Statuses for the callers given as pairs, e.g. {@code expect(MEMBER, 201, OUTSIDER, 403)}. */
    public static Map<Caller, Integer> expect(Object... callerThenStatus) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (int i = 0; i < callerThenStatus.length; i += 2) {
            expected.put((Caller) callerThenStatus[i], (Integer) callerThenStatus[i + 1]);
        }
        return expected;
    }

    /** The same status for all the given callers. */
    public static Map<Caller, Integer> all(int status, Caller... callers) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (Caller caller : callers) {
            expected.put(caller, status);
        }
        return expected;
    }

    public static Map<Caller, Integer> merge(List<Map<Caller, Integer>> parts) {
        Map<Caller, Integer> merged = new EnumMap<>(Caller.class);
        parts.forEach(merged::putAll);
        return merged;
    }

    /**
     * One test per route and caller, named "POST /communities as OWNER -> 201", and one that every operation of the
     * served OpenAPI document is in the matrix.
     */
    public Stream<DynamicTest> tests() {
        JsonPath document = openApi();
        Stream<DynamicTest> all = tests(document, null, EnumSet.allOf(Caller.class));
        // A labelled matrix tries some routes again with other callers; the main one must try them all.
        return label.isEmpty() ? Stream.concat(Stream.of(DynamicTest.dynamicTest(
                "every documented route is in the matrix", () -> checkCoverage(document))), all) : all;
    }

    /**
     * Only the given callers' tests, their names starting with {@code label}: for a second matrix that differs from
     * the first in some callers only (e.g. a partner holding a grant where the first one's holds none).
     */
    public Stream<DynamicTest> tests(String label, Caller... only) {
        return tests(openApi(), label, EnumSet.copyOf(List.of(only)));
    }

    private Stream<DynamicTest> tests(JsonPath document, String label, Set<Caller> callers) {
        return routes.stream().flatMap(route -> route.expected().entrySet().stream()
                .filter(entry -> callers.contains(entry.getKey()))
                .map(entry -> DynamicTest.dynamicTest((label == null ? "" : label + ": ") + route.name() + " as "
                        + entry.getKey() + " -> " + entry.getValue() + this.label,
                        () -> check(document, route, entry.getKey(), entry.getValue()))));
    }

    private static JsonPath openApi() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    private void checkCoverage(JsonPath document) {
        Set<String> documented = new TreeSet<>();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, item) -> item.keySet().stream().filter(METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        Set<String> covered = new TreeSet<>();
        routes.forEach(route -> covered.add(route.method() + " " + route.template()));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(covered);
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(documented);
        assertTrue(missing.isEmpty(), () -> "routes the matrix does not try: " + missing);
        assertTrue(unknown.isEmpty(), () -> "matrix routes the document does not have: " + unknown);
    }

    private void check(JsonPath document, Route route, Caller caller, int status) {
        Call call = route.call().apply(caller);
        RequestSpecification request = given().contentType(ContentType.JSON);
        String token = tokens.apply(caller);
        if (token != null) {
            request.auth().oauth2(token);
        }
        call.headers().forEach(request::header);
        if (call.body() != null) {
            request.body(call.body());
        }
        Response response = request.request(route.method(), call.path());
        assertEquals(status, response.statusCode(), () -> route.name() + ": " + call.path() + " as " + caller
                + " answered " + response.statusCode() + ": " + response.asString());
        if (status >= 400) {
            assertTrue(response.contentType().startsWith("application/problem+json"),
                    () -> "refusal without a problem body: " + response.contentType());
        }
        Map<String, Object> responses = document.getMap("paths.'" + route.template() + "'."
                + route.method().toLowerCase() + ".responses");
        assertTrue(responses != null && responses.containsKey(String.valueOf(status)), () -> route.method() + " "
                + route.template() + " does not document the " + status + " that " + caller + " gets");
    }
}
