package io.hearth.contracts.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Keeps {@code openapi/hearth.yaml}, the one document of the whole API that the TypeScript client is generated from,
 * equal to the merge of the five services' documents. Run with {@code -Dcontracts.update=true} to rewrite it after the
 * services' documents changed.
 */
class MergedOpenApiTest {
    private static final Path DIR = Path.of("openapi");

    @Test
    void mergedDocumentIsTheMergeOfTheServicesDocuments() throws IOException {
        String merged = OpenApiMerger.merge(DIR);
        Path file = DIR.resolve("hearth.yaml");
        if (Boolean.getBoolean("contracts.update")) {
            Files.writeString(file, merged);
        }
        assertTrue(Files.exists(file), file + " is missing; run with -Dcontracts.update=true");
        assertEquals(merged, Files.readString(file), file + " is out of date with the services' documents; run the "
                + "contracts tests with -Dcontracts.update=true and commit it");
    }
}
