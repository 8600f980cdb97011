package io.hearth.contracts.events;

/** An amount in minor units (cents, fen) of an ISO-4217 currency; never a float. */
public record Money(long amountMinor, String currency) {
}
