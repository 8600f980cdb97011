package io.hearth.membership.rest;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.membership.mapping.Labels;
import io.hearth.platform.config.HearthConfig;
import io.hearth.platform.limits.RateLimiter;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.Problems;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * What the public previews of entries and live codes share: the rate limit per source address, the visitor id, and
 * who opened it when a valid token came along. They need no token, so a missing or unusable one (expired, another
 * issuer's) makes the opener anonymous rather than refusing the preview.
 */
@ApplicationScoped
class Openings {
    static final String VISITOR_HEADER = "Hearth-Visitor-Id";

    /** Who opened an entry or live code: their visitor id, and their user id when signed in. */
    record Opener(String visitorId, String userId) {
    }

    private final RateLimiter rateLimiter;
    private final HearthConfig config;
    private final CurrentIdentityAssociation identities;

    Openings(RateLimiter rateLimiter, HearthConfig config, CurrentIdentityAssociation identities) {
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.identities = identities;
    }

    /**
     * Takes one preview from the source address's budget (every attempt counts: guessing codes costs it), then
     * checks the visitor id header (a new one when absent) and finds who is signed in, if anyone.
     */
    Uni<Opener> open(String visitorHeader, HttpServerRequest request) {
        return rateLimiter.acquireForAddress("entry-preview", config.limits().entryPreview(), request)
                .map(ignored -> {
                    // An empty header is no header: some clients cannot leave out one they send on every call.
                    if (visitorHeader == null || visitorHeader.isEmpty()) {
                        return UUID.randomUUID().toString();
                    }
                    if (!Labels.isVisitorId(visitorHeader)) {
                        throw Problems.invalidField(VISITOR_HEADER, Labels.VISITOR_ID_MESSAGE);
                    }
                    return visitorHeader;
                })
                .chain(visitorId -> identities.getDeferredIdentity()
                        // Partners' service accounts are not people who open links.
                        .map(identity -> identity.isAnonymous() || identity.hasRole(Caller.PARTNER_ROLE) ? null
                                : identity.getPrincipal().getName())
                        .onFailure().recoverWithNull()
                        .map(userId -> new Opener(visitorId, userId)));
    }
}
