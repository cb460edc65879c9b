package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Side of a position (NULL_VAL when flat). Tolerant: any case, with or without underscores; unknown values kept. */
public final class PositionSide extends WireEnum<PositionSide.Known> {
    /** The values the reference lists, in its spelling. */
    public enum Known {
        @JsonProperty("LONG") LONG,
        @JsonProperty("SHORT") SHORT,
        @JsonProperty("NULL_VAL") NULL_VAL
    }

    private static final Spellings<Known, PositionSide> SPELLINGS = new Spellings<>(Known.class, PositionSide::new);

    public static final PositionSide LONG = SPELLINGS.of(Known.LONG);
    public static final PositionSide SHORT = SPELLINGS.of(Known.SHORT);
    public static final PositionSide NULL_VAL = SPELLINGS.of(Known.NULL_VAL);

    private PositionSide(String raw, Known known, String wire) {
        super(raw, known, wire);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static PositionSide of(String raw) {
        return SPELLINGS.of(raw);
    }

    /** The value for a known constant, in the reference's spelling. */
    public static PositionSide of(Known known) {
        return SPELLINGS.of(known);
    }
}
