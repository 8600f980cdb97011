package io.hearth.membership.mapping;

import java.time.Instant;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.membership.domain.EntryChannel;

public record CreateEntryRequest(
        @NotNull @Schema(description = "INVITE_LINK, REFERRAL or LIVE_CODE; a plain member may only create a "
                + "REFERRAL, for themself") EntryChannel channel,
        @Size(min = 1, max = 40) @Pattern(regexp = Labels.SOURCE_PATTERN, message = Labels.SOURCE_MESSAGE)
        @Schema(description = "The operator's own label for where the entry is published (poster, article, "
                + "partner-acme, offline-meetup); joins and openings through it carry it", maxLength = 40)
        String source,
        @Future @Schema(description = "When the entry stops taking joins (it still previews, saying so): in the "
                + "future, at most ten years ahead; absent for never") Instant expiresAt,
        @Min(1) @Max(1_000_000) @Schema(description = "The most joins it takes; absent for no limit") Integer maxUses) {

    public CreateEntryRequest(EntryChannel channel) {
        this(channel, null, null, null);
    }
}
