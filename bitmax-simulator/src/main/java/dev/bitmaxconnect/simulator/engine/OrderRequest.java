package dev.bitmaxconnect.simulator.engine;

import java.math.BigDecimal;

/** A validated order placement, with its orderId already computed. */
public record OrderRequest(
        String orderId,
        String clientId,
        long time,
        Contract contract,
        Side side,
        OrderType type,
        long priceTicks,
        long stopTicks,
        long qtyLots,
        TimeInForce timeInForce,
        boolean postOnly,
        boolean reduceOnly,
        String execInst,
        RespInst respInst,
        BigDecimal price,
        BigDecimal stopPrice,
        BigDecimal qty) {
}
