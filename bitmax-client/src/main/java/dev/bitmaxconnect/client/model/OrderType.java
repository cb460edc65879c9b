package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/** Order type. Tolerant: any case, with or without underscores; unknown values kept. */
public final class OrderType extends WireEnum<OrderType.Known> {
    /** The values the reference lists. */
    public enum Known implements WireEnum.Spelled {
        LIMIT("Limit"),
        MARKET("Market"),
        STOP_LIMIT("StopLimit"),
        STOP_MARKET("StopMarket");

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

    public static final OrderType LIMIT = new OrderType("Limit", Known.LIMIT);
    public static final OrderType MARKET = new OrderType("Market", Known.MARKET);
    public static final OrderType STOP_LIMIT = new OrderType("StopLimit", Known.STOP_LIMIT);
    public static final OrderType STOP_MARKET = new OrderType("StopMarket", Known.STOP_MARKET);

    private static final Map<String, OrderType> EXACT = exact(LIMIT, MARKET, STOP_LIMIT, STOP_MARKET);

    private OrderType(String raw, Known known) {
        super(raw, known);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static OrderType of(String raw) {
        if (raw == null) {
            return null;
        }
        OrderType exact = EXACT.get(raw);
        if (exact != null) {
            return exact; // the reference spelling: a shared constant, no allocation
        }
        return new OrderType(raw, lookup(INDEX, raw));
    }

    /** The value for a known constant, in the reference's spelling. */
    public static OrderType of(Known known) {
        return new OrderType(known.wire(), known);
    }
}
