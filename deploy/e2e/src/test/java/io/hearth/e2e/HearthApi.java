package io.hearth.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A small thread-safe JSON client for the services, for tests that call them from many threads at once. An answer
 * is returned whatever its status; only a request that gets no answer at all throws.
 */
final class HearthApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Long enough that a slow answer is an answer: a request that gets none is a finding in itself. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A service's answer. */
    record Reply(int status, String contentType, JsonNode json, String body) {
        boolean accepted() {
            return status / 100 == 2;
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        String text(String field) {
            return json.path(field).asText(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    Reply get(URI service, String path, String token) {
        return send("GET", service, path, token, null, Map.of());
    }

    Reply post(URI service, String path, String token, Object body) {
        return send("POST", service, path, token, body, Map.of());
    }

    Reply post(URI service, String path, String token, Object body, Map<String, String> headers) {
        return send("POST", service, path, token, body, headers);
    }

    Reply put(URI service, String path, String token, Object body) {
        return send("PUT", service, path, token, body, Map.of());
    }

    Reply delete(URI service, String path, String token) {
        return send("DELETE", service, path, token, null, Map.of());
    }

    /** The payment provider's signed callback: hex HMAC-SHA256 of the raw body in Hearth-Signature. */
    Reply paymentWebhook(URI monetization, String secret, String orderId, String providerReference) {
        String body = "{\"orderId\":\"" + orderId + "\",\"outcome\":\"SUCCEEDED\",\"providerReference\":\""
                + providerReference + "\"}";
        return send("POST", monetization, "/payments/webhook", null, body,
                Map.of("Hearth-Signature", sign(body, secret)));
    }

    /** {@code body} is sent as is when it is a String, as JSON otherwise. */
    Reply send(String method, URI service, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path)).timeout(ANSWER_TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String json = body instanceof String text ? text : json(body);
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            return new Reply(response.statusCode(), type, parse(response.body()), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + service.resolve(path) + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
