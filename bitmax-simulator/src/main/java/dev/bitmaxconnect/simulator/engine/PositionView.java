package dev.bitmaxconnect.simulator.engine;

import java.math.BigDecimal;

/** A position's state at one moment, valued at the mark price of that moment. */
public record PositionView(String symbol, String side, BigDecimal qty, BigDecimal referenceCost,
                           BigDecimal unrealizedPnl, BigDecimal realizedPnl, BigDecimal avgOpenPrice,
                           String marginType, BigDecimal isolatedMargin, int leverage,
                           BigDecimal buyOpenOrderNotional, BigDecimal sellOpenOrderNotional,
                           BigDecimal indexPrice, BigDecimal markPrice) {
}
