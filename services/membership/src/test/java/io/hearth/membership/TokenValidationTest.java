package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.testing.HearthTestResource;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A bearer token is only good for Hearth when it carries Hearth's audience, comes from the trusted issuer and has not
 * expired (platform defaults: quarkus.oidc.token.audience; the issuer and key come from HearthTestResource).
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class TokenValidationTest {

    @Test
    void tokensWithoutHearthsAudienceFromAnotherIssuerOrExpiredAreUnauthenticated() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        as(TestTokens.operator(owner)).get("/communities/{id}", community).then().statusCode(200);

        List<String> refused = List.of(
                TestTokens.withoutAudience(owner, "operator", "member"),
                TestTokens.fromIssuer("https://elsewhere.example/realms/hearth", owner, "operator", "member"),
                TestTokens.expired(owner, "operator", "member"));
        for (String token : refused) {
            as(token).get("/communities/{id}", community)
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("https://hearth.dev/problems/unauthenticated"));
            as(token).body("{}").post("/communities/{id}/members", community)
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }
}
