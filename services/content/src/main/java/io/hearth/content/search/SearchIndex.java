package io.hearth.content.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.Post;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Keeps each post's {@code search_vector} current: its body and topics (weight A) and its accepted answer's body
 * (weight B), cut by {@link TextTokens} and stored as a tsvector literal, so that neither PostgreSQL's parser nor its
 * locale decides what a word is. Only knowledge items (featured posts, questions with an accepted answer) are
 * indexed, as only they are searched: a post is indexed in the transaction that makes it one (featuring,
 * nomination), and content's knowledge consumer re-indexes on hearth.post.edited and hearth.answer.accepted.
 */
@ApplicationScoped
public class SearchIndex {
    /** tsvector positions stop at 16383; later words keep that position. */
    private static final int MAX_POSITION = 16383;
    /** tsvector keeps at most 256 positions of one lexeme. */
    private static final int MAX_POSITIONS_PER_LEXEME = 256;

    private static final String SOURCE = """
            select p.body, array_to_string(p.topics, ' '), a.body
              from post p
              left join reply a on a.community_id = p.community_id and a.id = p.accepted_reply_id
                   and a.post_id = p.id and a.removed_at is null
             where p.community_id = :community and p.id = :post
               and (p.featured_at is not null or p.accepted_reply_id is not null)
            """;
    private static final String UPDATE = "update post set search_vector = cast(:vector as tsvector)"
            + " where community_id = :community and id = :post";

    /**
     * Re-indexes the post (its current body, topics and accepted answer) if it is a knowledge item, in the caller's
     * transaction.
     */
    public Uni<Void> refresh(Post post) {
        return refresh(post.communityId, post.id);
    }

    /** As {@link #refresh(Post)}, by ids: for a change to the post's accepted answer. */
    public Uni<Void> refresh(UUID communityId, UUID postId) {
        // Changes the session still holds (an edited body) are written first, so that the index reads them.
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery(SOURCE, Object[].class)
                        .setParameter("community", communityId).setParameter("post", postId)
                        .getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Object[] row = rows.get(0);
                    String vector = vector((String) row[0], (String) row[1], (String) row[2]);
                    return session.createNativeQuery(UPDATE).setParameter("vector", vector)
                            .setParameter("community", communityId).setParameter("post", postId)
                            .executeUpdate().replaceWithVoid();
                }));
    }

    /**
     * The tsvector literal of a post: {@code 'lexeme':1A,7A,40B ...}. The answer's positions follow the post's, so
     * that a query's words near each other in one text rank above words far apart.
     */
    static String vector(String body, String topics, String answer) {
        Map<String, List<String>> positions = new LinkedHashMap<>();
        int offset = add(positions, body, 0, 'A');
        offset = add(positions, topics == null ? "" : topics, offset, 'A');
        add(positions, answer == null ? "" : answer, offset, 'B');
        return positions.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + String.join(",", e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static int add(Map<String, List<String>> positions, String text, int offset, char weight) {
        int last = offset;
        for (TextTokens.Token token : TextTokens.ofText(text)) {
            last = Math.min(MAX_POSITION, offset + token.position());
            List<String> at = positions.computeIfAbsent(token.text(), t -> new ArrayList<>());
            if (at.size() < MAX_POSITIONS_PER_LEXEME) {
                at.add(last + String.valueOf(weight));
            }
        }
        return last;
    }

    /**
     * The tsquery of a query text: every term must match ({@code &}), words as prefixes ({@code :*}); null when the
     * text has nothing to search for.
     */
    public static String query(String text) {
        List<TextTokens.Term> terms = TextTokens.ofQuery(text);
        if (terms.isEmpty()) {
            return null;
        }
        return terms.stream().map(t -> quote(t.text()) + (t.prefix() ? ":*" : ""))
                .collect(Collectors.joining(" & "));
    }

    /** A lexeme as tsvector and tsquery input read it back exactly: quoted, with quotes and backslashes escaped. */
    private static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
