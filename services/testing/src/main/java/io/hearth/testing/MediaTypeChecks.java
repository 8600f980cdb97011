package io.hearth.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What every route answers whatever the client accepts: JSON to a client that takes JSON (and, for a route without a
 * body, also to one that only takes problem+json, as generated clients ask), and 406 not-acceptable problem+json,
 * having done nothing, to a client that takes neither.
 */
public final class MediaTypeChecks {
    public static final List<String> UNACCEPTABLE = List.of("text/html", "application/xml");
    public static final String NOT_ACCEPTABLE = "https://hearth.dev/problems/not-acceptable";

    private MediaTypeChecks() {
    }

    /**
     * One call of a route, arranged: who calls (token, or null), how, with which body (null for none) and headers,
     * and its success status.
     */
    public record Route(String method, String path, Object body, String token, int successStatus,
            Map<String, String> headers) {
        public Route(String method, String path, Object body, String token, int successStatus) {
            this(method, path, body, token, successStatus, Map.of());
        }

        RequestSpecification request(String accept) {
            RequestSpecification spec = given().accept(accept).headers(headers);
            if (token != null) {
                spec.auth().oauth2(token);
            }
            if (body != null) {
                spec.contentType(ContentType.JSON).body(body);
            }
            return spec;
        }
    }

    /** Asked only for each {@link #UNACCEPTABLE} type: 406 not-acceptable problem+json, and the outbox did not grow. */
    public static void assertRefusedWithoutWriting(Route route) {
        for (String accept : UNACCEPTABLE) {
            long before = outboxRows();
            route.request(accept).request(route.method(), route.path())
                    .then().statusCode(406).contentType("application/problem+json")
                    .body("type", equalTo(NOT_ACCEPTABLE)).body("status", equalTo(406));
            assertEquals(before, outboxRows(), route + " asked for " + accept + " wrote an event");
        }
    }

    /** Asked for {@code accept}: the route's success status and, if it answers a body, a JSON object or array. */
    public static void assertAnswers(Route route, String accept) {
        Response response = route.request(accept).request(route.method(), route.path());
        response.then().statusCode(route.successStatus());
        if (route.successStatus() != 204) {
            response.then().contentType(ContentType.JSON);
            String body = response.asString().strip();
            assertTrue(body.startsWith("{") || body.startsWith("["), "not JSON: " + body);
        }
    }

    /**
     * The rows of the service's outbox: every change a Hearth service makes records an event there in its own
     * transaction, so an unchanged count means nothing was written.
     */
    public static long outboxRows() {
        try (Connection db = HearthTestResource.openDatabase(); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from outbox_event")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
