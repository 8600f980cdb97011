package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Someone, signed in or not, opened an entry or a live code and saw the community's preview: the first step of the
 * acquisition funnel. {@code visitorId} follows them to the join; {@code userId} is set when they were signed in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntryOpened(String communityId, String visitorId, String entryCode, String liveCode, String channel,
        String source, String referrerId, String userId) implements EventData {
}
