package io.hearth.content.domain;

/** Who may put links in posts and replies: everybody, only the owner and admins, or nobody. */
public enum LinkPolicy {
    ALLOW,
    STAFF_ONLY,
    BLOCK
}
