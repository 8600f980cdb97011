package io.hearth.contracts.events;

/** The asker or staff accepted a reply as the answer to a question, replacing any answer accepted before. */
public record AnswerAccepted(String communityId, String postId, String replyId, String answererId, String acceptedBy)
        implements EventData {
}
