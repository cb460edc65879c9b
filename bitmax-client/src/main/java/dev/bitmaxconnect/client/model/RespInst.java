package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/** Response instruction of an order request. Tolerant: any case, with or without underscores; unknown values kept. */
public final class RespInst extends WireEnum<RespInst.Known> {
    /** The values the reference lists. */
    public enum Known implements WireEnum.Spelled {
        ACK("ACK"),
        ACCEPT("ACCEPT"),
        DONE("DONE");

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

    public static final RespInst ACK = new RespInst("ACK", Known.ACK);
    public static final RespInst ACCEPT = new RespInst("ACCEPT", Known.ACCEPT);
    public static final RespInst DONE = new RespInst("DONE", Known.DONE);

    private static final Map<String, RespInst> EXACT = exact(ACK, ACCEPT, DONE);

    private RespInst(String raw, Known known) {
        super(raw, known);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static RespInst of(String raw) {
        if (raw == null) {
            return null;
        }
        RespInst exact = EXACT.get(raw);
        if (exact != null) {
            return exact; // the reference spelling: a shared constant, no allocation
        }
        return new RespInst(raw, lookup(INDEX, raw));
    }

    /** The value for a known constant, in the reference's spelling. */
    public static RespInst of(Known known) {
        return new RespInst(known.wire(), known);
    }
}
