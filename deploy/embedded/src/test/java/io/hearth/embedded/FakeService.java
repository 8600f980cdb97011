package io.hearth.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Quarkus service in {@link HearthStackTest}: answers /q/health/ready on the host and port the launcher
 * passes, and shows at /launch the system properties (and the webhook secret variable) it was started with. With
 * {@code -Dfake.shutdown-marker=FILE} it writes FILE from a shutdown hook. Uses the JDK only, so that a jar whose
 * manifest points at the test classes runs it.
 */
public final class FakeService {
    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        String host = System.getProperty("quarkus.http.host");
        int port = Integer.parseInt(System.getProperty("quarkus.http.port"));
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/q/health/ready", exchange -> answer(exchange, "{\"status\":\"UP\"}".getBytes()));
        server.createContext("/launch", exchange -> {
            Properties launch = new Properties();
            launch.putAll(System.getProperties());
            launch.setProperty("fake.pid", String.valueOf(ProcessHandle.current().pid()));
            String secret = System.getenv("HEARTH_PAYMENTS_WEBHOOK_SECRET");
            if (secret != null) {
                launch.setProperty("env.HEARTH_PAYMENTS_WEBHOOK_SECRET", secret);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            launch.store(body, null);
            answer(exchange, body.toByteArray());
        });
        // ChildProcessTest tells a clean stop from a kill by whether this hook ran.
        String marker = System.getProperty("fake.shutdown-marker");
        if (marker != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.writeString(Path.of(marker), "shut down cleanly");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        server.start();
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
