package io.hearth.activity.domain;

/** Whether a member holds one of an event's places or waits for one. */
public enum RegistrationStatus {
    REGISTERED,
    WAITLISTED
}
