package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Order type. Tolerant: any case, with or without underscores; unknown values kept. */
public final class OrderType extends WireEnum<OrderType.Known> {
    /** The values the reference lists, in its spelling. */
    public enum Known {
        @JsonProperty("Limit") LIMIT,
        @JsonProperty("Market") MARKET,
        @JsonProperty("StopLimit") STOP_LIMIT,
        @JsonProperty("StopMarket") STOP_MARKET
    }

    private static final Spellings<Known, OrderType> SPELLINGS = new Spellings<>(Known.class, OrderType::new);

    public static final OrderType LIMIT = SPELLINGS.of(Known.LIMIT);
    public static final OrderType MARKET = SPELLINGS.of(Known.MARKET);
    public static final OrderType STOP_LIMIT = SPELLINGS.of(Known.STOP_LIMIT);
    public static final OrderType STOP_MARKET = SPELLINGS.of(Known.STOP_MARKET);

    private OrderType(String raw, Known known, String wire) {
        super(raw, known, wire);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static OrderType of(String raw) {
        return SPELLINGS.of(raw);
    }

    /** The value for a known constant, in the reference's spelling. */
    public static OrderType of(Known known) {
        return SPELLINGS.of(known);
    }
}
