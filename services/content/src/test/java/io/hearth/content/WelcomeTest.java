package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityCreated;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.CommunityUpdated;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.WelcomePosted;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Welcomes driven by membership's events on the real broker: a burst of joins gets one welcome naming them all, a join
 * after the window gets its own, nobody is welcomed while no welcome is set, and a burst left pending (as over a
 * restart) is posted once it is found due.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class WelcomeTest {
    private static final String WELCOME = "/communities/{id}/welcome";
    private static final String TEMPLATE = "Welcome {names} to {community}! Rules: {rules}";

    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();

    @BeforeEach
    void arrange() {
        KafkaEvents.publish(new CommunityCreated(community, "Early Runners", "Run before work", "HOBBY", null, owner),
                Instant.now());
        KafkaEvents.publish(new CommunityUpdated(community, "Dawn Runners", "Run before work", "Be kind.", "UTC",
                "OPEN", List.of(), null, owner), Instant.now());
        ContentApi.joined(community, owner, CommunityRole.OWNER);
    }

    @Test
    void aBurstOfJoinsGetsOneWelcomeNamingThemAllThenALaterJoinGetsItsOwn() {
        setWelcome(TEMPLATE, 3);
        String ann = joined("Ann");
        String admin = "admin-" + UUID.randomUUID();
        KafkaEvents.publish(new MemberJoined(community, admin, CommunityRole.ADMIN, null, null, null, null, null, null,
                "Staff Sam"), Instant.now());
        String bo = joined("Bo");
        String unnamed = joined(null);

        PublishedEvent first = KafkaEvents.awaitEvent(EventType.WELCOME_POSTED, e -> community.equals(e.key()));
        WelcomePosted burst = first.data(WelcomePosted.class);
        // Staff are not welcomed; the rest in the order they joined.
        assertEquals(List.of(ann, bo, unnamed), burst.newcomerIds());
        as(TestTokens.member(owner)).get("/communities/{id}/posts/{postId}", community, burst.postId()).then()
                .statusCode(200).body("authorId", equalTo("hearth")).body("topics", empty())
                .body("body", equalTo("Welcome Ann, Bo and a new member to Dawn Runners! Rules: Be kind."));

        String cy = joined("Cy");
        List<PublishedEvent> welcomes = KafkaEvents.awaitEvents(EventType.WELCOME_POSTED,
                e -> community.equals(e.key()), 2);
        assertEquals(2, welcomes.size(), welcomes::toString);
        WelcomePosted second = welcomes.get(1).data(WelcomePosted.class);
        assertEquals(List.of(cy), second.newcomerIds());
        as(TestTokens.member(owner)).get("/communities/{id}/posts/{postId}", community, second.postId()).then()
                .body("body", equalTo("Welcome Cy to Dawn Runners! Rules: Be kind."));
    }

    @Test
    void nobodyIsWelcomedWhileNoWelcomeIsSet() {
        joined("Unwelcome Una");
        // The witness joins after the welcome is set, on the same partition: once hers is posted, Una's join was seen.
        setWelcome("Hello {names}", 0);
        String witness = joined("Wendy");
        WelcomePosted welcome = KafkaEvents.awaitEvent(EventType.WELCOME_POSTED, e -> community.equals(e.key()))
                .data(WelcomePosted.class);
        assertEquals(List.of(witness), welcome.newcomerIds());
        as(TestTokens.member(owner)).get("/communities/{id}/posts/{postId}", community, welcome.postId()).then()
                .body("body", equalTo("Hello Wendy"));
        assertEquals(1, KafkaEvents.events(EventType.WELCOME_POSTED, e -> community.equals(e.key())).size());
    }

    @Test
    void aBurstPendingOverARestartIsPostedOnceFound() throws Exception {
        setWelcome("Hi {names}, this is {community}.", 60);
        // What an instance that stopped before the window ended leaves behind: a burst long due, not posted.
        String burst = UUID.randomUUID().toString();
        try (Connection db = HearthTestResource.openDatabase()) {
            // The welcome was on before the burst began.
            try (PreparedStatement earlier = db.prepareStatement("update welcome_setting set enabled_at = now()"
                    + " - interval '1 hour' where community_id = ?::uuid")) {
                earlier.setString(1, community);
                assertEquals(1, earlier.executeUpdate());
            }
            try (PreparedStatement insert = db.prepareStatement("insert into welcome_burst (id, community_id,"
                    + " started_at, due_at) values (?::uuid, ?::uuid, now() - interval '10 minutes',"
                    + " now() - interval '9 minutes')")) {
                insert.setString(1, burst);
                insert.setString(2, community);
                insert.executeUpdate();
            }
            for (String name : List.of("Ann", "Bo")) {
                try (PreparedStatement insert = db.prepareStatement("insert into welcome_newcomer (burst_id,"
                        + " community_id, user_id, display_name, joined_at) values (?::uuid, ?::uuid, ?, ?,"
                        + " now() - interval '10 minutes')")) {
                    insert.setString(1, burst);
                    insert.setString(2, community);
                    insert.setString(3, name.toLowerCase());
                    insert.setString(4, name);
                    insert.executeUpdate();
                }
            }
        }
        WelcomePosted welcome = KafkaEvents.awaitEvent(EventType.WELCOME_POSTED, e -> community.equals(e.key()))
                .data(WelcomePosted.class);
        assertEquals(List.of("ann", "bo"), welcome.newcomerIds());
        as(TestTokens.member(owner)).get("/communities/{id}/posts/{postId}", community, welcome.postId()).then()
                .body("body", equalTo("Hi Ann and Bo, this is Dawn Runners."));
    }

    @Test
    void aBurstWhoseWelcomeWasTurnedOffMeanwhileIsClosedWithoutAPost() throws Exception {
        setWelcome("Hi {names}", 60);
        as(TestTokens.member(owner)).delete(WELCOME, community).then().statusCode(204);
        String burst = UUID.randomUUID().toString();
        try (Connection db = HearthTestResource.openDatabase()) {
            try (PreparedStatement insert = db.prepareStatement("insert into welcome_burst (id, community_id,"
                    + " started_at, due_at) values (?::uuid, ?::uuid, now() - interval '2 minutes', now())")) {
                insert.setString(1, burst);
                insert.setString(2, community);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("insert into welcome_newcomer (burst_id, community_id,"
                    + " user_id, display_name, joined_at) values (?::uuid, ?::uuid, 'ann', 'Ann', now())")) {
                insert.setString(1, burst);
                insert.setString(2, community);
                insert.executeUpdate();
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> postedAt(db, burst) != null);
            try (PreparedStatement read = db.prepareStatement("select post_id from welcome_burst where id = ?::uuid")) {
                read.setString(1, burst);
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    assertNull(row.getString(1));
                }
            }
        }
        // Turned on again later: the old burst stays unposted, and only joins from now on are welcomed.
        setWelcome("Hi {names}", 0);
        String witness = joined("Wendy");
        WelcomePosted welcome = KafkaEvents.awaitEvent(EventType.WELCOME_POSTED, e -> community.equals(e.key()))
                .data(WelcomePosted.class);
        assertEquals(List.of(witness), welcome.newcomerIds());
    }

    private static Object postedAt(Connection db, String burst) throws Exception {
        try (PreparedStatement read = db.prepareStatement("select posted_at from welcome_burst where id = ?::uuid")) {
            read.setString(1, burst);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? row.getObject(1) : null;
            }
        }
    }

    @Test
    void staffSetReadAndTurnOffTheWelcome() {
        as(TestTokens.member(owner)).get(WELCOME, community).then().statusCode(404).body("type", endsWith("/not-found"));
        as(TestTokens.member(owner)).body(Map.of("template", "  Hi {names}  ")).put(WELCOME, community).then()
                .statusCode(200).body("template", equalTo("Hi {names}")).body("mergeSeconds", equalTo(60))
                .body("updatedBy", equalTo(owner));
        as(TestTokens.member(owner)).get(WELCOME, community).then().statusCode(200)
                .body("template", equalTo("Hi {names}"));
        as(TestTokens.member(owner)).delete(WELCOME, community).then().statusCode(204);
        as(TestTokens.member(owner)).get(WELCOME, community).then().statusCode(404);
        as(TestTokens.member(owner)).delete(WELCOME, community).then().statusCode(204);
    }

    @Test
    void invalidWelcomesAreRefusedWith400AndChangeNothing() {
        setWelcome("Kept {names}", 5);
        for (Map<String, Object> body : List.of(Map.<String, Object>of("mergeSeconds", 5),
                Map.<String, Object>of("template", " "),
                Map.<String, Object>of("template", "x".repeat(2001)),
                Map.<String, Object>of("template", "Hi {name}"),
                Map.<String, Object>of("template", "Hi {names}", "mergeSeconds", -1),
                Map.<String, Object>of("template", "Hi {names}", "mergeSeconds", 3601))) {
            as(TestTokens.member(owner)).body(body).put(WELCOME, community).then().statusCode(400)
                    .body("type", endsWith("/validation"));
        }
        as(TestTokens.member(owner)).body(Map.of("template", "Hi {name} and {Rules}")).put(WELCOME, community).then()
                .statusCode(400).body("detail", containsString("{name}, {Rules}"))
                .body("violations[0].field", equalTo("template"));
        as(TestTokens.member(owner)).get(WELCOME, community).then().body("template", equalTo("Kept {names}"))
                .body("mergeSeconds", equalTo(5));
    }

    @Test
    void membersAndOutsidersCannotSeeOrChangeTheWelcome() {
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        setWelcome("Hi {names}", 5);
        for (String caller : List.of(member, "outsider-" + UUID.randomUUID())) {
            as(TestTokens.member(caller)).body(Map.of("template", "Mine")).put(WELCOME, community).then()
                    .statusCode(403).body("type", endsWith("/forbidden"));
            as(TestTokens.member(caller)).get(WELCOME, community).then().statusCode(403);
            as(TestTokens.member(caller)).delete(WELCOME, community).then().statusCode(403);
        }
        as(TestTokens.member(owner)).get(WELCOME, community).then().body("template", equalTo("Hi {names}"));
    }

    private void setWelcome(String template, int mergeSeconds) {
        as(TestTokens.member(owner)).body(Map.of("template", template, "mergeSeconds", mergeSeconds))
                .put(WELCOME, community).then().statusCode(200).body("mergeSeconds", equalTo(mergeSeconds));
    }

    /** A member joins now, as membership tells it, with this display name (none when null); returns their id. */
    private String joined(String displayName) {
        String id = "newcomer-" + UUID.randomUUID();
        KafkaEvents.publish(new MemberJoined(community, id, CommunityRole.MEMBER, null, null, null, null, null, null,
                displayName), Instant.now());
        return id;
    }
}
