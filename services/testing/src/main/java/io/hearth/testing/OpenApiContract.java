package io.hearth.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps {@code contracts/openapi/<service>.yaml} equal to what the service serves at {@code /q/openapi}, so that
 * partners read the real contract in the repository. Run the tests with {@code -Dcontracts.update=true} to
 * rewrite the file after an intended API change.
 */
public final class OpenApiContract {
    private OpenApiContract() {
    }

    public static void assertCurrent(String service) {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path file = repositoryRoot().resolve("contracts/openapi/" + service + ".yaml");
        try {
            if (Boolean.getBoolean("contracts.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, served);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError(file + " is missing; run the tests with -Dcontracts.update=true");
            }
            String kept = Files.readString(file);
            if (!kept.equals(served)) {
                Path actual = Path.of("target", service + "-openapi.yaml");
                Files.writeString(actual, served);
                throw new AssertionError(file + " is out of date with the served API (see " + actual.toAbsolutePath()
                        + "); run the tests with -Dcontracts.update=true and commit the file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("contracts/events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Not inside the Hearth repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
