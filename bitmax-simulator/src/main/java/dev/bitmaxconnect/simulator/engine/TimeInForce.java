package dev.bitmaxconnect.simulator.engine;

/** Time in force. */
public enum TimeInForce {
    GTC, IOC, FOK;

    static TimeInForce parse(String text) {
        return EnumText.parse(text, GTC, values());
    }
}
