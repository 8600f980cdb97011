package io.hearth.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The two realms: the production one (deploy/keycloak, imported by docker-compose and Kubernetes) holds no people and
 * no secrets and locks out password guessing; the local one (bundled here, imported only by the local stack) has the
 * demo accounts. Both have the same roles, and every client puts Hearth's audience into its tokens.
 */
class RealmFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PRODUCTION = Path.of("../keycloak/hearth-realm.json");

    @Test
    void productionRealmHasNoUsersNoSecretsAndBruteForceProtection() throws Exception {
        JsonNode realm = JSON.readTree(PRODUCTION.toFile());

        assertEquals("hearth", realm.path("realm").asText());
        assertTrue(realm.path("users").isMissingNode() || realm.path("users").isEmpty(), "users: " + realm.path("users"));
        assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force protection off");
        int failures = realm.path("failureFactor").asInt();
        assertTrue(failures >= 3 && failures <= 10, "failureFactor " + failures);
        assertTrue(realm.path("waitIncrementSeconds").asInt() >= 30, "lockout too short");
        assertTrue(realm.path("maxFailureWaitSeconds").asInt() >= 300, "lockout too short");
        assertNotEquals("none", realm.path("sslRequired").asText());
        assertFalse(realm.path("registrationAllowed").asBoolean());
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertTrue(client.path("secret").isMissingNode(), id + " carries a secret");
            assertFalse(client.path("serviceAccountsEnabled").asBoolean(), id + " has a service account");
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), id + " takes passwords directly");
            assertFalse(client.path("implicitFlowEnabled").asBoolean(), id);
        }
        assertFalse(JSON.writeValueAsString(realm).contains("demo"), "demo material in the production realm");
    }

    @Test
    void bothRealmsHaveTheSameRolesAndEveryClientAddsHearthsAudience() throws Exception {
        JsonNode production = JSON.readTree(PRODUCTION.toFile());
        JsonNode local;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(KeycloakServer.REALM_RESOURCE)) {
            local = JSON.readTree(in);
        }
        assertEquals(roles(production), roles(local));
        assertEquals(Set.of("operator", "member", "partner", "platform-admin"), roles(local));

        for (JsonNode realm : new JsonNode[] { production, local }) {
            assertTrue(realm.path("clients").size() > 0);
            for (JsonNode client : realm.path("clients")) {
                boolean audience = false;
                for (JsonNode mapper : client.path("protocolMappers")) {
                    audience |= mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")
                            && mapper.path("config").path("included.custom.audience").asText().equals("hearth-api")
                            && mapper.path("config").path("access.token.claim").asText().equals("true");
                }
                assertTrue(audience, client.path("clientId").asText() + " issues tokens without hearth-api");
            }
        }
    }

    @Test
    void onlyTheLocalRealmHasTheDemoAccounts() throws Exception {
        JsonNode local;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(KeycloakServer.REALM_RESOURCE)) {
            local = JSON.readTree(in);
        }
        Set<String> users = new HashSet<>();
        local.path("users").forEach(u -> users.add(u.path("username").asText()));
        assertTrue(users.containsAll(Set.of("operator", "member1", "member2", "member3", "platform")), users.toString());
        assertTrue(local.path("displayName").asText().contains("local"));
    }

    private static Set<String> roles(JsonNode realm) {
        Set<String> roles = new HashSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        return roles;
    }
}
