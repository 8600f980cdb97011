package io.hearth.membership.domain;

/** How a newcomer reached the community. */
public enum EntryChannel {
    INVITE_LINK, REFERRAL, LIVE_CODE
}
