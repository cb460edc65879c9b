package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** A contract position in the position snapshot. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContractPosition(
    String symbol,
    PositionSide side,
    BigDecimal position,
    BigDecimal referenceCost,
    BigDecimal unrealizedPnl,
    BigDecimal realizedPnl,
    BigDecimal avgOpenPrice,
    MarginType marginType,
    BigDecimal isolatedMargin,
    BigDecimal leverage,
    BigDecimal takeProfitPrice,
    String takeProfitTrigger,
    BigDecimal stopLossPrice,
    String stopLossTrigger,
    BigDecimal buyOpenOrderNotional,
    BigDecimal sellOpenOrderNotional,
    BigDecimal indexPrice,
    BigDecimal markPrice) {
}
