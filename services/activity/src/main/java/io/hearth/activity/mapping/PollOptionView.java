package io.hearth.activity.mapping;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.activity.domain.PollOption;

@Schema(description = "An answer the poll offers", requiredProperties = { "id", "text" })
public record PollOptionView(@Schema(description = "Id to vote for it with") UUID id, String text) {

    public static PollOptionView of(PollOption option) {
        return new PollOptionView(option.id, option.text);
    }
}
