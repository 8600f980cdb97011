package io.hearth.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.hearth.testing.HearthTestResource;
import io.hearth.testing.OpenApiContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class OpenApiContractTest {

    @Test
    void servedOpenApiMatchesTheContractInTheRepository() {
        OpenApiContract.assertCurrent("activity");
    }

    @Test
    void everyRouteDocumentsItsProblemResponsesAndTheCommunitysDay() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("application/problem+json"))
                .body(containsString("/communities/{communityId}/check-ins/me"))
                .body(containsString("calendar day in the community's time zone"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
