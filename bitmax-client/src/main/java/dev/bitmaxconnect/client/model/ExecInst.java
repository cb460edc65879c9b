package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Execution instruction. Tolerant: any case, with or without underscores; unknown values kept. */
public final class ExecInst extends WireEnum<ExecInst.Known> {
    /** The values the reference lists, in its spelling. */
    public enum Known {
        @JsonProperty("NULL_VAL") NULL_VAL,
        @JsonProperty("Post") POST,
        @JsonProperty("Liquidation") LIQUIDATION,
        @JsonProperty("InternalPost") INTERNAL_POST,
        @JsonProperty("StopOnMarket") STOP_ON_MARKET,
        @JsonProperty("StopOnMark") STOP_ON_MARK,
        @JsonProperty("StopOnRef") STOP_ON_REF,
        @JsonProperty("ReduceOnly") REDUCE_ONLY,
        @JsonProperty("PostReduceOnly") POST_REDUCE_ONLY,
        @JsonProperty("PostStopMarket") POST_STOP_MARKET,
        @JsonProperty("PostStopMark") POST_STOP_MARK,
        @JsonProperty("PostStopRef") POST_STOP_REF,
        @JsonProperty("ReduceOnlyMarket") REDUCE_ONLY_MARKET,
        @JsonProperty("ReduceOnlyMark") REDUCE_ONLY_MARK,
        @JsonProperty("ReduceOnlyRef") REDUCE_ONLY_REF,
        @JsonProperty("PostReduceMarket") POST_REDUCE_MARKET,
        @JsonProperty("PostReduceMark") POST_REDUCE_MARK,
        @JsonProperty("PostReduceRef") POST_REDUCE_REF,
        @JsonProperty("OpenStopMkt") OPEN_STOP_MKT,
        @JsonProperty("OpenStopMark") OPEN_STOP_MARK,
        @JsonProperty("OpenStopRef") OPEN_STOP_REF,
        @JsonProperty("OpenPostStopMkt") OPEN_POST_STOP_MKT,
        @JsonProperty("OpenPostStopMark") OPEN_POST_STOP_MARK,
        @JsonProperty("OpenPostStopRef") OPEN_POST_STOP_REF,
        @JsonProperty("PosStopMkt") POS_STOP_MKT,
        @JsonProperty("PosStopMark") POS_STOP_MARK,
        @JsonProperty("PosStopRef") POS_STOP_REF
    }

    private static final Spellings<Known, ExecInst> SPELLINGS = new Spellings<>(Known.class, ExecInst::new);

    public static final ExecInst NULL_VAL = SPELLINGS.of(Known.NULL_VAL);
    public static final ExecInst POST = SPELLINGS.of(Known.POST);
    public static final ExecInst LIQUIDATION = SPELLINGS.of(Known.LIQUIDATION);
    public static final ExecInst INTERNAL_POST = SPELLINGS.of(Known.INTERNAL_POST);
    public static final ExecInst STOP_ON_MARKET = SPELLINGS.of(Known.STOP_ON_MARKET);
    public static final ExecInst STOP_ON_MARK = SPELLINGS.of(Known.STOP_ON_MARK);
    public static final ExecInst STOP_ON_REF = SPELLINGS.of(Known.STOP_ON_REF);
    public static final ExecInst REDUCE_ONLY = SPELLINGS.of(Known.REDUCE_ONLY);
    public static final ExecInst POST_REDUCE_ONLY = SPELLINGS.of(Known.POST_REDUCE_ONLY);
    public static final ExecInst POST_STOP_MARKET = SPELLINGS.of(Known.POST_STOP_MARKET);
    public static final ExecInst POST_STOP_MARK = SPELLINGS.of(Known.POST_STOP_MARK);
    public static final ExecInst POST_STOP_REF = SPELLINGS.of(Known.POST_STOP_REF);
    public static final ExecInst REDUCE_ONLY_MARKET = SPELLINGS.of(Known.REDUCE_ONLY_MARKET);
    public static final ExecInst REDUCE_ONLY_MARK = SPELLINGS.of(Known.REDUCE_ONLY_MARK);
    public static final ExecInst REDUCE_ONLY_REF = SPELLINGS.of(Known.REDUCE_ONLY_REF);
    public static final ExecInst POST_REDUCE_MARKET = SPELLINGS.of(Known.POST_REDUCE_MARKET);
    public static final ExecInst POST_REDUCE_MARK = SPELLINGS.of(Known.POST_REDUCE_MARK);
    public static final ExecInst POST_REDUCE_REF = SPELLINGS.of(Known.POST_REDUCE_REF);
    public static final ExecInst OPEN_STOP_MKT = SPELLINGS.of(Known.OPEN_STOP_MKT);
    public static final ExecInst OPEN_STOP_MARK = SPELLINGS.of(Known.OPEN_STOP_MARK);
    public static final ExecInst OPEN_STOP_REF = SPELLINGS.of(Known.OPEN_STOP_REF);
    public static final ExecInst OPEN_POST_STOP_MKT = SPELLINGS.of(Known.OPEN_POST_STOP_MKT);
    public static final ExecInst OPEN_POST_STOP_MARK = SPELLINGS.of(Known.OPEN_POST_STOP_MARK);
    public static final ExecInst OPEN_POST_STOP_REF = SPELLINGS.of(Known.OPEN_POST_STOP_REF);
    public static final ExecInst POS_STOP_MKT = SPELLINGS.of(Known.POS_STOP_MKT);
    public static final ExecInst POS_STOP_MARK = SPELLINGS.of(Known.POS_STOP_MARK);
    public static final ExecInst POS_STOP_REF = SPELLINGS.of(Known.POS_STOP_REF);

    private ExecInst(String raw, Known known, String wire) {
        super(raw, known, wire);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static ExecInst of(String raw) {
        return SPELLINGS.of(raw);
    }

    /** The value for a known constant, in the reference's spelling. */
    public static ExecInst of(Known known) {
        return SPELLINGS.of(known);
    }
}
