package io.hearth.activity;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Staff list one day's check-ins of their community, that day being the community's (here Asia/Shanghai). */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class DayCheckInsTest {
    @Inject
    MovableClock clock;

    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    @Test
    void staffPageThroughTheCommunitysDayInTheOrderCheckInsCame() {
        ActivityApi.created(community, owner, "Asia/Shanghai");
        String admin = member(CommunityRole.ADMIN);
        String late = member(CommunityRole.MEMBER);
        String first = member(CommunityRole.MEMBER);
        String second = member(CommunityRole.MEMBER);
        String third = member(CommunityRole.MEMBER);

        // 15:00 UTC on the 15th is 23:00 on the 15th in Shanghai; the other three fall on the 16th there.
        checkIn(late, "2031-01-15T15:00:00Z");
        checkIn(first, "2031-01-15T16:10:00Z");
        checkIn(second, "2031-01-16T02:00:00Z");
        checkIn(third, "2031-01-16T15:59:00Z");

        String cursor = as(TestTokens.member(owner)).queryParam("day", "2031-01-16").queryParam("limit", 2)
                .get("/communities/{id}/check-ins", community)
                .then().statusCode(200).body("items.userId", contains(first, second))
                .body("items.day", everyItem(equalTo("2031-01-16"))).body("items[0].streak", equalTo(1))
                .body("items[0].checkedInAt", equalTo("2031-01-15T16:10:00Z"))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(TestTokens.member(owner)).queryParam("day", "2031-01-16").queryParam("limit", 2)
                .queryParam("after", cursor).get("/communities/{id}/check-ins", community)
                .then().statusCode(200).body("items.userId", contains(third)).body("nextCursor", nullValue());

        // Without a day: today in Shanghai, which at 20:00 UTC on the 15th is already the 16th.
        clock.setTo(Instant.parse("2031-01-15T20:00:00Z"));
        as(TestTokens.member(admin)).get("/communities/{id}/check-ins", community)
                .then().statusCode(200).body("items.userId", contains(first, second, third));
        as(TestTokens.member(admin)).queryParam("day", "2031-01-15").get("/communities/{id}/check-ins", community)
                .then().statusCode(200).body("items.userId", contains(late));
    }

    @Test
    void membersAreRefusedAndAMalformedDayOrCursorIs400() {
        ActivityApi.created(community, owner, "Asia/Shanghai");
        String member = member(CommunityRole.MEMBER);

        as(TestTokens.member(member)).get("/communities/{id}/check-ins", community)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/forbidden"));
        as(TestTokens.member(owner)).queryParam("day", "16/01/2031").get("/communities/{id}/check-ins", community)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("day"));
        as(TestTokens.member(owner)).queryParam("after", "not-a-cursor").get("/communities/{id}/check-ins", community)
                .then().statusCode(400).body("violations.field", hasItem("after"));
        as(TestTokens.member(owner)).queryParam("limit", 101).get("/communities/{id}/check-ins", community)
                .then().statusCode(400);
    }

    private String member(CommunityRole role) {
        String user = role.name().toLowerCase() + "-" + UUID.randomUUID();
        ActivityApi.join(community, user, role);
        return user;
    }

    private void checkIn(String member, String at) {
        clock.setTo(Instant.parse(at));
        as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(201);
    }
}
