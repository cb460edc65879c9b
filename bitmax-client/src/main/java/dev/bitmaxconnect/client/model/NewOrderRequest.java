package dev.bitmaxconnect.client.model;

import dev.bitmaxconnect.client.order.OrderIds;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A new order, for REST (single or batch) and WebSocket. {@code time} may be left null: the client then
 * stamps it when sending; set it yourself to know the orderId in advance ({@link OrderIds#predict}).
 */
public record NewOrderRequest(
    String id,
    Long time,
    String symbol,
    BigDecimal price,
    BigDecimal orderQty,
    OrderType orderType,
    Side side,
    RespInst respInst,
    Boolean postOnly,
    BigDecimal stopPrice,
    TimeInForce timeInForce,
    ExecInst execInst,
    BigDecimal posStopLossPrice,
    BigDecimal posTakeProfitPrice) {

    public NewOrderRequest {
        if (id != null) {
            OrderIds.requireValidClientId(id);
        }
        requireText(symbol, "symbol");
        Objects.requireNonNull(orderQty, "orderQty");
        if (orderQty.signum() <= 0) {
            throw new IllegalArgumentException("orderQty must be positive, was " + orderQty.toPlainString());
        }
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(side, "side");
        if (time != null && time <= 0) {
            throw new IllegalArgumentException("time must be positive milliseconds, was " + time);
        }
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'");
        }
    }

    /** This request with {@code time} set. */
    public NewOrderRequest withTime(long newTime) {
        return new NewOrderRequest(id, newTime, symbol, price, orderQty, orderType, side, respInst, postOnly,
            stopPrice, timeInForce, execInst, posStopLossPrice, posTakeProfitPrice);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A limit order: the common case. */
    public static NewOrderRequest limit(String id, String symbol, Side side, BigDecimal price, BigDecimal qty) {
        return builder().id(id).symbol(symbol).side(side).orderType(OrderType.LIMIT).price(price).orderQty(qty).build();
    }

    /** Builder of {@link NewOrderRequest}. */
    public static final class Builder {
        private String id;
        private Long time;
        private String symbol;
        private BigDecimal price;
        private BigDecimal orderQty;
        private OrderType orderType;
        private Side side;
        private RespInst respInst;
        private Boolean postOnly;
        private BigDecimal stopPrice;
        private TimeInForce timeInForce;
        private ExecInst execInst;
        private BigDecimal posStopLossPrice;
        private BigDecimal posTakeProfitPrice;

        private Builder() {
        }

        public Builder id(String id) { this.id = id; return this; }
        public Builder time(Long time) { this.time = time; return this; }
        public Builder symbol(String symbol) { this.symbol = symbol; return this; }
        public Builder price(BigDecimal price) { this.price = price; return this; }
        public Builder price(String price) { this.price = new BigDecimal(price); return this; }
        public Builder orderQty(BigDecimal orderQty) { this.orderQty = orderQty; return this; }
        public Builder orderQty(String orderQty) { this.orderQty = new BigDecimal(orderQty); return this; }
        public Builder orderType(OrderType orderType) { this.orderType = orderType; return this; }
        public Builder side(Side side) { this.side = side; return this; }
        public Builder respInst(RespInst respInst) { this.respInst = respInst; return this; }
        public Builder postOnly(Boolean postOnly) { this.postOnly = postOnly; return this; }
        public Builder stopPrice(BigDecimal stopPrice) { this.stopPrice = stopPrice; return this; }
        public Builder timeInForce(TimeInForce timeInForce) { this.timeInForce = timeInForce; return this; }
        public Builder execInst(ExecInst execInst) { this.execInst = execInst; return this; }
        public Builder posStopLossPrice(BigDecimal p) { this.posStopLossPrice = p; return this; }
        public Builder posTakeProfitPrice(BigDecimal p) { this.posTakeProfitPrice = p; return this; }

        public NewOrderRequest build() {
            return new NewOrderRequest(id, time, symbol, price, orderQty, orderType, side, respInst, postOnly,
                stopPrice, timeInForce, execInst, posStopLossPrice, posTakeProfitPrice);
        }
    }
}
