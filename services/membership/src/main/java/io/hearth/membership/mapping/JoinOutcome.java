package io.hearth.membership.mapping;

/**
 * What a join came to: a membership (201), or, in a community whose admission is APPROVAL, a pending application
 * (202). Exactly one is present.
 */
public record JoinOutcome(MemberView member, ApplicationView application) {
    private static final String APPLICATION = "application:";

    public static JoinOutcome joined(MemberView member) {
        return new JoinOutcome(member, null);
    }

    public static JoinOutcome applied(ApplicationView application) {
        return new JoinOutcome(null, application);
    }

    /** What an Idempotency-Key remembers of it: the member's user id, or the application's id marked as such. */
    public String resourceId() {
        return member != null ? member.userId() : APPLICATION + application.id();
    }

    /** The application id in a remembered {@link #resourceId()}, or null when it names a membership. */
    public static String applicationIdIn(String resourceId) {
        return resourceId.startsWith(APPLICATION) ? resourceId.substring(APPLICATION.length()) : null;
    }
}
