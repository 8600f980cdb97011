package io.hearth.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

        boolean unauthenticated() {
            return this == ANONYMOUS || this == OTHER_ISSUER || this == EXPIRED || this == WRONG_AUDIENCE;
        }
    }

    /** One call: the path with its ids filled in and the body to send (null for none). */
    public record Call(String path, Object body) {
    }

    private record Route(String method, String template, Function<Caller, Call> call, Map<Caller, Integer> expected) {
    }

    private final Function<Caller, String> tokens;
    private final List<Route> routes = new ArrayList<>();

    /** {@code tokens}: the bearer token of each kind of caller, null for none. */
    public AccessMatrix(Function<Caller, String> tokens) {
        this.tokens = tokens;
    }

    /**
     * A route and the status each caller gets. {@code template} is the path as the OpenAPI document writes it;
     * {@code call} makes the call for one caller (fresh data where a call changes what the next caller would see).
     * Unauthenticated callers default to 401; every other caller must be listed.
     */
    public AccessMatrix route(String method, String template, Function<Caller, Call> call,
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
        routes.add(new Route(method, template, call, all));
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

    /** One test per route and caller, named "POST /communities as OWNER -> 201". */
    public Stream<DynamicTest> tests() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        return routes.stream().flatMap(route -> route.expected().entrySet().stream().map(entry -> DynamicTest
                .dynamicTest(route.method() + " " + route.template() + " as " + entry.getKey() + " -> "
                        + entry.getValue(), () -> check(document, route, entry.getKey(), entry.getValue()))));
    }

    private void check(JsonPath document, Route route, Caller caller, int status) {
        Call call = route.call().apply(caller);
        RequestSpecification request = given().contentType(ContentType.JSON);
        String token = tokens.apply(caller);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (call.body() != null) {
            request.body(call.body());
        }
        Response response = request.request(route.method(), call.path());
        assertEquals(status, response.statusCode(), () -> route.method() + " " + call.path() + " as " + caller
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
