package io.hearth.content.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an item stands in the ranked knowledge list, compared in this order, each descending: relevance to the query
 * (ts_rank scaled to an integer; 0 without a query), standing (1 for featured plus 1 for an accepted answer),
 * engagement (replies plus reactions) and recency (the post's order of writing, which also makes every key unique).
 * All are integers, so the key written into a cursor is read back exactly and the next page starts strictly after it.
 */
public record KnowledgeRank(long relevance, int standing, long engagement, long seq) {
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,18})\\.(\\d)\\.(\\d{1,18})\\.(\\d{1,18})");

    public String cursor() {
        return relevance + "." + standing + "." + engagement + "." + seq;
    }

    /** The rank a cursor names, or null when it is not one this list wrote. */
    public static KnowledgeRank parse(String cursor) {
        Matcher m = CURSOR.matcher(cursor);
        if (!m.matches()) {
            return null;
        }
        return new KnowledgeRank(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)),
                Long.parseLong(m.group(3)), Long.parseLong(m.group(4)));
    }
}
