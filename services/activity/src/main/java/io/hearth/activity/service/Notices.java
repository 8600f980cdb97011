package io.hearth.activity.service;

import io.hearth.activity.domain.Event;

/** The texts of the notices activity puts in people's inboxes about events, within hearth.notice.issued's limits. */
final class Notices {
    private static final int TITLE_MAX = 200;
    private static final int BODY_MAX = 2000;

    private Notices() {
    }

    static String title(String prefix, String eventTitle) {
        return cut(prefix + eventTitle, TITLE_MAX);
    }

    static String body(String text) {
        return cut(text, BODY_MAX);
    }

    /** When and where, in one sentence. */
    static String when(Event event) {
        return "It starts at " + event.startsAt + (event.online() ? ", online: " + event.url
                : ", at " + event.location) + ".";
    }

    /** The event's path, which the inbox item refers to. */
    static String ref(Event event) {
        return "/communities/" + event.communityId + "/events/" + event.id;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
