package io.hearth.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The real Keycloak with the local stack's realm, one server for all the checks. */
class KeycloakServerTest {
    @TempDir
    static Path state;

    static KeycloakServer keycloak;

    @BeforeAll
    static void start() {
        keycloak = KeycloakServer.start(state, 0);
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void operatorTokenCarriesOperatorAndMemberRoles() throws Exception {
        JsonNode claims = claims(keycloak.accessToken("operator", "hearth"));

        assertEquals(keycloak.issuerUrl(), claims.path("iss").asText());
        assertTrue(audience(claims).contains("hearth-api"), "aud: " + claims.path("aud"));
        assertEquals("operator", claims.path("preferred_username").asText());
        Set<String> roles = realmRoles(claims);
        assertTrue(roles.containsAll(Set.of("operator", "member")), "roles: " + roles);
    }

    @Test
    void memberTokenLacksOperator() throws Exception {
        Set<String> roles = realmRoles(claims(keycloak.accessToken("member1", "hearth")));

        assertTrue(roles.contains("member"), "roles: " + roles);
        assertFalse(roles.contains("operator"), "roles: " + roles);
    }

    @Test
    void partnerClientCredentialsTokenCarriesPartnerAndNamesItsClient() throws Exception {
        JsonNode claims = claims(keycloak.clientCredentialsToken("partner-demo", "partner-demo-secret"));
        Set<String> roles = realmRoles(claims);

        assertTrue(audience(claims).contains("hearth-api"), "aud: " + claims.path("aud"));
        assertTrue(roles.contains("partner"), "roles: " + roles);
        assertFalse(roles.contains("member"), "roles: " + roles);
        assertFalse(roles.contains("operator"), "roles: " + roles);
        // Services know a partner by its client id (platform Caller.partnerClientId): azp, else client_id.
        assertEquals("partner-demo", claims.path("azp").asText(), claims.toString());
    }

    @Test
    void createdUserSignsInWithTheRealmRolesGiven() throws Exception {
        String id = keycloak.createUser("created-member", "pass-created", "member");

        JsonNode claims = claims(keycloak.accessToken("created-member", "pass-created"));
        assertEquals(id, claims.path("sub").asText());
        Set<String> roles = realmRoles(claims);
        assertTrue(roles.contains("member"), "roles: " + roles);
        assertFalse(roles.contains("operator"), "roles: " + roles);
    }

    @Test
    void wrongPasswordIsRefused() {
        KeycloakServer.TokenRefusedException refused = assertThrows(KeycloakServer.TokenRefusedException.class,
                () -> keycloak.accessToken("operator", "not-the-password"));

        assertEquals(401, refused.status());
    }

    @Test
    void wrongClientSecretIsRefused() {
        KeycloakServer.TokenRefusedException refused = assertThrows(KeycloakServer.TokenRefusedException.class,
                () -> keycloak.clientCredentialsToken("partner-demo", "guessed"));

        assertEquals(401, refused.status());
    }

    /** The JWT's payload; the signature is the services' business (quarkus-oidc checks it against the JWKS). */
    private static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "not a JWS compact token");
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    /** aud is a string or an array of them. */
    private static Set<String> audience(JsonNode claims) {
        Set<String> audience = new HashSet<>();
        JsonNode aud = claims.path("aud");
        if (aud.isArray()) {
            aud.forEach(a -> audience.add(a.asText()));
        } else if (aud.isTextual()) {
            audience.add(aud.asText());
        }
        return audience;
    }

    private static Set<String> realmRoles(JsonNode claims) {
        Set<String> roles = new HashSet<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }
}
