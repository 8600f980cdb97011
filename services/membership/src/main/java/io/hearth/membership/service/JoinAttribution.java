package io.hearth.membership.service;

/**
 * What a join came through, as the joining request gave it: an entry code (checked by the join: this community's,
 * unexpired, with a use left), or a live code with its source; and the visitor who opened it before joining. Neither
 * for a direct join.
 */
record JoinAttribution(String entryCode, String liveCode, String liveCodeSource, String visitorId) {

    static JoinAttribution ofEntry(String entryCode, String visitorId) {
        return new JoinAttribution(entryCode, null, null, visitorId);
    }

    static JoinAttribution ofLiveCode(String liveCode, String source, String visitorId) {
        return new JoinAttribution(null, liveCode, source, visitorId);
    }
}
