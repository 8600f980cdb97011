package io.hearth.content.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Content's fixed set of reactions; clients and events name them by {@link #value()}, in lower case. */
public enum Reaction {
    LIKE,
    LOVE,
    LAUGH,
    THANKS,
    INSIGHTFUL;

    /** Every value, as the API documents them. */
    public static final String VALUES = "like, love, laugh, thanks, insightful";

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reaction a client named (exactly, in lower case), if it is one of the set. */
    public static Optional<Reaction> ofValue(String value) {
        return Arrays.stream(values()).filter(r -> r.value().equals(value)).findFirst();
    }
}
