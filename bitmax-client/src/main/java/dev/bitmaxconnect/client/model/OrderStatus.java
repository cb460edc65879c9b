package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/** Order status. Tolerant: any case, with or without underscores; unknown values kept. */
public final class OrderStatus extends WireEnum<OrderStatus.Known> {
    /** The values the reference lists. */
    public enum Known implements WireEnum.Spelled {
        PENDING_NEW("PendingNew"),
        NEW("New"),
        PARTIALLY_FILLED("PartiallyFilled"),
        FILLED("Filled"),
        CANCELED("Canceled", "Cancelled"),
        REJECTED("Rejected"),
        EXPIRED("Expired");

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

    public static final OrderStatus PENDING_NEW = new OrderStatus("PendingNew", Known.PENDING_NEW);
    public static final OrderStatus NEW = new OrderStatus("New", Known.NEW);
    public static final OrderStatus PARTIALLY_FILLED = new OrderStatus("PartiallyFilled", Known.PARTIALLY_FILLED);
    public static final OrderStatus FILLED = new OrderStatus("Filled", Known.FILLED);
    public static final OrderStatus CANCELED = new OrderStatus("Canceled", Known.CANCELED);
    public static final OrderStatus REJECTED = new OrderStatus("Rejected", Known.REJECTED);
    public static final OrderStatus EXPIRED = new OrderStatus("Expired", Known.EXPIRED);

    private static final Map<String, OrderStatus> EXACT = exact(PENDING_NEW, NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED);

    private OrderStatus(String raw, Known known) {
        super(raw, known);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static OrderStatus of(String raw) {
        if (raw == null) {
            return null;
        }
        OrderStatus exact = EXACT.get(raw);
        if (exact != null) {
            return exact; // the reference spelling: a shared constant, no allocation
        }
        return new OrderStatus(raw, lookup(INDEX, raw));
    }

    /** The value for a known constant, in the reference's spelling. */
    public static OrderStatus of(Known known) {
        return new OrderStatus(known.wire(), known);
    }
}
