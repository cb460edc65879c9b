package dev.bitmaxconnect.source.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How decimal amounts (prices, quantities, balances) are written into records, as Debezium's setting of the same name. */
public enum DecimalHandlingMode {
    /** The exchange's own decimal string, unchanged: exact and schema-free. */
    STRING,
    /** A 64-bit float: convenient, inexact. */
    DOUBLE,
    /** Connect's {@code Decimal} logical type at the configured scale (rounded half-even). */
    PRECISE;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DecimalHandlingMode fromConfigName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(DecimalHandlingMode::configName).collect(Collectors.toList());
    }
}
