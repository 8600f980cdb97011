package io.hearth.content.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.KnowledgeItem;
import io.hearth.content.domain.KnowledgeRank;
import io.hearth.content.domain.PostKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The knowledge base over the post table: reads are one SQL query over one community's knowledge items (partial
 * indexes hold only those); writes run in the caller's transaction and change only the knowledge columns, each with
 * its condition in the same statement, so that a staff action and an automatic nomination racing on one post cannot
 * both take effect.
 */
@ApplicationScoped
public class KnowledgeRepository {
    /** Threshold of a community that never set one. */
    public static final int DEFAULT_THRESHOLD = 10;

    // $1 community; $2 the tsquery or null. Filters, the cursor and the limit follow.
    private static final String SELECT = """
            select p.seq, p.id, p.community_id, p.author_id, p.kind, p.body, p.topics, p.created_at,
                   p.featured_at, p.featured_by, p.reply_count, p.reaction_count,
                   a.id as answer_id, a.author_id as answer_author_id, a.body as answer_body,
                   a.created_at as answer_created_at, k.relevance, k.standing, k.engagement
              from post p
              left join reply a on a.community_id = p.community_id and a.id = p.accepted_reply_id
                   and a.post_id = p.id and a.removed_at is null
             cross join lateral (select
                   case when cast($2 as tsquery) is null then cast(0 as bigint)
                        else cast(round(ts_rank(p.search_vector, cast($2 as tsquery)) * 1000000) as bigint)
                   end as relevance,
                   (case when p.featured_at is not null then 1 else 0 end)
                       + (case when a.id is not null then 1 else 0 end) as standing,
                   cast(p.reply_count + p.reaction_count as bigint) as engagement) k
             where p.community_id = $1 and p.removed_at is null
               and (p.featured_at is not null or p.accepted_reply_id is not null)
               and (p.featured_at is not null or a.id is not null)
            """;
    private static final String ORDER = " order by k.relevance desc, k.standing desc, k.engagement desc, p.seq desc";

    private static final String FEATURE = """
            update post set featured_at = :at, featured_by = :by
             where community_id = :community and id = :post and featured_at is null and removed_at is null
            """;
    // Nominated only when nobody in staff kept it out, it stands, it is not a welcome, and it reached the threshold.
    private static final String NOMINATE = """
            update post set featured_at = :at, featured_by = :by
             where community_id = :community and id = :post and featured_at is null and unfeatured_at is null
               and removed_at is null and kind <> 'WELCOME'
               and reply_count + reaction_count >= coalesce((select s.nomination_threshold from knowledge_settings s
                                                             where s.community_id = :community), :default)
            """;
    private static final String UNFEATURE = """
            update post set featured_at = null, featured_by = null, unfeatured_at = :at, unfeatured_by = :by
             where community_id = :community and id = :post and featured_at is not null
            """;
    private static final String KEEP_OUT = """
            update post set unfeatured_at = :at, unfeatured_by = :by where community_id = :community and id = :post
            """;
    private static final String THRESHOLD = "select nomination_threshold from knowledge_settings"
            + " where community_id = :community";
    private static final String SET_THRESHOLD = """
            insert into knowledge_settings (community_id, nomination_threshold, updated_at, updated_by)
            values (:community, :threshold, :at, :by)
            on conflict (community_id) do update set nomination_threshold = excluded.nomination_threshold,
                   updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """;

    private final Pool pool;

