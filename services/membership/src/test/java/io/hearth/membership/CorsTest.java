package io.hearth.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.hearth.testing.HearthTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A frontend on a local dev server may call the API from the browser; an unknown site may not. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class CorsTest {

    @Test
    void localFrontendMayCallTheApiAndReadLocation() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/communities")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"))
                .header("Access-Control-Allow-Headers", containsString("idempotency-key"));
        given().header("Origin", "http://127.0.0.1:3000").get("/q/health/ready")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://127.0.0.1:3000"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
    }

    @Test
    void unknownSiteIsNotAllowed() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/communities")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
