package io.hearth.activity.domain;

/** Who may win a lottery: every current member, or the members who checked in often enough lately. */
public enum Eligibility {
    ALL_MEMBERS,
    CHECKED_IN
}
