package io.hearth.membership.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.membership.domain.AuditAction;
import io.hearth.membership.domain.AutoTag;
import io.hearth.membership.domain.DirectoryFilter;
import io.hearth.membership.mapping.MemberView;
import io.hearth.membership.repository.MemberDirectoryRepository;
import io.hearth.membership.repository.MemberTagRepository;
import io.hearth.membership.repository.MembershipRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.rest.Problem;
import io.hearth.platform.rest.ProblemException;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Staff's manual tags of members. */
@ApplicationScoped
public class TagService {
    public static final int MAX_TAGS = 20;
    /** Checked before lower-casing, so that no other script's letter folds into an ASCII one (the Kelvin sign). */
    private static final String TAG = "[A-Za-z0-9-]{1,32}";

    private final MembershipRepository memberships;
    private final MemberTagRepository tags;
    private final MemberDirectoryRepository directory;
    private final CommunityAccess access;
    private final AuditLog audit;

    public TagService(MembershipRepository memberships, MemberTagRepository tags, MemberDirectoryRepository directory,
            CommunityAccess access, AuditLog audit) {
        this.memberships = memberships;
        this.tags = tags;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
    }

    /**
     * The owner or an admin replaces a member's manual tags; the change is audited (TAGS_CHANGED, old and new tags),
     * and setting the tags someone already has changes and records nothing. Answers the member as the directory
     * shows them, read after the commit.
     */
    public Uni<MemberView> replace(UUID communityId, String userId, List<String> requested, String callerId) {
        List<String> wanted = normalised(requested);
        return Panache.withTransaction(() -> access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                // Locks the stay: a leave racing this ends it either before (404) or after the tags are set.
                .chain(() -> memberships.findCurrentForUpdate(communityId, userId))
                .onItem().ifNull().failWith(() -> notAMember(communityId, userId))
                .chain(m -> tags.tagsOf(communityId, userId))
                .chain(current -> {
                    if (current.equals(wanted)) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = Instant.now();
                    return tags.replace(communityId, userId, wanted)
                            .call(() -> audit.record(communityId, callerId, AuditAction.TAGS_CHANGED, userId, null,
                                    "tags: " + current + " -> " + wanted, now));
                }))
                .chain(() -> directory.page(communityId, DirectoryFilter.member(userId), Instant.now(), 0, 1))
                .map(rows -> {
                    if (rows.isEmpty()) {
                        // Left right after the commit: the tags are set, but there is no current member to show.
                        throw notAMember(communityId, userId);
                    }
                    return MemberView.of(rows.get(0));
                });
    }

    private static ProblemException notAMember(UUID communityId, String userId) {
        return Problems.notFound(userId + " is not a member of community " + communityId + ".");
    }

    /**
     * The tags as stored: lower case (so "VIP" and "vip" are one tag, and filters need not care about case), sorted;
     * a 400 naming each bad one (pattern, automatic name, duplicate) otherwise.
     */
    static List<String> normalised(List<String> requested) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (requested.size() > MAX_TAGS) {
            violations.add(new Problem.Violation("tags", "must hold at most " + MAX_TAGS + " tags"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String field = "tags[" + i + "]";
            String raw = requested.get(i);
            if (raw == null || !raw.matches(TAG)) {
                violations.add(new Problem.Violation(field, "must be 1 to 32 letters, digits or '-'"));
                continue;
            }
            String tag = raw.toLowerCase(Locale.ROOT);
            if (AutoTag.ofLabel(tag).isPresent()) {
                violations.add(new Problem.Violation(field, "'" + tag + "' is an automatic tag; staff cannot set it"));
            } else if (!seen.add(tag)) {
                violations.add(new Problem.Violation(field, "repeats '" + tag + "' (tags ignore case)"));
            }
        }
        if (!violations.isEmpty()) {
            String detail = violations.stream().map(v -> v.field() + " " + v.message())
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
            throw Problems.invalid(detail, violations);
        }
        return seen.stream().sorted().toList();
    }
}
