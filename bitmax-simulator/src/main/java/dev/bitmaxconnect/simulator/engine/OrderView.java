package dev.bitmaxconnect.simulator.engine;

/** An order's state at one moment, with every value already in its wire text. */
public record OrderView(String orderId, String clientId, String accountId, String symbol, String side, String orderType,
                 String price, String orderQty, String stopPrice, String status, long time, long lastExecTime,
                 String lastPx, String lastQty, String avgFilledPx, String cumFilledQty, String fee, String cumFee,
                 String execInst, String errorCode, long seqNum, boolean executed) {

    /** A stop order (triggered by the mark price). */
    public boolean isStop() {
        return orderType.equals(OrderType.STOP_LIMIT.wire) || orderType.equals(OrderType.STOP_MARKET.wire);
    }

    public OrderView withSeqNum(long value) {
        return new OrderView(orderId, clientId, accountId, symbol, side, orderType, price, orderQty, stopPrice, status,
                time, lastExecTime, lastPx, lastQty, avgFilledPx, cumFilledQty, fee, cumFee, execInst, errorCode,
                value, executed);
    }
}
