package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/** Time in force. Tolerant: any case, with or without underscores; unknown values kept. */
public final class TimeInForce extends WireEnum<TimeInForce.Known> {
    /** The values the reference lists. */
    public enum Known implements WireEnum.Spelled {
        GTC("GTC"),
        IOC("IOC"),
        FOK("FOK");

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

    public static final TimeInForce GTC = new TimeInForce("GTC", Known.GTC);
    public static final TimeInForce IOC = new TimeInForce("IOC", Known.IOC);
    public static final TimeInForce FOK = new TimeInForce("FOK", Known.FOK);

    private static final Map<String, TimeInForce> EXACT = exact(GTC, IOC, FOK);

    private TimeInForce(String raw, Known known) {
        super(raw, known);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static TimeInForce of(String raw) {
        if (raw == null) {
            return null;
        }
        TimeInForce exact = EXACT.get(raw);
        if (exact != null) {
            return exact; // the reference spelling: a shared constant, no allocation
        }
        return new TimeInForce(raw, lookup(INDEX, raw));
    }

    /** The value for a known constant, in the reference's spelling. */
    public static TimeInForce of(Known known) {
        return new TimeInForce(known.wire(), known);
    }
}
