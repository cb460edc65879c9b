package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Order status. Tolerant: any case, with or without underscores; unknown values kept. */
public final class OrderStatus extends WireEnum<OrderStatus.Known> {
    /** The values the reference lists, in its spelling. */
    public enum Known {
        @JsonProperty("PendingNew") PENDING_NEW,
        @JsonProperty("New") NEW,
        @JsonProperty("PartiallyFilled") PARTIALLY_FILLED,
        @JsonProperty("Filled") FILLED,
        @JsonProperty("Canceled") @JsonAlias("Cancelled") CANCELED,
        @JsonProperty("Rejected") REJECTED,
        @JsonProperty("Expired") EXPIRED
    }

    private static final Spellings<Known, OrderStatus> SPELLINGS = new Spellings<>(Known.class, OrderStatus::new);

    public static final OrderStatus PENDING_NEW = SPELLINGS.of(Known.PENDING_NEW);
    public static final OrderStatus NEW = SPELLINGS.of(Known.NEW);
    public static final OrderStatus PARTIALLY_FILLED = SPELLINGS.of(Known.PARTIALLY_FILLED);
    public static final OrderStatus FILLED = SPELLINGS.of(Known.FILLED);
    public static final OrderStatus CANCELED = SPELLINGS.of(Known.CANCELED);
    public static final OrderStatus REJECTED = SPELLINGS.of(Known.REJECTED);
    public static final OrderStatus EXPIRED = SPELLINGS.of(Known.EXPIRED);

    private OrderStatus(String raw, Known known, String wire) {
        super(raw, known, wire);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static OrderStatus of(String raw) {
        return SPELLINGS.of(raw);
    }

    /** The value for a known constant, in the reference's spelling. */
    public static OrderStatus of(Known known) {
        return SPELLINGS.of(known);
    }
}
