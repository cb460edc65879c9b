package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/** Execution instruction. Tolerant: any case, with or without underscores; unknown values kept. */
public final class ExecInst extends WireEnum<ExecInst.Known> {
    /** The values the reference lists. */
    public enum Known implements WireEnum.Spelled {
        NULL_VAL("NULL_VAL"),
        POST("Post"),
        LIQUIDATION("Liquidation"),
        INTERNAL_POST("InternalPost"),
        STOP_ON_MARKET("StopOnMarket"),
        STOP_ON_MARK("StopOnMark"),
        STOP_ON_REF("StopOnRef"),
        REDUCE_ONLY("ReduceOnly"),
        POST_REDUCE_ONLY("PostReduceOnly"),
        POST_STOP_MARKET("PostStopMarket"),
        POST_STOP_MARK("PostStopMark"),
        POST_STOP_REF("PostStopRef"),
        REDUCE_ONLY_MARKET("ReduceOnlyMarket"),
        REDUCE_ONLY_MARK("ReduceOnlyMark"),
        REDUCE_ONLY_REF("ReduceOnlyRef"),
        POST_REDUCE_MARKET("PostReduceMarket"),
        POST_REDUCE_MARK("PostReduceMark"),
        POST_REDUCE_REF("PostReduceRef"),
        OPEN_STOP_MKT("OpenStopMkt"),
        OPEN_STOP_MARK("OpenStopMark"),
        OPEN_STOP_REF("OpenStopRef"),
        OPEN_POST_STOP_MKT("OpenPostStopMkt"),
        OPEN_POST_STOP_MARK("OpenPostStopMark"),
        OPEN_POST_STOP_REF("OpenPostStopRef"),
        POS_STOP_MKT("PosStopMkt"),
        POS_STOP_MARK("PosStopMark"),
        POS_STOP_REF("PosStopRef");

        private final String wire;
        private final String[] aliases;

        Known(String wire, String... aliases) {
            this.wire = wire;
            this.aliases = aliases;
        }

        @Override
        public String wire() {
            return wire;
        }

        @Override
        public String[] aliases() {
            return aliases.clone();
        }
    }

    private static final Map<String, Known> INDEX = index(Known.values());

    public static final ExecInst NULL_VAL = new ExecInst("NULL_VAL", Known.NULL_VAL);
    public static final ExecInst POST = new ExecInst("Post", Known.POST);
    public static final ExecInst LIQUIDATION = new ExecInst("Liquidation", Known.LIQUIDATION);
    public static final ExecInst INTERNAL_POST = new ExecInst("InternalPost", Known.INTERNAL_POST);
    public static final ExecInst STOP_ON_MARKET = new ExecInst("StopOnMarket", Known.STOP_ON_MARKET);
    public static final ExecInst STOP_ON_MARK = new ExecInst("StopOnMark", Known.STOP_ON_MARK);
    public static final ExecInst STOP_ON_REF = new ExecInst("StopOnRef", Known.STOP_ON_REF);
    public static final ExecInst REDUCE_ONLY = new ExecInst("ReduceOnly", Known.REDUCE_ONLY);
    public static final ExecInst POST_REDUCE_ONLY = new ExecInst("PostReduceOnly", Known.POST_REDUCE_ONLY);
    public static final ExecInst POST_STOP_MARKET = new ExecInst("PostStopMarket", Known.POST_STOP_MARKET);
    public static final ExecInst POST_STOP_MARK = new ExecInst("PostStopMark", Known.POST_STOP_MARK);
    public static final ExecInst POST_STOP_REF = new ExecInst("PostStopRef", Known.POST_STOP_REF);
    public static final ExecInst REDUCE_ONLY_MARKET = new ExecInst("ReduceOnlyMarket", Known.REDUCE_ONLY_MARKET);
    public static final ExecInst REDUCE_ONLY_MARK = new ExecInst("ReduceOnlyMark", Known.REDUCE_ONLY_MARK);
    public static final ExecInst REDUCE_ONLY_REF = new ExecInst("ReduceOnlyRef", Known.REDUCE_ONLY_REF);
    public static final ExecInst POST_REDUCE_MARKET = new ExecInst("PostReduceMarket", Known.POST_REDUCE_MARKET);
    public static final ExecInst POST_REDUCE_MARK = new ExecInst("PostReduceMark", Known.POST_REDUCE_MARK);
    public static final ExecInst POST_REDUCE_REF = new ExecInst("PostReduceRef", Known.POST_REDUCE_REF);
    public static final ExecInst OPEN_STOP_MKT = new ExecInst("OpenStopMkt", Known.OPEN_STOP_MKT);
    public static final ExecInst OPEN_STOP_MARK = new ExecInst("OpenStopMark", Known.OPEN_STOP_MARK);
    public static final ExecInst OPEN_STOP_REF = new ExecInst("OpenStopRef", Known.OPEN_STOP_REF);
    public static final ExecInst OPEN_POST_STOP_MKT = new ExecInst("OpenPostStopMkt", Known.OPEN_POST_STOP_MKT);
    public static final ExecInst OPEN_POST_STOP_MARK = new ExecInst("OpenPostStopMark", Known.OPEN_POST_STOP_MARK);
    public static final ExecInst OPEN_POST_STOP_REF = new ExecInst("OpenPostStopRef", Known.OPEN_POST_STOP_REF);
    public static final ExecInst POS_STOP_MKT = new ExecInst("PosStopMkt", Known.POS_STOP_MKT);
    public static final ExecInst POS_STOP_MARK = new ExecInst("PosStopMark", Known.POS_STOP_MARK);
    public static final ExecInst POS_STOP_REF = new ExecInst("PosStopRef", Known.POS_STOP_REF);

    private static final Map<String, ExecInst> EXACT = exact(NULL_VAL, POST, LIQUIDATION, INTERNAL_POST, STOP_ON_MARKET, STOP_ON_MARK, STOP_ON_REF, REDUCE_ONLY, POST_REDUCE_ONLY, POST_STOP_MARKET, POST_STOP_MARK, POST_STOP_REF, REDUCE_ONLY_MARKET, REDUCE_ONLY_MARK, REDUCE_ONLY_REF, POST_REDUCE_MARKET, POST_REDUCE_MARK, POST_REDUCE_REF, OPEN_STOP_MKT, OPEN_STOP_MARK, OPEN_STOP_REF, OPEN_POST_STOP_MKT, OPEN_POST_STOP_MARK, OPEN_POST_STOP_REF, POS_STOP_MKT, POS_STOP_MARK, POS_STOP_REF);

    private ExecInst(String raw, Known known) {
        super(raw, known);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static ExecInst of(String raw) {
        if (raw == null) {
            return null;
        }
        ExecInst exact = EXACT.get(raw);
        if (exact != null) {
            return exact; // the reference spelling: a shared constant, no allocation
        }
        return new ExecInst(raw, lookup(INDEX, raw));
    }

    /** The value for a known constant, in the reference's spelling. */
    public static ExecInst of(Known known) {
        return new ExecInst(known.wire(), known);
    }
}
