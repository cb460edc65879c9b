package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Account category (`ac`). Tolerant: any case, with or without underscores; unknown values kept. */
public final class AccountCategory extends WireEnum<AccountCategory.Known> {
    /** The values the reference lists, in its spelling. */
    public enum Known {
        @JsonProperty("CASH") CASH,
        @JsonProperty("MARGIN") MARGIN,
        @JsonProperty("FUTURES") FUTURES
    }

    private static final Spellings<Known, AccountCategory> SPELLINGS = new Spellings<>(Known.class, AccountCategory::new);

    public static final AccountCategory CASH = SPELLINGS.of(Known.CASH);
    public static final AccountCategory MARGIN = SPELLINGS.of(Known.MARGIN);
    public static final AccountCategory FUTURES = SPELLINGS.of(Known.FUTURES);

    private AccountCategory(String raw, Known known, String wire) {
        super(raw, known, wire);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static AccountCategory of(String raw) {
        return SPELLINGS.of(raw);
    }

    /** The value for a known constant, in the reference's spelling. */
    public static AccountCategory of(Known known) {
        return SPELLINGS.of(known);
    }
}
