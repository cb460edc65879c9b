package dev.bitmaxconnect.client.model;

import dev.bitmaxconnect.client.order.OrderIds;

/** Cancels one order by its orderId. {@code time} null means the client stamps it when sending. */
public record CancelOrderRequest(String id, String orderId, String symbol, Long time, RespInst respInst) {

    public CancelOrderRequest {
        if (id != null) {
            OrderIds.requireValidClientId(id);
        }
        NewOrderRequest.requireText(orderId, "orderId");
        NewOrderRequest.requireText(symbol, "symbol");
    }

    public static CancelOrderRequest of(String orderId, String symbol) {
        return new CancelOrderRequest(null, orderId, symbol, null, null);
    }

    public static CancelOrderRequest of(String id, String orderId, String symbol) {
        return new CancelOrderRequest(id, orderId, symbol, null, null);
    }

    public CancelOrderRequest withTime(long newTime) {
        return new CancelOrderRequest(id, orderId, symbol, newTime, respInst);
    }
}
