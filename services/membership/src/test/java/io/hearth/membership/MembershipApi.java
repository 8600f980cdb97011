package io.hearth.membership;

import static io.hearth.testing.Requests.as;

import java.util.Map;

import io.hearth.testing.TestTokens;

/** The membership routes as a frontend calls them, for arranging test data through the public API. */
final class MembershipApi {
    private MembershipApi() {
    }

    /** Creates a community owned by {@code ownerId} and returns its id. */
    static String createCommunity(String ownerId, Integer sizeCap) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Morning Runners", "theme",
                "Run 5 km before work", "kind", "HOBBY"));
        if (sizeCap != null) {
            body.put("sizeCap", sizeCap);
        }
        return as(TestTokens.operator(ownerId)).body(body).post("/communities")
                .then().statusCode(201).extract().path("id");
    }

    static String createEntry(String communityId, String staffId, String channel) {
        return as(TestTokens.operator(staffId)).body(Map.of("channel", channel))
                .post("/communities/{id}/entries", communityId)
                .then().statusCode(201).extract().path("code");
    }

    /** Changes the community's settings as its owner (a merge patch). */
    static void update(String communityId, String ownerId, Map<String, ?> patch) {
        as(TestTokens.operator(ownerId)).body(patch).patch("/communities/{id}", communityId)
                .then().statusCode(200);
    }

    /** Applies to a community that screens newcomers; returns the application's id. */
    static String apply(String communityId, String userId, java.util.List<String> answers) {
        return as(TestTokens.member(userId)).body(Map.of("answers", answers))
                .post("/communities/{id}/members", communityId)
                .then().statusCode(202).extract().path("id");
    }

    static void join(String communityId, String userId) {
        as(TestTokens.member(userId)).body("{}").post("/communities/{id}/members", communityId)
                .then().statusCode(201);
    }
}
