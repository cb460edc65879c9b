package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/** Order side. Tolerant: any case, with or without underscores; unknown values kept. */
public final class Side extends WireEnum<Side.Known> {
    /** The values the reference lists. */
    public enum Known implements WireEnum.Spelled {
        BUY("Buy"),
        SELL("Sell");

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

    public static final Side BUY = new Side("Buy", Known.BUY);
    public static final Side SELL = new Side("Sell", Known.SELL);

    private static final Map<String, Side> EXACT = exact(BUY, SELL);

    private Side(String raw, Known known) {
        super(raw, known);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static Side of(String raw) {
        if (raw == null) {
            return null;
        }
        Side exact = EXACT.get(raw);
        if (exact != null) {
            return exact; // the reference spelling: a shared constant, no allocation
        }
        return new Side(raw, lookup(INDEX, raw));
    }

    /** The value for a known constant, in the reference's spelling. */
    public static Side of(Known known) {
        return new Side(known.wire(), known);
    }
}
