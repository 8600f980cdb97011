package io.hearth.content.service;

import java.time.Duration;
import java.time.Instant;

import io.hearth.platform.rest.Problems;

/** The rule every publication time follows: in the future, at most a year ahead. */
final class PublishTimes {
    static final Duration MAX_AHEAD = Duration.ofDays(365);

    private PublishTimes() {
    }

    static Instant check(Instant publishAt, Instant now) {
        if (!publishAt.isAfter(now)) {
            throw Problems.invalidField("publishAt", "must be in the future (it was " + publishAt + ", now is " + now
                    + ")");
        }
        if (publishAt.isAfter(now.plus(MAX_AHEAD))) {
            throw Problems.invalidField("publishAt", "must be at most a year ahead");
        }
        return publishAt;
    }
}
