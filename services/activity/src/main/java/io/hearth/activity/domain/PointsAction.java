package io.hearth.activity.domain;

/**
 * What earns points, with the points each earns where staff set nothing. {@code column} is its rate's column in
 * {@code points_settings}, {@code field} its name in the settings JSON.
 */
public enum PointsAction {
    POST("post", "post", 2),
    REPLY("reply", "reply", 1),
    REACTION_RECEIVED("reactionReceived", "reaction_received", 1),
    CHECK_IN("checkIn", "check_in", 1),
    ATTENDANCE("attendance", "attendance", 5),
    ACCEPTED_ANSWER("acceptedAnswer", "accepted_answer", 10),
    CHALLENGE_COMPLETED("challengeCompleted", "challenge_completed", 20);

    public static final int MIN_POINTS = 0;
    public static final int MAX_POINTS = 1000;

    private final String field;
    private final String column;
    private final int defaultPoints;

    PointsAction(String field, String column, int defaultPoints) {
        this.field = field;
        this.column = column;
        this.defaultPoints = defaultPoints;
    }

    public String field() {
        return field;
    }

    public String column() {
        return column;
    }

    public int defaultPoints() {
        return defaultPoints;
    }
}
