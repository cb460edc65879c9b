package dev.bitmaxconnect.sink.validate;

import java.math.BigDecimal;

/** The price and lot-size filters of one futures contract, as the exchange publishes them. */
public record ContractFilter(
        String symbol,
        String status,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        BigDecimal tickSize,
        BigDecimal minQty,
        BigDecimal maxQty,
        BigDecimal lotSize) {
}
