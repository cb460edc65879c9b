package dev.bitmaxconnect.client.stream;

import java.util.Objects;

/** A WebSocket channel name as sent in {@code sub}/{@code unsub}, e.g. {@code depth:BTC-PERP} or {@code bar:1:BTC-PERP}. */
public record StreamChannel(String name) {
    public static final String PRICING_DATA = "futures-pricing-data";
    public static final String FUTURES_ORDER = "futures-order";
    public static final String ACCOUNT_UPDATE = "futures-account-update";

    public StreamChannel {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("channel name must not be blank");
        }
    }

    public static StreamChannel pricingData() { return new StreamChannel(PRICING_DATA); }
    public static StreamChannel bbo(String symbol) { return new StreamChannel("bbo:" + symbol(symbol)); }
    public static StreamChannel depth(String symbol) { return new StreamChannel("depth:" + symbol(symbol)); }
    public static StreamChannel trades(String symbol) { return new StreamChannel("trades:" + symbol(symbol)); }
    /** A bar channel; interval as the exchange names it (e.g. {@code 1}, {@code 5}, {@code 60}, {@code 1d}). */
    public static StreamChannel bar(String interval, String symbol) {
        if (interval == null || interval.isBlank()) {
            throw new IllegalArgumentException("bar interval must not be blank, was '" + interval + "'");
        }
        return new StreamChannel("bar:" + interval + ":" + symbol(symbol));
    }
    public static StreamChannel futuresOrder() { return new StreamChannel(FUTURES_ORDER); }
    public static StreamChannel accountUpdate() { return new StreamChannel(ACCOUNT_UPDATE); }

    /** True for channels that need an authenticated session. */
    public boolean isPrivate() {
        return name.equals(FUTURES_ORDER) || name.equals(ACCOUNT_UPDATE);
    }

    private static String symbol(String symbol) {
        if (symbol == null || symbol.isBlank() || symbol.contains(":")) {
            throw new IllegalArgumentException("symbol must be non-blank without ':', was '" + symbol + "'");
        }
        return symbol;
    }

    @Override
    public String toString() {
        return name;
    }
}
