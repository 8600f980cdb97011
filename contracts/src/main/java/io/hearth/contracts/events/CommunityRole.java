package io.hearth.contracts.events;

/** A person's role inside one community. Owner and admins are staff. */
public enum CommunityRole {
    OWNER, ADMIN, MEMBER;

    public boolean isStaff() {
        return this != MEMBER;
    }
}
