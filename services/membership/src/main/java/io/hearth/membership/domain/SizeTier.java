package io.hearth.membership.domain;

/** Small under 50 members, medium 50 to 200, large over 200. */
public enum SizeTier {
    SMALL, MEDIUM, LARGE;

    public static SizeTier of(long members) {
        return members < 50 ? SMALL : members <= 200 ? MEDIUM : LARGE;
    }
}
