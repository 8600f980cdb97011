package io.hearth.content;

import static io.hearth.testing.Requests.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import io.hearth.contracts.events.AnswerAccepted;
import io.hearth.contracts.events.ReactionAdded;
import io.hearth.contracts.events.ReplyCreated;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;

/**
 * The knowledge routes as a frontend calls them, and what the conversation's write paths do (a reply or reaction
 * bumps the post's counters and publishes its event in one transaction; accepting an answer sets the post's accepted
 * reply), done here in SQL and through the broker so that the knowledge base is tested on its own.
 */
final class Knowledge {
    private Knowledge() {
    }

    static void feature(String community, String staff, String post) {
        as(TestTokens.member(staff)).put("/communities/{c}/posts/{p}/featured", community, post)
                .then().statusCode(200);
    }

    /** As a reply would: one more reply counted on the post, then its event. */
    static void replied(String community, String post, String postAuthor) {
        sql("update post set reply_count = reply_count + 1 where id = ?", UUID.fromString(post));
        KafkaEvents.publish(new ReplyCreated(community, post, UUID.randomUUID().toString(), "r-" + UUID.randomUUID(),
                postAuthor, 12), Instant.now());
    }

    /** As a reaction would: one more reaction counted on the post, then its event. */
    static void reacted(String community, String post, String postAuthor) {
        sql("update post set reaction_count = reaction_count + 1 where id = ?", UUID.fromString(post));
        KafkaEvents.publish(new ReactionAdded(community, post, "u-" + UUID.randomUUID(), "like", postAuthor),
                Instant.now());
    }

    static void counters(String post, int replies, int reactions) {
        sql("update post set reply_count = ?, reaction_count = ? where id = ?", replies, reactions,
                UUID.fromString(post));
    }

    /**
     * As accepting an answer would: the reply exists, the post is a question with it accepted, and the event is
     * published (from which the knowledge consumer re-indexes the post). Returns the reply's id.
     */
    static String answered(String community, String question, String answerer, String body, String acceptedBy) {
        UUID reply = UUID.randomUUID();
        sql("insert into reply (id, community_id, post_id, author_id, body, created_at) values (?, ?, ?, ?, ?, now())",
                reply, UUID.fromString(community), UUID.fromString(question), answerer, body);
        sql("update post set kind = 'QUESTION', accepted_reply_id = ?, reply_count = reply_count + 1 where id = ?",
                reply, UUID.fromString(question));
        KafkaEvents.publish(new AnswerAccepted(community, question, reply.toString(), answerer, acceptedBy),
                Instant.now());
        return reply.toString();
    }

    static void sql(String statement, Object... params) {
        try (Connection db = HearthTestResource.openDatabase(); PreparedStatement st = db.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
