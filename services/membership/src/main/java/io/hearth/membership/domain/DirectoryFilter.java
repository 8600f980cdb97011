package io.hearth.membership.domain;

import java.time.Instant;

import io.hearth.contracts.events.CommunityRole;

/**
 * What the member directory is narrowed to; every non-null part must hold (AND). {@code tag} is a manual tag or an
 * automatic one's label; {@code query} a case-insensitive substring of the user id or display name;
 * {@code joinedAfter}/{@code joinedBefore} are exclusive bounds. {@code userId} picks one member (the tag route's
 * answer).
 */
public record DirectoryFilter(String tag, CommunityRole role, String source, Instant joinedAfter,
        Instant joinedBefore, String query, String userId) {

    public static final DirectoryFilter NONE = new DirectoryFilter(null, null, null, null, null, null, null);

    public static DirectoryFilter member(String userId) {
        return new DirectoryFilter(null, null, null, null, null, null, userId);
    }
}
