package io.hearth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.hearth.embedded.HearthService;
import io.hearth.embedded.HearthStack;
import io.restassured.path.json.JsonPath;

/**
 * The TypeScript client generated from the merged OpenAPI document (contracts/openapi/hearth.yaml, compiled by the
 * contracts module) used as a frontend uses it, with node, against the whole local stack and real Keycloak tokens:
 * create a community and an entry, join with the code, post, check in, read the funnel. The typed answers (the 201
 * bodies, enums, dates, problem types) are what a frontend builds on.
 */
@ExtendWith(SharedStack.class)
class FrontendClientIT {
    @Test
    void generatedTypeScriptClientRunsTheSliceFromJoinToFunnel(HearthStack stack) throws Exception {
        Path root = HearthStack.findRepositoryRoot();
        Path client = root.resolve("contracts/target/typescript-client/dist/index.js");
        assertTrue(Files.exists(client), client + " is missing: build the contracts module first (mvn verify)");

        String urls = stack.serviceUrls().entrySet().stream()
                .map(e -> "\"" + e.getKey().id() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        ProcessBuilder node = new ProcessBuilder("node",
                root.resolve("deploy/e2e/src/test/node/frontend-slice.js").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        node.environment().putAll(Map.of("HEARTH_CLIENT", client.toString(), "HEARTH_URLS", urls,
                "OPERATOR_TOKEN", stack.keycloak().accessToken("operator", "hearth"),
                "MEMBER_TOKEN", stack.keycloak().accessToken("member1", "hearth")));
        Process process = node.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "node did not finish");
        assertEquals(0, process.exitValue(), "node failed; its output: " + out);
        System.out.println("[e2e frontend slice] " + out);

        JsonPath seen = JsonPath.from(lastLine(out));
        assertEquals(1, seen.getInt("memberCount"));
        assertTrue(seen.getBoolean("createdAt"), "createdAt is not a Date in the typed client");
        assertEquals(10, seen.getString("entryCode").length());
        assertEquals("MEMBER", seen.getString("joinedRole"));
        assertEquals("INVITE_LINK", seen.getString("joinedChannel"));
        assertEquals(409, seen.getInt("joinAgain.status"));
        assertEquals("https://hearth.dev/problems/already-member", seen.getString("joinAgain.problem.type"));
        assertEquals(List.of("running"), seen.getList("postTopics"));
        assertTrue(seen.getBoolean("checkInCounted"));
        assertEquals(1, seen.getInt("checkInStreak"));
        assertEquals(List.of("joined", "posted", "checked_in", "paid"), seen.getList("funnelSteps"));
        assertEquals(List.of(1, 1, 1, 0), seen.getList("funnelCounts", Integer.class));
        assertEquals("absent", seen.getString("paidMedian"));
    }

    private static String lastLine(String out) throws IOException {
        String[] lines = out.split("\n");
        return lines[lines.length - 1];
    }
}
