package io.hearth.membership.domain;

/** How a community takes newcomers. */
public enum Admission {
    /** Anyone with the realm role member joins at once. */
    OPEN,
    /** Joining files an application (with the answers to the community's questions) that staff decide. */
    APPROVAL,
    /** Nobody joins. */
    CLOSED
}
