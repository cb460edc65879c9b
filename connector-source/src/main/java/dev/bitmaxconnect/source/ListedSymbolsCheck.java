package dev.bitmaxconnect.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.apache.kafka.common.config.ConfigValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.model.FuturesContract;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.source.config.BitMaxSourceConfig;

/**
 * Checks {@code symbols} against the exchange's contract list while a configuration is validated. Connect's
 * validation has errors, which refuse the configuration, and recommended values, which do not: an exchange that
 * does not answer in time must not stop a connector from being created, so that is said in the recommended values.
 */
final class ListedSymbolsCheck {
    private static final Logger log = LoggerFactory.getLogger(ListedSymbolsCheck.class);

    /** Longest wait for the contract list: validation is interactive. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Duration timeout;

    ListedSymbolsCheck(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * With the exchange's contract list: an error naming each symbol it does not list, and the listed symbols as
     * recommended values. Without it: no error, and a recommended value saying the symbols were not checked.
     */
    void check(ConfigValue symbols, String restUrl) {
        List<String> listed;
        try {
            listed = listedSymbols(restUrl);
        } catch (RuntimeException e) {
            String note = "not checked against the exchange (waited at most " + timeout.toSeconds() + " s): no contract "
                    + "list from " + restUrl + ": " + e.getMessage();
            log.warn("Validating {}: {}", BitMaxSourceConfig.SYMBOLS, note);
            symbols.recommendedValues(List.of(note));
            return;
        }
        symbols.recommendedValues(new ArrayList<>(listed));
        List<String> unknown = configured(symbols).stream().filter(s -> !listed.contains(s))
                .filter(s -> !BitMaxSourceConfig.ALL_SYMBOLS.equals(s)).toList();
        if (!unknown.isEmpty()) {
            symbols.addErrorMessage((unknown.size() == 1 ? "Unknown symbol " : "Unknown symbols ")
                    + String.join(", ", unknown) + ": not in the contract list of " + restUrl + ", which lists "
                    + String.join(", ", listed));
        }
    }

    private static List<String> configured(ConfigValue symbols) {
        return symbols.value() instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private List<String> listedSymbols(String restUrl) {
        BitMaxClientConfig config = BitMaxClientConfig.builder().restUrl(restUrl)
                .connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout).callTimeout(timeout)
                .maxRetriesOn429(0)
                .build();
        try (BitMaxRestClient rest = new BitMaxRestClient(config)) {
            return List.copyOf(rest.futuresContracts().stream().map(FuturesContract::symbol).filter(Objects::nonNull)
                    .collect(TreeSet::new, TreeSet::add, TreeSet::addAll));
        }
    }
}
