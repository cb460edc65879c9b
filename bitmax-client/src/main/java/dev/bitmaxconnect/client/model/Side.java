package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Order side. Tolerant: any case, with or without underscores; unknown values kept. */
public final class Side extends WireEnum<Side.Known> {
    /** The values the reference lists, in its spelling. */
    public enum Known {
        @JsonProperty("Buy") BUY,
        @JsonProperty("Sell") SELL
    }

    private static final Spellings<Known, Side> SPELLINGS = new Spellings<>(Known.class, Side::new);

    public static final Side BUY = SPELLINGS.of(Known.BUY);
    public static final Side SELL = SPELLINGS.of(Known.SELL);

    private Side(String raw, Known known, String wire) {
        super(raw, known, wire);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static Side of(String raw) {
        return SPELLINGS.of(raw);
    }

    /** The value for a known constant, in the reference's spelling. */
    public static Side of(Known known) {
        return SPELLINGS.of(known);
    }
}
