package dev.bitmaxconnect.source.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A stream the source connector can subscribe to, by the name users write in {@code channels}. */
public enum Channel {
    PRICING("pricing", "futures-pricing-data", false, false, false),
    BBO("bbo", "bbo", true, false, false),
    DEPTH("depth", "depth", true, false, true),
    /** The top levels of each symbol's book, kept by the connector from its depth subscription: no channel of its own. */
    BOOK("book", "book", true, false, false),
    TRADES("trades", "trades", true, false, true),
    BAR("bar", "bar", true, false, false),
    ORDER("order", "futures-order", false, true, true),
    ACCOUNT("account", "futures-account-update", false, true, true);

    private final String configName;
    private final String exchangeName;
    private final boolean perSymbol;
    private final boolean isPrivate;
    private final boolean sequenced;

    Channel(String configName, String exchangeName, boolean perSymbol, boolean isPrivate, boolean sequenced) {
        this.configName = configName;
        this.exchangeName = exchangeName;
        this.perSymbol = perSymbol;
        this.isPrivate = isPrivate;
        this.sequenced = sequenced;
    }

    /** The name used in the {@code channels} setting and in default topic names. */
    public String configName() {
        return configName;
    }

    /** The channel (and message) name on the exchange's WebSocket. */
    public String exchangeName() {
        return exchangeName;
    }

    public boolean isPerSymbol() {
        return perSymbol;
    }

    public boolean isPrivate() {
        return isPrivate;
    }

    /** Whether the exchange numbers this channel's messages, so a restart can resume without repeats. */
    public boolean isSequenced() {
        return sequenced;
    }

    public static Channel fromConfigName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Channel channel : values()) {
            if (channel.configName.equals(wanted)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("Unknown channel '" + name + "'; expected one of " + configNames());
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(Channel::configName).collect(Collectors.toList());
    }
}
