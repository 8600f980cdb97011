package io.hearth.membership;

import static io.hearth.membership.DirectoryFixtures.joinedAgo;
import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.testing.HearthTestResource;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The member directory's filters, each alone and combined, and paging through a filtered list. One community:
 * owner (joined 60 days ago), an admin, and members who differ in one way each.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class MemberDirectoryTest {
    private static final String MEMBERS = "/communities/{id}/members";

    private final String suffix = UUID.randomUUID().toString();
    private final String owner = "owner-" + suffix;
    private final String admin = "admin-" + suffix;
    /** Display name "Wei Zhang", source poster, tagged mentor; joined 20 days ago. */
    private final String wei = "u-wei-" + suffix;
    /** Source poster, tagged mentor and vip; joined 10 days ago. */
    private final String lin = "u-lin-" + suffix;
    /** Source article, tagged vip; joined now. */
    private final String ana = "u-ana-" + suffix;
    /** Display name "100%_sure"; no source, no tags; joined now. */
    private final String odd = "u-odd-" + suffix;
    private String community;

    @BeforeEach
    void arrange() {
        community = MembershipApi.createCommunity(owner, null);
        for (String person : List.of(admin, wei, lin, ana, odd)) {
            MembershipApi.join(community, person);
        }
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{userId}/role", community, admin).then().statusCode(200);
        joinedAgo(community, owner, Duration.ofDays(60));
        joinedAgo(community, wei, Duration.ofDays(20));
        joinedAgo(community, lin, Duration.ofDays(10));
        DirectoryFixtures.setDisplayName(community, wei, "Wei Zhang");
        DirectoryFixtures.setDisplayName(community, odd, "100%_sure");
        DirectoryFixtures.setSource(community, wei, "poster");
        DirectoryFixtures.setSource(community, lin, "poster");
        DirectoryFixtures.setSource(community, ana, "article");
        tag(wei, "mentor");
        tag(lin, "mentor", "vip");
        tag(ana, "VIP");
    }

    private void tag(String userId, String... tags) {
        as(TestTokens.operator(owner)).body(Map.of("tags", List.of(tags)))
                .put("/communities/{id}/members/{userId}/tags", community, userId).then().statusCode(200);
    }

    private RequestSpecification staff() {
        return as(TestTokens.member(admin));
    }

    private List<String> list(Map<String, ?> query) {
        return staff().queryParams(query).get(MEMBERS, community).then().statusCode(200)
                .body("nextCursor", nullValue()).extract().path("items.userId");
    }

    @Test
    void everyMemberShowsNameSourceTagsAndActivity() {
        staff().get(MEMBERS, community).then().statusCode(200)
                .body("items.userId", equalTo(List.of(owner, admin, wei, lin, ana, odd)))
                .body("items[2].displayName", equalTo("Wei Zhang"))
                .body("items[2].source", equalTo("poster"))
                .body("items[2].tags", equalTo(List.of("mentor")))
                .body("items[2].autoTags", equalTo(List.of("silent")))
                .body("items[2].lastActiveAt", nullValue())
                .body("items[3].tags", equalTo(List.of("mentor", "vip")))
                .body("items[3].autoTags", equalTo(List.of()))
                .body("items[4].autoTags", equalTo(List.of("new")))
                .body("items[5].source", nullValue());
    }

    @Test
    void eachFilterNarrowsTheList() {
        assertEquals(List.of(lin, ana), list(Map.of("tag", "vip")));
        // Case does not matter in a tag filter; automatic tags filter the same way.
        assertEquals(List.of(wei, lin), list(Map.of("tag", "Mentor")));
        assertEquals(List.of(admin, ana, odd), list(Map.of("tag", "new")));
        assertEquals(List.of(owner, wei), list(Map.of("tag", "silent")));
        assertEquals(List.of(), list(Map.of("tag", "nobody-has-this")));
        assertEquals(List.of(admin), list(Map.of("role", "ADMIN")));
        assertEquals(List.of(owner), list(Map.of("role", "OWNER")));
        assertEquals(List.of(wei, lin, ana, odd), list(Map.of("role", "MEMBER")));
        assertEquals(List.of(wei, lin), list(Map.of("source", "poster")));
        assertEquals(List.of(ana), list(Map.of("source", "article")));
        Instant now = Instant.now();
        assertEquals(List.of(admin, lin, ana, odd), list(Map.of("joinedAfter", now.minus(15, ChronoUnit.DAYS).toString())));
        assertEquals(List.of(owner, wei),
                list(Map.of("joinedBefore", now.minus(15, ChronoUnit.DAYS).toString())));
        assertEquals(List.of(wei, lin), list(Map.of(
                "joinedAfter", now.minus(30, ChronoUnit.DAYS).toString(),
                "joinedBefore", now.minus(5, ChronoUnit.DAYS).toString())));
        // q: the display name, case-insensitively, or the user id; % and _ are plain characters.
        assertEquals(List.of(wei), list(Map.of("q", "zHANG")));
        assertEquals(List.of(ana), list(Map.of("q", "U-ANA")));
        assertEquals(List.of(odd), list(Map.of("q", "0%_")));
        // As patterns, "%" and "_" would match all six.
        assertEquals(List.of(odd), list(Map.of("q", "%")));
        assertEquals(List.of(odd), list(Map.of("q", "_")));
        assertEquals(6, list(Map.of("q", suffix)).size());
    }

    @Test
    void filtersCombineWithAnd() {
        assertEquals(List.of(lin), list(Map.of("tag", "vip", "source", "poster")));
        assertEquals(List.of(wei), list(Map.of("tag", "mentor", "q", "wei")));
        assertEquals(List.of(), list(Map.of("tag", "new", "source", "poster")));
        assertEquals(List.of(ana), list(Map.of("tag", "new", "role", "MEMBER",
                "source", "article")));
    }

    @Test
    void pagingThroughAFilteredListSkipsNothingAndRepeatsNothing() {
        // The new members are admin, ana and odd; wei and lin between them do not pass the filter. Pages of one walk
        // the new ones in order.
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = staff().queryParam("tag", "new").queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            var page = request.get(MEMBERS, community).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.userId", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(List.of(admin, ana, odd), seen);
        assertEquals(3, pages);
        staff().queryParam("role", "MEMBER").queryParam("limit", 3).get(MEMBERS, community).then().statusCode(200)
                .body("items.userId", equalTo(List.of(wei, lin, ana))).body("nextCursor", notNullValue());
    }

    @Test
    void invalidFiltersAreRefusedNamingEach() {
        staff().queryParam("role", "KING").queryParam("joinedAfter", "yesterday").queryParam("tag", "a b")
                .queryParam("q", "x".repeat(101)).queryParam("source", "s".repeat(41))
                .get(MEMBERS, community).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/validation"))
                .body("violations.field", hasItems("role", "joinedAfter", "tag", "q", "source"));
        Instant now = Instant.now();
        staff().queryParam("joinedAfter", now.toString()).queryParam("joinedBefore", now.minusSeconds(60).toString())
                .get(MEMBERS, community).then().statusCode(400)
                .body("violations.field", equalTo(List.of("joinedBefore")));
        staff().queryParam("q", "a\u0000b").get(MEMBERS, community).then().statusCode(400)
                .body("violations.field", equalTo(List.of("q")));
    }

    @Test
    void onlyStaffAndGrantedPartnersReadTheDirectory() {
        as(TestTokens.member(wei)).queryParam("tag", "vip").get(MEMBERS, community).then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/forbidden"));
        String client = "crm-" + UUID.randomUUID();
        as(TestTokens.partner(client)).get(MEMBERS, community).then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/partner-scope-missing"));
        as(TestTokens.operator(owner)).body(Map.of("scopes", List.of("members:read")))
                .put("/communities/{id}/partners/{clientId}", community, client).then().statusCode(200);
        // A partner with members:read reads the same directory, filters included.
        as(TestTokens.partner(client)).queryParam("tag", "vip").get(MEMBERS, community).then().statusCode(200)
                .body("items.userId", equalTo(List.of(lin, ana)))
                .body("items[0].tags", equalTo(List.of("mentor", "vip")));
    }
}
