package io.hearth.content.domain;

/** The kinds of moderation the content audit records; a new kind of moderation adds a constant here. */
public enum ModerationAction {
    /** Staff took down someone else's post. */
    POST_REMOVED,
    /** Staff took down someone else's reply. */
    REPLY_REMOVED
}
