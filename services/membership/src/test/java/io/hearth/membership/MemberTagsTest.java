package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.testing.HearthTestResource;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class MemberTagsTest {
    private static final String TAGS = "/communities/{id}/members/{userId}/tags";

    private final String owner = "owner-" + UUID.randomUUID();
    private final String admin = "admin-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();

    private String community() {
        String community = MembershipApi.createCommunity(owner, null);
        MembershipApi.join(community, admin);
        MembershipApi.join(community, member);
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{userId}/role", community, admin).then().statusCode(200);
        return community;
    }

    private static ValidatableResponse setTags(String token, String community, String userId, Object tags) {
        return as(token).body(Map.of("tags", tags)).put(TAGS, community, userId).then();
    }

    private static List<String> audit(String community) {
        return DirectoryFixtures.queryStrings("select action || ' ' || actor_id || ' ' || subject_id || ' ' || details"
                + " from audit_entry where community_id = ?::uuid and action = 'TAGS_CHANGED' order by seq", community);
    }

    @Test
    void staffReplaceAMembersTagsLowerCasedAndSortedAndEachChangeIsAudited() {
        String community = community();

        setTags(TestTokens.operator(owner), community, member, List.of("offline-regular", "Mentor"))
                .statusCode(200).contentType("application/json")
                .body("userId", equalTo(member)).body("role", equalTo("MEMBER"))
                .body("tags", equalTo(List.of("mentor", "offline-regular")))
                .body("autoTags", equalTo(List.of("new"))).body("displayName", equalTo(member));
        // An admin replaces them as a whole.
        setTags(TestTokens.member(admin), community, member, List.of("paid-2026"))
                .statusCode(200).body("tags", equalTo(List.of("paid-2026")));
        // The same tags again change nothing and are not audited again.
        setTags(TestTokens.member(admin), community, member, List.of("PAID-2026")).statusCode(200)
                .body("tags", equalTo(List.of("paid-2026")));
        // Staff tag staff too; an empty list removes every manual tag.
        setTags(TestTokens.operator(owner), community, admin, List.of("moderator")).statusCode(200);
        setTags(TestTokens.operator(owner), community, member, List.of()).statusCode(200)
                .body("tags", equalTo(List.of()));

        assertEquals(List.of(
                "TAGS_CHANGED " + owner + " " + member + " tags: [] -> [mentor, offline-regular]",
                "TAGS_CHANGED " + admin + " " + member + " tags: [mentor, offline-regular] -> [paid-2026]",
                "TAGS_CHANGED " + owner + " " + admin + " tags: [] -> [moderator]",
                "TAGS_CHANGED " + owner + " " + member + " tags: [paid-2026] -> []"), audit(community));
        as(TestTokens.operator(owner)).get("/communities/{id}/members", community).then().statusCode(200)
                .body("items.find { it.userId == '" + admin + "' }.tags", equalTo(List.of("moderator")))
                .body("items.find { it.userId == '" + member + "' }.tags", equalTo(List.of()));
    }

    @Test
    void onlyTheOwnerAndAdminsSetTags() {
        String community = community();
        setTags(TestTokens.member(member), community, member, List.of("vip")).statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/forbidden"));
        // Staff of another community are nobody here.
        String otherOwner = "other-owner-" + UUID.randomUUID();
        MembershipApi.createCommunity(otherOwner, null);
        setTags(TestTokens.operator(otherOwner), community, member, List.of("vip")).statusCode(403);
        assertEquals(List.of(), audit(community));
        as(TestTokens.operator(owner)).get("/communities/{id}/members", community).then()
                .body("items.find { it.userId == '" + member + "' }.tags", equalTo(List.of()));
    }

    @Test
    void taggingSomeoneWhoIsNotAMemberIsNotFound() {
        String community = community();
        setTags(TestTokens.operator(owner), community, "stranger-" + UUID.randomUUID(), List.of("vip"))
                .statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/not-found"));
        // Someone who has left is not a member either.
        as(TestTokens.member(member)).delete("/communities/{id}/members/me", community).then().statusCode(204);
        setTags(TestTokens.operator(owner), community, member, List.of("vip")).statusCode(404);
        assertEquals(List.of(), audit(community));
    }

    @Test
    void invalidTagsAreRefusedNamingEachAndChangeNothing() {
        String community = community();
        setTags(TestTokens.operator(owner), community, member, List.of("mentor")).statusCode(200);

        setTags(TestTokens.operator(owner), community, member, List.of("ok", "Active", "key-member"))
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/validation"))
                .body("violations.field", equalTo(List.of("tags[1]", "tags[2]")));
        setTags(TestTokens.operator(owner), community, member, List.of("vip", "VIP")).statusCode(400)
                .body("violations.field", equalTo(List.of("tags[1]")));
        setTags(TestTokens.operator(owner), community, member, List.of("two words", "", "x".repeat(33), "café"))
                .statusCode(400)
                .body("violations.field", equalTo(List.of("tags[0]", "tags[1]", "tags[2]", "tags[3]")));
        setTags(TestTokens.operator(owner), community, member, List.of("x".repeat(32))).statusCode(200);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add("t" + i);
        }
        setTags(TestTokens.operator(owner), community, member, tooMany).statusCode(400)
                .body("violations.field", hasItem("tags"));
        as(TestTokens.operator(owner)).body("{}").put(TAGS, community, member).then().statusCode(400);
        as(TestTokens.operator(owner)).body(Map.of("tags", "vip")).put(TAGS, community, member).then()
                .statusCode(400);

        as(TestTokens.operator(owner)).get("/communities/{id}/members", community).then()
                .body("items.find { it.userId == '" + member + "' }.tags", equalTo(List.of("x".repeat(32))));
        assertEquals(2, audit(community).size());
        setTags(TestTokens.operator(owner), community, member, tooMany.subList(0, 20)).statusCode(200)
                .body("tags", hasItems("t0", "t19"));
    }
}
