package dev.bitmaxconnect.source.config;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts {@code *} alone, or a non-empty list of contract symbols such as {@code BTC-PERP}. */
final class SymbolListValidator implements ConfigDef.Validator {
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-/]{0,63}");

    @Override
    public void ensureValid(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> symbols = (List<String>) value;
        if (symbols == null || symbols.isEmpty()) {
            throw new ConfigException(name, value, "list at least one symbol, or * for every contract with status Normal");
        }
        if (symbols.contains(BitMaxSourceConfig.ALL_SYMBOLS)) {
            if (symbols.size() > 1) {
                throw new ConfigException(name, value, "* stands for every contract and cannot be combined with symbols");
            }
            return;
        }
        List<String> malformed = symbols.stream().filter(symbol -> !SYMBOL.matcher(symbol).matches()).toList();
        if (!malformed.isEmpty()) {
            throw new ConfigException(name, value, (malformed.size() == 1 ? "not a contract symbol: " : "not contract symbols: ")
                    + String.join(", ", malformed) + " (letters, digits, '-', '_' or '/', e.g. BTC-PERP)");
        }
    }

    @Override
    public String toString() {
        return "* or a list of symbols, e.g. BTC-PERP,ETH-PERP";
    }
}
