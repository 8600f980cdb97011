package io.hearth.membership.domain;

/** The kinds of staff action a community's audit records. */
public enum AuditAction {
    ROLE_CHANGED,
    OWNERSHIP_TRANSFERRED,
    SETTINGS_CHANGED,
    APPLICATION_APPROVED,
    APPLICATION_DECLINED,
    MUTED,
    UNMUTED,
    REMOVED,
    BANNED,
    UNBANNED,
    TAGS_CHANGED,
    PARTNER_GRANTED,
    PARTNER_REVOKED
}
