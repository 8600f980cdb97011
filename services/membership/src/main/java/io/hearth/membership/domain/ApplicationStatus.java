package io.hearth.membership.domain;

/** Where an application to join stands; only a PENDING one is ever decided. */
public enum ApplicationStatus {
    PENDING, APPROVED, DECLINED
}
