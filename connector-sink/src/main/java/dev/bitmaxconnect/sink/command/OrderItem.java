package dev.bitmaxconnect.sink.command;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order to place: every order field of the reference's New Order request. Enum fields hold the
 * reference's table spelling; decimals are exact.
 *
 * @param id the client order id given by the command, or null (the sink then derives one)
 */
public record OrderItem(
        String id,
        String symbol,
        String side,
        String orderType,
        BigDecimal price,
        BigDecimal orderQty,
        BigDecimal stopPrice,
        String timeInForce,
        Boolean postOnly,
        String execInst,
        String respInst,
        BigDecimal posStopLossPrice,
        BigDecimal posTakeProfitPrice) {

    /** Whether the order type needs a limit price ({@code Limit}, {@code StopLimit}). */
    public boolean needsPrice() {
        return "Limit".equals(orderType) || "StopLimit".equals(orderType);
    }

    /** Whether the order type needs a stop price ({@code StopLimit}, {@code StopMarket}). */
    public boolean needsStopPrice() {
        return "StopLimit".equals(orderType) || "StopMarket".equals(orderType);
    }

    @Override
    public String toString() {
        return "OrderItem{" + Objects.toString(id, "-") + " " + side + " " + orderQty + " " + symbol + " "
                + orderType + (price == null ? "" : " @ " + price.toPlainString()) + "}";
    }
}
