package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/** Margin type of a position. Tolerant: any case, with or without underscores; unknown values kept. */
public final class MarginType extends WireEnum<MarginType.Known> {
    /** The values the reference lists. */
    public enum Known implements WireEnum.Spelled {
        CROSSED("crossed", "cross"),
        ISOLATED("isolated");

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

    public static final MarginType CROSSED = new MarginType("crossed", Known.CROSSED);
    public static final MarginType ISOLATED = new MarginType("isolated", Known.ISOLATED);

    private static final Map<String, MarginType> EXACT = exact(CROSSED, ISOLATED);

    private MarginType(String raw, Known known) {
        super(raw, known);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static MarginType of(String raw) {
        if (raw == null) {
            return null;
        }
        MarginType exact = EXACT.get(raw);
        if (exact != null) {
            return exact; // the reference spelling: a shared constant, no allocation
        }
        return new MarginType(raw, lookup(INDEX, raw));
    }

    /** The value for a known constant, in the reference's spelling. */
    public static MarginType of(Known known) {
        return new MarginType(known.wire(), known);
    }
}
