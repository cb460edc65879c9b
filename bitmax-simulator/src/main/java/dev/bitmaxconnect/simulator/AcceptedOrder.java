package dev.bitmaxconnect.simulator;

import java.math.BigDecimal;

/**
 * An order the simulator accepted, as it was requested.
 *
 * @param clientId the request's {@code id} ("" when none)
 * @param transport {@code REST} or {@code WS}
 * @param price null for market orders
 * @param stopPrice null unless a stop order
 */
public record AcceptedOrder(
        String orderId,
        String clientId,
        String accountId,
        String symbol,
        String side,
        String orderType,
        BigDecimal price,
        BigDecimal stopPrice,
        BigDecimal orderQty,
        String timeInForce,
        String execInst,
        boolean postOnly,
        String transport,
        long requestTime,
        long acceptedAt) {
}
