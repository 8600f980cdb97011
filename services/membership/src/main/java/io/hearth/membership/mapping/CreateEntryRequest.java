package io.hearth.membership.mapping;

import jakarta.validation.constraints.NotNull;

import io.hearth.membership.domain.EntryChannel;

public record CreateEntryRequest(@NotNull EntryChannel channel) {
}
