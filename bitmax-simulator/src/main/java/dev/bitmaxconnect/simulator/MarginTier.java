package dev.bitmaxconnect.simulator;

import java.math.BigDecimal;

/** One margin requirement band of a contract, by position notional. */
record MarginTier(BigDecimal lowerBound, BigDecimal upperBound, BigDecimal initialMarginRate,
                  BigDecimal maintenanceMarginRate) {
}
