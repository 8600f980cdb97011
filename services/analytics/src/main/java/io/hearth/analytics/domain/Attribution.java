package io.hearth.analytics.domain;

/**
 * Where a person came from: their first touch with the community, the earliest of their openings of its entries and
 * live codes and of their joins. A join through no entry has no channel: the person came {@code direct}.
 *
 * @param channel INVITE_LINK, REFERRAL or LIVE_CODE; null for a join through no entry
 * @param source the operator's label of the entry, when it has one
 * @param referrerId the member whose REFERRAL entry it was
 */
public record Attribution(String channel, String source, String referrerId) {
    /** The value of a person who came through no entry, under every breakdown. */
    public static final String DIRECT = "direct";
    /** The value of a touch whose entry has nothing for the breakdown: no source label, or not a referral. */
    public static final String NONE = "none";

    public boolean direct() {
        return channel == null;
    }

    /** The funnel this person is counted in when broken down by {@code breakdown}. */
    public String value(Breakdown breakdown) {
        if (direct()) {
            return DIRECT;
        }
        String value = switch (breakdown) {
            case SOURCE -> source;
            case CHANNEL -> channel;
            case REFERRER -> referrerId;
        };
        return value == null ? NONE : value;
    }
}
