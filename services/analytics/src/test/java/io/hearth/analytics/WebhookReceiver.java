package io.hearth.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook endpoint, on 127.0.0.1 and a free port: it checks Hearth-Signature as a partner would (the
 * README's snippet), answers what the test tells it, and keeps every request it got.
 */
final class WebhookReceiver implements AutoCloseable {
    /** One request as it arrived, with what the receiver made of its signature and what it answered. */
    record Received(String eventId, String deliveryId, String signature, String contentType, String body,
            boolean signatureValid, int answered, Instant at) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String secret;

    WebhookReceiver(IntSupplier answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String signature = exchange.getRequestHeaders().getFirst("Hearth-Signature");
            boolean valid = verify(secret, signature, body, Instant.now());
            int status = valid ? answer.getAsInt() : 401;
            received.add(new Received(exchange.getRequestHeaders().getFirst("Hearth-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Hearth-Delivery-Id"), signature,
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, valid, status, Instant.now()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Where the receiver listens, e.g. http://127.0.0.1:41234/hooks/hearth. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/hearth?tenant=42";
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The subscription's secret, as the partner stores it from the 201. */
    void useSecret(String secret) {
        this.secret = secret;
    }

    List<Received> received(String eventId) {
        return received.stream().filter(r -> eventId.equals(r.eventId())).toList();
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    /**
     * What a partner's receiver does with Hearth-Signature: split t and v1, refuse a timestamp more than 5 minutes
     * away from now, recompute HMAC-SHA256 of "t.body" with the secret and compare in constant time.
     */
    static boolean verify(String secret, String header, String body, Instant now) {
        if (secret == null || header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(t);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - sent) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
