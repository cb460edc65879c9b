package dev.bitmaxconnect.sink.validate;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The user's own limits, checked after the exchange's rules.
 *
 * @param allowedSymbols symbols that may be traded; empty means every listed symbol
 * @param maxOrderQty largest quantity of one order, or null for no limit
 * @param maxOrderNotional largest price times quantity of one order, or null for no limit
 * @param tradingEnabled the trading switch: when false no order command is sent
 * @param transfersEnabled whether deposit and withdraw commands may be sent
 */
public record RiskLimits(
        Set<String> allowedSymbols,
        BigDecimal maxOrderQty,
        BigDecimal maxOrderNotional,
        boolean tradingEnabled,
        boolean transfersEnabled) {

    public static RiskLimits none() {
        return new RiskLimits(Set.of(), null, null, true, false);
    }
}
