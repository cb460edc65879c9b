package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Time in force. Tolerant: any case, with or without underscores; unknown values kept. */
public final class TimeInForce extends WireEnum<TimeInForce.Known> {
    /** The values the reference lists, in its spelling. */
    public enum Known {
        @JsonProperty("GTC") GTC,
        @JsonProperty("IOC") IOC,
        @JsonProperty("FOK") FOK
    }

    private static final Spellings<Known, TimeInForce> SPELLINGS = new Spellings<>(Known.class, TimeInForce::new);

    public static final TimeInForce GTC = SPELLINGS.of(Known.GTC);
    public static final TimeInForce IOC = SPELLINGS.of(Known.IOC);
    public static final TimeInForce FOK = SPELLINGS.of(Known.FOK);

    private TimeInForce(String raw, Known known, String wire) {
        super(raw, known, wire);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static TimeInForce of(String raw) {
        return SPELLINGS.of(raw);
    }

    /** The value for a known constant, in the reference's spelling. */
    public static TimeInForce of(Known known) {
        return SPELLINGS.of(known);
    }
}
