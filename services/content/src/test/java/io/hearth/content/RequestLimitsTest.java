package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.PostCreated;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Request bodies over 64 KB (platform BodySizeLimit) and posts over 10,000 characters are refused, writing nothing. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class RequestLimitsTest {
    private static final int LIMIT = 64 * 1024;

    @Test
    void bodyOverTheLimitIs413ProblemAndWritesNothing() throws Exception {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String oversized = "{\"body\":\"" + "x".repeat(LIMIT) + "\"}";

        // With a Content-Length, as browsers and most clients send it: refused before the body is read.
        as(TestTokens.member(member)).body(oversized.getBytes(StandardCharsets.UTF_8))
                .post("/communities/{id}/posts", community)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/payload-too-large"))
                .body("status", equalTo(413));
        // Streamed without a Content-Length (chunked): cut off once it passes the limit.
        HttpResponse<String> streamed = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/communities/" + community + "/posts"))
                        .header("Authorization", "Bearer " + TestTokens.member(member))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                                oversized.getBytes(StandardCharsets.UTF_8))))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, streamed.statusCode(), streamed.body());
        assertEquals("application/problem+json", streamed.headers().firstValue("Content-Type").orElse(""));
        assertTrue(streamed.body().contains("https://hearth.dev/problems/payload-too-large"), streamed.body());
        // At the limit's side of it, a body is read as usual (here: a post too long for its own cap, 400).
        as(TestTokens.member(member)).body(Map.of("body", "x".repeat(10_001)))
                .post("/communities/{id}/posts", community)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));

        String valid = ContentApi.post(community, member, "x".repeat(10_000), List.of());
        assertEquals(List.of(valid), KafkaEvents.awaitEvents(EventType.POST_CREATED,
                e -> e.subject().equals(community), 1).stream().map(e -> e.data(PostCreated.class).postId()).toList());
        as(TestTokens.member(member)).get("/communities/{id}/posts", community)
                .then().statusCode(200).body("items.id", equalTo(List.of(valid)));
    }
}
