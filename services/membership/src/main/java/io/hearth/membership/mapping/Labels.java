package io.hearth.membership.mapping;

/** Formats of the short identifiers clients send: operators' source labels and visitor ids. */
public final class Labels {
    /** An operator's source label: 1-40 characters, no control characters, no spaces at either end. */
    public static final String SOURCE_PATTERN = "[^\\s\\p{Cntrl}]([^\\p{Cntrl}]*[^\\s\\p{Cntrl}])?";
    public static final String SOURCE_MESSAGE = "must be 1 to 40 characters, without control characters or spaces "
            + "at either end";
    /** A visitor id, as the preview hands it out and the join takes it back. */
    public static final String VISITOR_ID_PATTERN = "[A-Za-z0-9_-]{1,64}";
    public static final String VISITOR_ID_MESSAGE = "must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -";

    private Labels() {
    }

    public static boolean isVisitorId(String value) {
        return value != null && value.matches(VISITOR_ID_PATTERN);
    }
}
