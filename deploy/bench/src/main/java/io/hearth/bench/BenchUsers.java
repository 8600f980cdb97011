package io.hearth.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hearth.embedded.KeycloakServer;

/**
 * Members for the benchmark: created in the realm through Keycloak's admin REST API (plain HTTP; admin/admin of the
 * local server), each with the realm role member and a real access token from the password grant. One person joins a
 * community once, so concurrent joins need many people.
 */
final class BenchUsers {
    static final String PASSWORD = "bench-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A realm user: its id is the token's subject, the id the services know the person by. */
    record User(String username, String id, String token) {
    }

    private final KeycloakServer keycloak;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    BenchUsers(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /** Creates {@code count} users bench-0001... and returns them with their tokens (8 at a time: Keycloak hashes). */
    List<User> create(int count) {
        String admin = adminToken();
        JsonNode memberRole = send(HttpRequest.newBuilder(adminUri("/roles/member")).header("Authorization",
                "Bearer " + admin).GET(), 200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<User>> users = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                String username = String.format("bench-%04d", n);
                users.add(pool.submit(() -> createOne(admin, username, memberRole)));
            }
            List<User> created = new ArrayList<>();
            for (Future<User> user : users) {
                created.add(user.get());
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create the benchmark's users", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private User createOne(String admin, String username, JsonNode memberRole) throws IOException,
            InterruptedException {
        // First and last name and e-mail: Keycloak's default user profile refuses a token to a user without them.
        String body = JSON.writeValueAsString(JSON.createObjectNode()
                .put("username", username).put("enabled", true).put("emailVerified", true)
                .put("firstName", "Bench").put("lastName", username).put("email", username + "@bench.hearth.local")
                .set("credentials", JSON.createArrayNode().add(JSON.createObjectNode()
                        .put("type", "password").put("value", PASSWORD).put("temporary", false))));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(adminUri("/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Creating " + username + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        send(HttpRequest.newBuilder(adminUri("/users/" + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + JSON.writeValueAsString(memberRole) + "]")), 204);
        return new User(username, id, keycloak.accessToken(username, PASSWORD));
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(KeycloakServer.ADMIN_USERNAME, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(KeycloakServer.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        JsonNode token = send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
        return token.path("access_token").asText();
    }

    private URI adminUri(String path) {
        return URI.create(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + path);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Keycloak admin API: HTTP " + response.statusCode() + " "
                        + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
