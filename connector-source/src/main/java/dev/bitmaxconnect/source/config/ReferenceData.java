package dev.bitmaxconnect.source.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reference data the connector reads over REST on an interval, each into a topic keyed for log compaction. */
public enum ReferenceData {
    /** Futures contracts (status, filters, margin tiers), keyed by symbol. */
    CONTRACTS("contracts"),
    /** Collateral assets (conversion and discount factors), keyed by asset. */
    COLLATERAL("collateral"),
    /** Pricing data: mark/index price and funding per contract (keyed by symbol), reference price per collateral asset (keyed by asset). */
    PRICING("pricing");

    private final String configName;

    ReferenceData(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static ReferenceData fromConfigName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ReferenceData data : values()) {
            if (data.configName.equals(wanted)) {
                return data;
            }
        }
        throw new IllegalArgumentException("Unknown reference data '" + name + "'; expected one of " + configNames());
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(ReferenceData::configName).collect(Collectors.toList());
    }
}
