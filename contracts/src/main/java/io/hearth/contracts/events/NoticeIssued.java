package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A service tells one person something (an event reminder, a waitlist promotion, a lottery result); content puts it in
 * their inbox. {@code kind} names what it is about in lower-kebab-case, {@code ref} optionally the thing it is about.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeIssued(String communityId, String userId, String kind, String title, String body, String ref)
        implements EventData {
}
