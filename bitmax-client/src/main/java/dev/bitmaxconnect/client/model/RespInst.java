package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Response instruction of an order request. Tolerant: any case, with or without underscores; unknown values kept. */
public final class RespInst extends WireEnum<RespInst.Known> {
    /** The values the reference lists, in its spelling. */
    public enum Known {
        @JsonProperty("ACK") ACK,
        @JsonProperty("ACCEPT") ACCEPT,
        @JsonProperty("DONE") DONE
    }

    private static final Spellings<Known, RespInst> SPELLINGS = new Spellings<>(Known.class, RespInst::new);

    public static final RespInst ACK = SPELLINGS.of(Known.ACK);
    public static final RespInst ACCEPT = SPELLINGS.of(Known.ACCEPT);
    public static final RespInst DONE = SPELLINGS.of(Known.DONE);

    private RespInst(String raw, Known known, String wire) {
        super(raw, known, wire);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static RespInst of(String raw) {
        return SPELLINGS.of(raw);
    }

    /** The value for a known constant, in the reference's spelling. */
    public static RespInst of(Known known) {
        return SPELLINGS.of(known);
    }
}
