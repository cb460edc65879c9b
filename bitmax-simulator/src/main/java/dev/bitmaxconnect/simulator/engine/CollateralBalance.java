package dev.bitmaxconnect.simulator.engine;

import java.math.BigDecimal;

/** One collateral balance of an account, with the asset's prices at that moment. */
public record CollateralBalance(String asset, BigDecimal balance, BigDecimal discountFactor,
                                BigDecimal referencePrice) {
}
