package dev.bitmaxconnect.simulator;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.NavigableMap;

/**
 * The order book of one symbol as it stood at {@code seqnum}: size by price, asks from the lowest price, bids from
 * the highest. Prices and sizes carry no trailing zeros, so two books compare equal when their levels do.
 */
public record Book(String symbol, long seqnum, NavigableMap<BigDecimal, BigDecimal> asks,
                   NavigableMap<BigDecimal, BigDecimal> bids) {

    public Book {
        asks = Collections.unmodifiableNavigableMap(asks);
        bids = Collections.unmodifiableNavigableMap(bids);
    }
}
