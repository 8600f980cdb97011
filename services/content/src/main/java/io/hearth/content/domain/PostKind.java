package io.hearth.content.domain;

/** What a post is: a plain post, a question that can have an accepted answer, content's welcome, a broadcast's copy. */
public enum PostKind {
    POST,
    QUESTION,
    WELCOME,
    BROADCAST
}
