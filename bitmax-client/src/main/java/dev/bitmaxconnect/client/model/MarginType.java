package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Margin type of a position. Tolerant: any case, with or without underscores; unknown values kept. */
public final class MarginType extends WireEnum<MarginType.Known> {
    /** The values the reference lists, in its spelling. */
    public enum Known {
        @JsonProperty("crossed") @JsonAlias("cross") CROSSED,
        @JsonProperty("isolated") ISOLATED
    }

    private static final Spellings<Known, MarginType> SPELLINGS = new Spellings<>(Known.class, MarginType::new);

    public static final MarginType CROSSED = SPELLINGS.of(Known.CROSSED);
    public static final MarginType ISOLATED = SPELLINGS.of(Known.ISOLATED);

    private MarginType(String raw, Known known, String wire) {
        super(raw, known, wire);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static MarginType of(String raw) {
        return SPELLINGS.of(raw);
    }

    /** The value for a known constant, in the reference's spelling. */
    public static MarginType of(Known known) {
        return SPELLINGS.of(known);
    }
}
