package io.hearth.membership.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.membership.domain.AutoTag;
import io.hearth.membership.domain.DirectoryFilter;
import io.hearth.membership.domain.DirectoryMember;
import io.hearth.membership.domain.EntryChannel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The member directory: one SQL query per page, over one community's rows, that returns each current member with
 * their manual tags, last activity and automatic tags, filtered by any of them. The automatic tags are computed in the
 * same query from member_activity (new, active, silent: against now) and from the 30-day counts of member_activity_day
 * (key-member: a running sum in descending order), so they are right at the moment of reading.
 */
@ApplicationScoped
public class MemberDirectoryRepository {
    /** Days of daily counts key-member looks at: today (UTC) and the 29 before it. */
    public static final int KEY_MEMBER_DAYS = 30;

    // Parameters every page binds: $1 community, $2 seven days ago, $3 fourteen days ago, $4 first day of the 30-day
    // window, $5 the cursor (seq). Filters and the limit follow.
    private static final String KEY_MEMBERS = """
            with recent as (
                select d.user_id, sum(d.events) as events
                  from member_activity_day d
                 where d.community_id = $1 and d.day >= $4
                 group by d.user_id
            ), ranked as (
                -- Plain current members only (staff left out); equal counts are ranked by join order.
                select r.user_id,
                       coalesce(sum(r.events) over (order by r.events desc, m.seq
                                rows between unbounded preceding and 1 preceding), 0) as before,
                       sum(r.events) over () as total
                  from recent r
                  join membership m on m.community_id = $1 and m.user_id = r.user_id and m.left_at is null
                   and m.role = 'MEMBER'
            ), key_member as (
                -- A member is key while those ranked above them have not reached half of all activity yet: that
                -- makes exactly the smallest k whose top-k sum is at least half.
                select user_id from ranked where before * 2 < total
            )
            """;

    private static final Map<AutoTag, String> CONDITIONS = new EnumMap<>(Map.of(
            AutoTag.NEW, "m.joined_at > $2",
            AutoTag.ACTIVE, "coalesce(a.last_active_at > $2, false)",
            AutoTag.SILENT, "(m.joined_at <= $3 and (a.last_active_at is null or a.last_active_at <= $3))",
            AutoTag.KEY_MEMBER, "m.user_id in (select k.user_id from key_member k)"));

    private static final String SELECT = KEY_MEMBERS + """
            select m.seq, m.community_id, m.user_id, m.role, m.joined_at, m.entry_code, m.channel, m.referrer_id,
                   m.display_name, m.source, m.live_code, a.last_active_at,
                   array(select t.tag from member_tag t where t.community_id = $1 and t.user_id = m.user_id
                          order by t.tag) as tags,
            """ + String.join(",\n", Arrays.stream(AutoTag.values())
                    .map(tag -> "       " + CONDITIONS.get(tag) + " as auto_" + tag.ordinal()).toList()) + """

              from membership m
              left join member_activity a on a.community_id = $1 and a.user_id = m.user_id
             where m.community_id = $1 and m.left_at is null and m.seq > $5
            """;

    private final Pool pool;

    public MemberDirectoryRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Current members after {@code afterSeq} in join order that pass {@code filter}, judged at {@code now}; one more
     * than {@code limit} to tell if more follow.
     */
    public Uni<List<DirectoryMember>> page(UUID communityId, DirectoryFilter filter, Instant now, long afterSeq,
            int limit) {
        List<Object> params = new ArrayList<>(List.of(communityId, utc(now.minus(7, ChronoUnit.DAYS)),
                utc(now.minus(14, ChronoUnit.DAYS)),
                LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(KEY_MEMBER_DAYS - 1), afterSeq));
        StringBuilder sql = new StringBuilder(SELECT);
        if (filter.userId() != null) {
            params.add(filter.userId());
            sql.append(" and m.user_id = $").append(params.size());
        }
        if (filter.role() != null) {
            params.add(filter.role().name());
            sql.append(" and m.role = $").append(params.size());
        }
        if (filter.source() != null) {
            params.add(filter.source());
            sql.append(" and m.source = $").append(params.size());
        }
        if (filter.joinedAfter() != null) {
            params.add(utc(filter.joinedAfter()));
            sql.append(" and m.joined_at > $").append(params.size());
        }
        if (filter.joinedBefore() != null) {
            params.add(utc(filter.joinedBefore()));
            sql.append(" and m.joined_at < $").append(params.size());
        }
        if (filter.query() != null) {
            params.add("%" + likeEscaped(filter.query()) + "%");
            sql.append(" and (m.user_id ilike $").append(params.size()).append(" or m.display_name ilike $")
                    .append(params.size()).append(")");
        }
        if (filter.tag() != null) {
            AutoTag auto = AutoTag.ofLabel(filter.tag()).orElse(null);
            if (auto != null) {
                sql.append(" and ").append(CONDITIONS.get(auto));
            } else {
                params.add(filter.tag());
                sql.append(" and exists (select 1 from member_tag t where t.community_id = $1 and t.tag = $")
                        .append(params.size()).append(" and t.user_id = m.user_id)");
            }
        }
        params.add(limit + 1);
        sql.append("\n order by m.seq limit $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params))
                .map(rows -> {
                    List<DirectoryMember> members = new ArrayList<>(rows.size());
                    rows.forEach(row -> members.add(member(row)));
                    return members;
                });
    }

    private static DirectoryMember member(Row row) {
        List<AutoTag> auto = new ArrayList<>();
        for (AutoTag tag : AutoTag.values()) {
            if (row.getBoolean("auto_" + tag.ordinal())) {
                auto.add(tag);
            }
        }
        String channel = row.getString("channel");
        OffsetDateTime lastActive = row.getOffsetDateTime("last_active_at");
        return new DirectoryMember(row.getLong("seq"), row.getUUID("community_id"), row.getString("user_id"),
                CommunityRole.valueOf(row.getString("role")), row.getOffsetDateTime("joined_at").toInstant(),
                row.getString("entry_code"), channel == null ? null : EntryChannel.valueOf(channel),
                row.getString("referrer_id"), row.getString("display_name"), row.getString("source"),
                row.getString("live_code"), List.of(row.getArrayOfStrings("tags")), List.copyOf(auto),
                lastActive == null ? null : lastActive.toInstant());
    }

    /** {@code text} matched literally inside an ILIKE pattern (PostgreSQL's default escape is the backslash). */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
