package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/** Side of a position (NULL_VAL when flat). Tolerant: any case, with or without underscores; unknown values kept. */
public final class PositionSide extends WireEnum<PositionSide.Known> {
    /** The values the reference lists. */
    public enum Known implements WireEnum.Spelled {
        LONG("LONG"),
        SHORT("SHORT"),
        NULL_VAL("NULL_VAL");

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

    public static final PositionSide LONG = new PositionSide("LONG", Known.LONG);
    public static final PositionSide SHORT = new PositionSide("SHORT", Known.SHORT);
    public static final PositionSide NULL_VAL = new PositionSide("NULL_VAL", Known.NULL_VAL);

    private static final Map<String, PositionSide> EXACT = exact(LONG, SHORT, NULL_VAL);

    private PositionSide(String raw, Known known) {
        super(raw, known);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static PositionSide of(String raw) {
        if (raw == null) {
            return null;
        }
        PositionSide exact = EXACT.get(raw);
        if (exact != null) {
            return exact; // the reference spelling: a shared constant, no allocation
        }
        return new PositionSide(raw, lookup(INDEX, raw));
    }

    /** The value for a known constant, in the reference's spelling. */
    public static PositionSide of(Known known) {
        return new PositionSide(known.wire(), known);
    }
}
