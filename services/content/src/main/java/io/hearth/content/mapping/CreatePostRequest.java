package io.hearth.content.mapping;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.PostKind;

public record CreatePostRequest(
        @NotBlank @Size(max = 10000) @Schema(description = "The text, at most 10,000 characters (longer is refused "
                + "with 400)", examples = "5 km done before the rain, who is in tomorrow?") String body,
        @Size(max = 10) @Schema(description = "Topic tags, up to 10; stored trimmed, in lower case, without a leading "
                + "'#', each once. Absent for none.", examples = "[\"running\", \"#Morning\"]")
        List<@NotBlank @Size(max = 40) String> topics,
        @Schema(description = "POST (the default when absent) or QUESTION, which may later have an accepted answer; "
                + "other kinds are content's own and refused with 400") Kind kind,
        @Schema(description = "For staff: publish the post then instead of now (answered 202 with the scheduled post). "
                + "In the future and at most a year ahead, else 400; a member giving one is refused with 403. Absent: "
                + "now.", examples = "2026-11-22T07:00:00Z") Instant publishAt) {

    public CreatePostRequest(String body, List<String> topics) {
        this(body, topics, null, null);
    }

    /** The kinds a client may write; welcomes and broadcasts' copies are placed by content itself. */
    @Schema(name = "NewPostKind", description = "The kinds of post a client may write")
    public enum Kind {
        POST,
        QUESTION;

        public PostKind postKind() {
            return PostKind.valueOf(name());
        }
    }

    /** The kind to store: POST unless the client asked for a question. */
    public PostKind postKind() {
        return kind == null ? PostKind.POST : kind.postKind();
    }
}
