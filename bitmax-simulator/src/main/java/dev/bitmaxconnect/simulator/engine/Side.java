package dev.bitmaxconnect.simulator.engine;

/** Order side. */
public enum Side {
    BUY("Buy"),
    SELL("Sell");

    final String wire;

    Side(String wire) {
        this.wire = wire;
    }

    /** The name on the wire. */
    public String wire() {
        return wire;
    }

    Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    int sign() {
        return this == BUY ? 1 : -1;
    }

    static Side parse(String text) {
        return EnumText.parse(text, null, values());
    }
}
