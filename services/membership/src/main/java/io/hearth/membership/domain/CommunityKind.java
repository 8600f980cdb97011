package io.hearth.membership.domain;

/** What holds a community together. */
public enum CommunityKind {
    WORK, HOBBY, GROWTH, NEIGHBOURHOOD, ENTERTAINMENT, GOAL
}
