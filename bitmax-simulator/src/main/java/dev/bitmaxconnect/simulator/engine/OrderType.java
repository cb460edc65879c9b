package dev.bitmaxconnect.simulator.engine;

/** Order type. */
public enum OrderType {
    LIMIT("Limit"),
    MARKET("Market"),
    STOP_LIMIT("StopLimit"),
    STOP_MARKET("StopMarket");

    final String wire;

    OrderType(String wire) {
        this.wire = wire;
    }

    /** The name on the wire. */
    public String wire() {
        return wire;
    }

    boolean isStop() {
        return this == STOP_LIMIT || this == STOP_MARKET;
    }

    boolean hasLimitPrice() {
        return this == LIMIT || this == STOP_LIMIT;
    }

    static OrderType parse(String text) {
        return EnumText.parse(text, null, values());
    }
}
