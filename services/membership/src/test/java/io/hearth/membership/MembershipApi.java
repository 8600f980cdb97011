package io.hearth.membership;

import static io.hearth.testing.Requests.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.hearth.contracts.events.EntryCreated;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.Topics;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
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

    /** Creates an entry with {@code body} (channel, source, expiresAt, maxUses) and returns its code. */
    static String createEntry(String communityId, String creatorToken, Map<String, Object> body) {
        return as(creatorToken).body(body).post("/communities/{id}/entries", communityId)
                .then().statusCode(201).extract().path("code");
    }

    /** Creates a live code of {@code ownerId} over the communities, in this order, and returns its code. */
    static String createLiveCode(String ownerId, boolean overflow, String... communityIds) {
        return as(TestTokens.operator(ownerId)).body(Map.of("name", "Poster", "communityIds", List.of(communityIds),
                "source", "poster", "overflow", overflow)).post("/live-codes")
                .then().statusCode(201).extract().path("code");
    }

    /** A single value the database holds, e.g. {@code select uses from entry where code = ?}. */
    static Object queryOne(String sql, Object... parameters) {
        try (Connection db = HearthTestResource.openDatabase(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes the database behind the service's back, e.g. to let time pass for an entry's expiry. */
    static void execute(String sql, Object... parameters) {
        try (Connection db = HearthTestResource.openDatabase(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every event of the community so far: read once an entry created now is on the topic, since a community's
     * events are published in commit order. What a refused request would have published is not among them.
     */
    static List<PublishedEvent> eventsOnceALaterEventIsOut(String communityId, String ownerId) {
        String code = createEntry(communityId, ownerId, "INVITE_LINK");
        return KafkaEvents.awaitCommunityEvents(Topics.MEMBERSHIP, communityId,
                events -> events.stream().anyMatch(e -> e.is(EventType.ENTRY_CREATED)
                        && e.data(EntryCreated.class).code().equals(code)));
    }

    static void join(String communityId, String userId) {
        as(TestTokens.member(userId)).body("{}").post("/communities/{id}/members", communityId)
                .then().statusCode(201);
    }
}
