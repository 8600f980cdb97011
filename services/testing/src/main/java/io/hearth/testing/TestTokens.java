package io.hearth.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens shaped like Keycloak's (issuer, Hearth's audience, subject, realm roles in {@code realm_access.roles}),
 * signed with a key made for this test JVM. The service under test verifies them with quarkus-oidc against the public
 * key, issuer and audience (HearthTestResource), so tests go through the real bearer-token path with as many people
 * as they need, and can present tokens that must be refused.
 */
public final class TestTokens {
    /** The issuer services under test accept. */
    public static final String ISSUER = "hearth-test";
    /** The audience every Hearth service requires (quarkus.oidc.token.audience). */
    public static final String AUDIENCE = "hearth-api";
    private static final KeyPair KEYS = newKeyPair();

    private TestTokens() {
    }

    /** A token for {@code userId} holding the given realm roles. */
    public static String token(String userId, String... realmRoles) {
        return claims(userId, realmRoles).audience(AUDIENCE).expiresIn(3600).sign(KEYS.getPrivate());
    }

    /** Signed by the right key and issuer, but meant for some other application: no Hearth audience. */
    public static String withoutAudience(String userId, String... realmRoles) {
        return claims(userId, realmRoles).audience("some-other-api").expiresIn(3600).sign(KEYS.getPrivate());
    }

    /** Signed by the right key, with Hearth's audience, but from an issuer the service does not trust. */
    public static String fromIssuer(String issuer, String userId, String... realmRoles) {
        return claims(userId, realmRoles).issuer(issuer).audience(AUDIENCE).expiresIn(3600)
                .sign(KEYS.getPrivate());
    }

    /** Right in every way but time: it expired an hour ago. */
    public static String expired(String userId, String... realmRoles) {
        long now = System.currentTimeMillis() / 1000;
        return claims(userId, realmRoles).audience(AUDIENCE).issuedAt(now - 7200).expiresAt(now - 3600)
                .sign(KEYS.getPrivate());
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims(String userId, String... realmRoles) {
        return Jwt.issuer(ISSUER)
                .subject(userId)
                .claim("preferred_username", userId)
                .claim("realm_access", Map.of("roles", List.of(realmRoles)));
    }

    public static String operator(String userId) {
        return token(userId, "operator", "member");
    }

    public static String member(String userId) {
        return token(userId, "member");
    }

    /**
     * A partner integration's client-credentials token as Keycloak 26 issues it: the service account's subject, the
     * client named in {@code azp} and {@code client_id}, the realm role partner, Hearth's audience.
     */
    public static String partner(String clientId) {
        return Jwt.issuer("hearth-test")
                .subject("service-account-" + clientId)
                .claim("preferred_username", "service-account-" + clientId)
                .claim("azp", clientId)
                .claim("client_id", clientId)
                .claim("realm_access", Map.of("roles", List.of("partner")))
                .audience(AUDIENCE) // the realm's partner clients carry the hearth-api audience mapper too
                .expiresIn(3600)
                .sign(KEYS.getPrivate());
    }

    /** The verification key, as quarkus.oidc.public-key takes it. */
    static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
