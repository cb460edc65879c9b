package dev.bitmaxconnect.simulator.engine;

/** Time in force. */
public enum TimeInForce {
    GTC, IOC, FOK;

    static TimeInForce parse(String text) {
        if (text == null) {
            return GTC;
        }
        return switch (EnumText.normalize(text)) {
            case "gtc" -> GTC;
            case "ioc" -> IOC;
            case "fok" -> FOK;
            default -> null;
        };
    }
}
