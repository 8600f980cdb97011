package io.hearth.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real Keycloak server, run as a child process from the {@code keycloak-quarkus-dist} zip on 127.0.0.1 in dev mode,
 * with the {@code hearth} realm imported: by default the local realm bundled in this module (demo users, the
 * {@code partner-demo} client and its secret), which only the local stack imports; production imports
 * deploy/keycloak/hearth-realm.json instead. The unpacked distribution is kept in the state directory: its H2 database
 * holds the realm (and whatever was changed in it), so a restart finds everything again; an existing realm is not
 * re-imported.
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String REALM = "hearth";
    /** Public client for the password grant. */
    public static final String CLI_CLIENT = "hearth-cli";
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    /** Overrides where the distribution zip is read from. */
    public static final String DIST_PROPERTY = "hearth.keycloak.dist";
    /** Name under which the build copies the distribution into this module's target directory. */
    static final String DIST_FILE_NAME = "keycloak-quarkus-dist.zip";
    /** The local stack's realm: its users, passwords and client secret are public, for this machine only. */
    static final String REALM_RESOURCE = "io/hearth/embedded/keycloak/hearth-local-realm.json";
    private static final String VERSION_RESOURCE = "io/hearth/embedded/hearth-embedded.properties";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Keycloak on {@code port} (0 picks a free one) with its distribution and data in {@code stateDir}, imports
     * {@code realmFile} unless the realm exists, and waits until the realm answers.
     */
    public static KeycloakServer start(Path stateDir, int port, Path realmFile) {
        return launch(stateDir, port, realmFile).awaitReady(START_TIMEOUT);
    }

    /** As {@link #start(Path, int, Path)}, with the local realm bundled in this module. */
    public static KeycloakServer start(Path stateDir, int port) {
        return start(stateDir, port, localRealm(stateDir));
    }

    /**
     * Starts the process without waiting, so that a caller can start other servers meanwhile; follow with
     * {@link #awaitReady(Duration)}.
     */
    public static KeycloakServer launch(Path stateDir, int port, Path realmFile) {
        int httpPort = port > 0 ? port : Ports.free();
        Ports.requireFree(httpPort, "Keycloak");
        Path home = unpack(distribution(), stateDir.toAbsolutePath());
        try {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, importDir.resolve("hearth-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install realm " + realmFile, e);
        }
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--import-realm",
                // Local caches: no cluster discovery on the network. No management interface: it would take port 9000.
                "--cache=local",
                "--health-enabled=false",
                "--metrics-enabled=false");
        Map<String, String> env = Map.of(
                // The JVM running us is known to work (Keycloak 26.0 runs on 17); the machine's default may not be.
                "JAVA_HOME", System.getProperty("java.home"),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        ChildProcess process = ChildProcess.launch("Keycloak", command, env, home,
                stateDir.toAbsolutePath().resolve("keycloak.log"));
        return new KeycloakServer(process, httpPort);
    }

    /** Waits until the realm's discovery document answers; stops the process and fails with its log if it does not. */
    public KeycloakServer awaitReady(Duration timeout) {
        try {
            process.awaitHttpOk(URI.create(issuerUrl() + "/.well-known/openid-configuration"), timeout);
            return this;
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What services set as {@code quarkus.oidc.auth-server-url}; also the {@code iss} of the tokens. */
    public String issuerUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    /** The admin console, opened on the hearth realm (log in as admin/admin). */
    public String adminConsoleUrl() {
        return baseUrl() + "/admin/master/console/#/" + REALM;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** An access token for a realm user, by the password grant of the public {@code hearth-cli} client. */
    public String accessToken(String username, String password) {
        return requestToken(Map.of("grant_type", "password", "client_id", CLI_CLIENT,
                "username", username, "password", password));
    }

    /** An access token for a confidential client's service account, by the client-credentials grant. */
    public String clientCredentialsToken(String clientId, String secret) {
        return requestToken(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /**
     * Creates a user in the realm with a password and realm roles, through Keycloak's admin REST API signed in as the
     * bootstrap admin; returns the user's id, which is the {@code sub} of their tokens. For tests that need more
     * people than the realm's demo users.
     */
    public String createUser(String username, String password, String... realmRoles) {
        String admin = requestToken(tokenUrl("master"), Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", ADMIN_USERNAME, "password", ADMIN_PASSWORD));
        String adminApi = baseUrl() + "/admin/realms/" + REALM;
        // A complete profile (names, verified e-mail) and no required actions, or the password grant is refused.
        Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                "firstName", username, "lastName", "Test", "email", username + "@hearth.local",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(adminApi + "/users")), admin, user);
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Keycloak created " + username + " but said not where"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        if (realmRoles.length > 0) {
            List<JsonNode> roles = new ArrayList<>();
            for (String role : realmRoles) {
                roles.add(readJson(send(HttpRequest.newBuilder(URI.create(adminApi + "/roles/"
                        + URLEncoder.encode(role, StandardCharsets.UTF_8).replace("+", "%20"))), admin, null).body()));
            }
            send(HttpRequest.newBuilder(URI.create(adminApi + "/users/" + id + "/role-mappings/realm")), admin, roles);
        }
        return id;
    }

    /** An admin API call: GET without a body, POST with one as JSON; anything but 2xx fails. */
    private HttpResponse<String> send(HttpRequest.Builder request, String token, Object body) {
        request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        try {
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpRequest built = request.build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak admin API " + built.method() + " " + built.uri()
                        + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak admin API call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Keycloak's admin API", e);
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tokenUrl(String realm) {
        return baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    private String requestToken(Map<String, String> form) {
        return requestToken(tokenUrl(), form);
    }

    private String requestToken(String tokenUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new TokenRefusedException(response.statusCode(), response.body());
            }
            JsonNode token = JSON.readTree(response.body()).path("access_token");
            if (!token.isTextual()) {
                throw new IllegalStateException("No access_token in Keycloak's answer: " + response.body());
            }
            return token.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Token request to " + tokenUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while requesting a token", e);
        }
    }

    /** Stops Keycloak; its data stays in the state directory. */
    @Override
    public void close() {
        process.close();
    }

    /**
     * The distribution zip: the {@value #DIST_PROPERTY} system property if set, else the copy the build put beside
     * this module's classes, else the artifact in the local Maven repository (when this module is used as a jar).
     */
    public static Path distribution() {
        String explicit = System.getProperty(DIST_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return requireFile(Path.of(explicit));
        }
        List<Path> candidates = new ArrayList<>();
        moduleTargetDir().map(dir -> dir.resolve(DIST_FILE_NAME)).ifPresent(candidates::add);
        String repository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        String version = version();
        candidates.add(Path.of(repository, "org", "keycloak", "keycloak-quarkus-dist", version,
                "keycloak-quarkus-dist-" + version + ".zip"));
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak distribution not found in " + candidates
                        + "; build deploy/embedded (mvn -pl deploy/embedded install) to fetch it"));
    }

    /** The Keycloak version this module was built against. */
    public static String version() {
        try (InputStream in = KeycloakServer.class.getClassLoader().getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(VERSION_RESOURCE + " missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("keycloak.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code target/} when our classes are loaded from {@code target/classes}, i.e. inside the build tree. */
    private static Optional<Path> moduleTargetDir() {
        try {
            Path codeSource = Path.of(KeycloakServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(codeSource) ? Optional.ofNullable(codeSource.getParent())
                    : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Keycloak distribution " + file + " does not exist");
        }
        return file;
    }

    /**
     * Unzips the distribution to {@code stateDir/keycloak-<version>} unless it is there. Unzipped beside and renamed
     * into place, so that an interrupted unzip is never mistaken for a complete one.
     */
    static Path unpack(Path zip, Path stateDir) {
        Path home = stateDir.resolve("keycloak-" + version());
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path staging = stateDir.resolve(".unpacking-" + UUID.randomUUID());
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Files.createDirectories(staging);
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IllegalStateException("Zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
            // The zip has one top directory (keycloak-<version>); java.util.zip drops the scripts' executable bits.
            Path top;
            try (Stream<Path> children = Files.list(staging)) {
                top = children.filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Empty Keycloak distribution " + zip));
            }
            try (Stream<Path> scripts = Files.list(top.resolve("bin"))) {
                for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            Files.move(top, home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip + " into " + stateDir, e);
        } finally {
            FileTrees.delete(staging);
        }
    }

    /** Copies the local realm bundled on the class path to a file in {@code stateDir} and returns it. */
    public static Path localRealm(Path stateDir) {
        try (InputStream in = KeycloakServer.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(REALM_RESOURCE + " missing from the class path");
            }
            Path file = Files.createDirectories(stateDir).resolve("hearth-realm.json");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keycloak refused to issue a token (wrong credentials, unknown client...). */
    public static final class TokenRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public TokenRefusedException(int status, String body) {
            super("Keycloak refused the token request: HTTP " + status + " " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
