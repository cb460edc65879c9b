package dev.bitmaxconnect.simulator.engine;

import java.math.BigDecimal;

/** One margin requirement band of a contract, by position notional. */
public record MarginTier(BigDecimal lowerBound, BigDecimal upperBound, BigDecimal initialMarginRate,
                  BigDecimal maintenanceMarginRate) {
}
