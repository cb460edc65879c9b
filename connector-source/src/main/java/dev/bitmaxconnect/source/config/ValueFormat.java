package dev.bitmaxconnect.source.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a market-data record carries as its value. */
public enum ValueFormat {
    /** A Connect Struct of the connector's schemas, one record per trade, level update or message. */
    TYPED("typed"),
    /**
     * The exchange's JSON text of the message, verbatim (a string), one record per message: for
     * {@code StringConverter}. Market data only: private channels and reference data have no such text.
     */
    EXCHANGE_JSON("exchange-json");

    private final String configName;

    ValueFormat(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static ValueFormat fromConfigName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ValueFormat format : values()) {
            if (format.configName.equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown value format '" + name + "'; expected one of " + configNames());
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(ValueFormat::configName).collect(Collectors.toList());
    }

    /**
     * Why this format cannot write the given channels and reference data (their {@code channels} and
     * {@code reference.data} names), or empty. The private channels and reference data stay typed: their records are
     * also built from REST reads (recovery, reconciliation, polling), which have no exchange frame; so does the book
     * channel, whose records are the connector's own book. The StringConverter the exchange's text is written with
     * cannot write a Struct.
     */
    public Optional<String> refusal(Collection<String> channels, Collection<String> referenceData) {
        if (this != EXCHANGE_JSON) {
            return Optional.empty();
        }
        List<String> typedOnly = new ArrayList<>();
        for (String name : channels) {
            String channel = name.trim().toLowerCase(Locale.ROOT);
            if (channel.equals(Channel.ORDER.configName()) || channel.equals(Channel.ACCOUNT.configName())
                    || channel.equals(Channel.BOOK.configName())) {
                typedOnly.add("channel " + channel);
            }
        }
        for (String name : referenceData) {
            typedOnly.add("reference data " + name.trim());
        }
        if (typedOnly.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(configName + " writes the exchange's market data only (pricing, bbo, depth, trades, bar), but "
                + String.join(", ", typedOnly) + " " + (typedOnly.size() == 1 ? "is" : "are")
                + " written typed, which the StringConverter of this format cannot write: "
                + "stream " + (typedOnly.size() == 1 ? "it" : "them") + " with a second connector with value.format="
                + TYPED.configName);
    }
}