    public KnowledgeRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * One page of the community's knowledge items in rank order ({@link KnowledgeRank}), after {@code after} (null
     * for the first page), matching {@code tsquery} and {@code topic} when given; one more than {@code limit} to
     * tell if more follow.
     */
    public Uni<List<KnowledgeItem>> page(UUID communityId, String tsquery, String topic, KnowledgeRank after,
            int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> params = new ArrayList<>(Arrays.asList(communityId, tsquery));
        if (tsquery != null) {
            sql.append(" and p.search_vector @@ cast($2 as tsquery)");
        }
        if (topic != null) {
            params.add(topic);
            sql.append(" and p.topics @> array[cast($").append(params.size()).append(" as varchar)]");
        }
        if (after != null) {
            int first = params.size() + 1;
            params.addAll(List.of(after.relevance(), (long) after.standing(), after.engagement(), after.seq()));
            sql.append(" and (k.relevance, k.standing, k.engagement, p.seq) < (cast($").append(first)
                    .append(" as bigint), cast($").append(first + 1).append(" as int), cast($").append(first + 2)
                    .append(" as bigint), cast($").append(first + 3).append(" as bigint))");
        }
        params.add((long) limit + 1);
        sql.append(ORDER).append(" limit $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params))
                .map(rows -> {
                    List<KnowledgeItem> items = new ArrayList<>();
                    rows.forEach(row -> items.add(item(row)));
                    return items;
                });
    }

    /** The post as a knowledge item, or null when it is not one (or not in this community). */
    public Uni<KnowledgeItem> find(UUID communityId, UUID postId) {
        return pool.preparedQuery(SELECT + " and p.id = $3").execute(Tuple.of(communityId, null, postId))
                .map(rows -> rows.iterator().hasNext() ? item(rows.iterator().next()) : null);
    }

    /** Features the post unless it is featured already or removed; true when this call featured it. */
    public Uni<Boolean> feature(UUID communityId, UUID postId, String by, Instant at) {
        return update(FEATURE, communityId, postId, by, at).map(n -> n == 1);
    }

    /**
     * Features the post as an automatic nomination when it qualifies (see {@code NOMINATE}); true when this call
     * nominated it.
     */
    public Uni<Boolean> nominate(UUID communityId, UUID postId, String by, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(NOMINATE)
                .setParameter("community", communityId).setParameter("post", postId).setParameter("by", by)
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).setParameter("default", DEFAULT_THRESHOLD)
                .executeUpdate()).map(n -> n == 1);
    }

    /**
     * Takes the post out of the knowledge base and keeps it out of automatic nomination; true when it was featured.
     */
    public Uni<Boolean> unfeature(UUID communityId, UUID postId, String by, Instant at) {
        return update(UNFEATURE, communityId, postId, by, at)
                .chain(n -> n == 1 ? Uni.createFrom().item(true)
                        : update(KEEP_OUT, communityId, postId, by, at).map(ignored -> false));
    }

    /** The community's nomination threshold, {@link #DEFAULT_THRESHOLD} when it never set one. */
    public Uni<Integer> threshold(UUID communityId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(THRESHOLD, Integer.class)
                .setParameter("community", communityId).getResultList())
                .map(rows -> rows.isEmpty() ? DEFAULT_THRESHOLD : rows.get(0));
    }

    public Uni<Void> setThreshold(UUID communityId, int threshold, String by, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SET_THRESHOLD)
                .setParameter("community", communityId).setParameter("threshold", threshold)
                .setParameter("by", by).setParameter("at", at.atOffset(ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    private static Uni<Integer> update(String sql, UUID communityId, UUID postId, String by, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("community", communityId).setParameter("post", postId).setParameter("by", by)
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).executeUpdate());
    }

    private static KnowledgeItem item(Row row) {
        UUID answerId = row.getUUID("answer_id");
        KnowledgeItem.Answer answer = answerId == null ? null : new KnowledgeItem.Answer(answerId,
                row.getString("answer_author_id"), row.getString("answer_body"),
                instant(row, "answer_created_at"));
        return new KnowledgeItem(row.getLong("seq"), row.getUUID("id"), row.getUUID("community_id"),
                row.getString("author_id"), PostKind.valueOf(row.getString("kind")), row.getString("body"),
                List.of(row.getArrayOfStrings("topics")), instant(row, "created_at"), instant(row, "featured_at"),
                row.getString("featured_by"), row.getInteger("reply_count"), row.getInteger("reaction_count"), answer,
                new KnowledgeRank(row.getLong("relevance"), row.getInteger("standing"), row.getLong("engagement"),
                        row.getLong("seq")));
    }

    private static Instant instant(Row row, String column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
