package io.hearth.platform.rest;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is making the request: a person identified by their Keycloak subject, or a partner integration identified by
 * its client id.
 */
@RequestScoped
public class Caller {
    /** The realm role of client-credentials integrations; what they may do is decided per community by grants. */
    public static final String PARTNER_ROLE = "partner";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String id() {
        if (identity.isAnonymous()) {
            throw Problems.unauthorized("Sign in: send a bearer token from Keycloak.");
        }
        return identity.getPrincipal().getName();
    }

    /** How the person is addressed: the token's {@code name}, else {@code preferred_username}, else their id. */
    public String displayName() {
        String id = id();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            for (String claim : new String[] { "name", "preferred_username" }) {
                Object value = token.getClaim(claim);
                if (value != null && !unquoted(value.toString()).isBlank()) {
                    String name = unquoted(value.toString()).strip();
                    return name.length() > 120 ? name.substring(0, 120) : name;
                }
            }
        }
        return id;
    }

    public boolean hasRealmRole(String role) {
        return identity.hasRole(role);
    }

    /**
     * The partner's client id when the caller is a partner integration: a token with the realm role {@code partner},
     * whose client is named by {@code azp} (the authorised party Keycloak puts in every token it issues) or, failing
     * that, {@code client_id} (Keycloak 26's service-account claim). Never taken from a request body.
     */
    public Optional<String> partnerClientId() {
        if (identity.isAnonymous() || !identity.hasRole(PARTNER_ROLE)
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        for (String claim : new String[] { "azp", "client_id" }) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return Optional.of(unquoted(value.toString()));
            }
        }
        throw Problems.forbidden("A partner token must name its client (azp).");
    }

    public boolean isPartner() {
        return partnerClientId().isPresent();
    }

    /** Claims of a parsed token may come as JSON strings, quotes included. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
