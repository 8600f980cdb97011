package io.hearth.platform.rest;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in person making the request, identified by their Keycloak subject. */
@RequestScoped
public class Caller {
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

    public boolean hasRealmRole(String role) {
        return identity.hasRole(role);
    }
}
