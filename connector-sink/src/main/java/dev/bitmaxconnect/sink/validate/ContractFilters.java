package dev.bitmaxconnect.sink.validate;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The live contract filters and reference prices the validator checks orders against; refreshed in place. */
public final class ContractFilters {

    private volatile Map<String, ContractFilter> bySymbol = Map.of();
    private final Map<String, BigDecimal> markPrices = new ConcurrentHashMap<>();

    public void replace(Collection<ContractFilter> filters) {
        Map<String, ContractFilter> next = new ConcurrentHashMap<>();
        for (ContractFilter f : filters) {
            next.put(f.symbol(), f);
        }
        bySymbol = next;
    }

    public void markPrice(String symbol, BigDecimal price) {
        markPrices.put(symbol, price);
    }

    public Optional<ContractFilter> filter(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    public Optional<BigDecimal> markPrice(String symbol) {
        return Optional.ofNullable(markPrices.get(symbol));
    }
}
