package io.hearth.content.service;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.rest.Problems;

/**
 * Who may take down a post or reply: its author, with or without a reason, or the owner or an admin, who must say
 * why (their removal goes into the content audit). Nobody else.
 */
final class Removals {
    static final int MAX_REASON = 500;

    private Removals() {
    }

    /** The reason as stored: stripped, null when blank; over {@value #MAX_REASON} characters is a 400. */
    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String r = reason.strip();
        if (r.codePointCount(0, r.length()) > MAX_REASON) {
            throw Problems.invalidField("reason", "at most " + MAX_REASON + " characters");
        }
        return r;
    }

    /**
     * True when this is staff removing someone else's content (to be audited), false when the author removes their
     * own; 403 for anyone else, 400 when staff give no reason.
     */
    static boolean byStaff(String authorId, String callerId, CommunityRole callerRole, String reason, String what) {
        if (authorId.equals(callerId)) {
            return false;
        }
        if (!CommunityAccess.STAFF.contains(callerRole)) {
            throw Problems.forbidden("Only its author, the owner or an admin may remove this " + what + ".");
        }
        if (reason == null) {
            throw Problems.invalidField("reason", "required when removing someone else's " + what
                    + " (it is kept in the moderation audit)");
        }
        return true;
    }
}
