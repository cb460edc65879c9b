package dev.bitmaxconnect.simulator.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An order inside the engine; mutable, guarded by its book's lock. */
public final class Order {

    final String orderId;
    final String clientId;
    final Account account;
    final Contract contract;
    final Side side;
    final OrderType type;
    /** Limit price in ticks (0 for market orders). */
    final long priceTicks;
    /** Stop price in ticks (0 unless a stop order). */
    final long stopTicks;
    final long qtyLots;
    final TimeInForce timeInForce;
    final boolean postOnly;
    final boolean reduceOnly;
    final String execInst;
    final long createTime;
    final long seqNum;

    long filledLots;
    /** Lots resting in the book (0 when not resting). */
    long restingLots;
    boolean triggered;
    String status = "New";
    long lastExecTime;
    long lastPxTicks;
    long lastQtyLots;
    BigDecimal filledNotional = BigDecimal.ZERO;
    BigDecimal lastFee = BigDecimal.ZERO;
    BigDecimal cumFee = BigDecimal.ZERO;
    String errorCode = "";

    Order(String orderId, String clientId, Account account, Contract contract, Side side, OrderType type,
          long priceTicks, long stopTicks, long qtyLots, TimeInForce timeInForce, boolean postOnly,
          boolean reduceOnly, String execInst, long createTime, long seqNum) {
        this.orderId = orderId;
        this.clientId = clientId;
        this.account = account;
        this.contract = contract;
        this.side = side;
        this.type = type;
        this.priceTicks = priceTicks;
        this.stopTicks = stopTicks;
        this.qtyLots = qtyLots;
        this.timeInForce = timeInForce;
        this.postOnly = postOnly;
        this.reduceOnly = reduceOnly;
        this.execInst = execInst;
        this.createTime = createTime;
        this.lastExecTime = createTime;
        this.seqNum = seqNum;
    }

    public String orderId() {
        return orderId;
    }

    public Account account() {
        return account;
    }

    /** The order's place in the order of acceptance, reported as {@code seqNum}. */
    public long seqNum() {
        return seqNum;
    }

    long remainingLots() {
        return qtyLots - filledLots;
    }

    boolean isOpen() {
        return status.equals("New") || status.equals("PartiallyFilled");
    }

    /** Trades as a market order: a market order, or a triggered stop-market. */
    boolean isMarket() {
        return type == OrderType.MARKET || type == OrderType.STOP_MARKET;
    }

    BigDecimal avgFilledPrice() {
        if (filledLots == 0) {
            return BigDecimal.ZERO;
        }
        return filledNotional.divide(contract.qty(filledLots), 9, RoundingMode.HALF_EVEN);
    }

    /** An immutable copy of the order's state, taken under the book lock. */
    public OrderView view(long reportedSeqNum) {
        return new OrderView(orderId, clientId, account.id(), contract.symbol(), side.wire, type.wire,
                type.hasLimitPrice() ? contract.priceText(priceTicks) : "0",
                contract.qtyText(qtyLots),
                type.isStop() ? contract.priceText(stopTicks) : "0",
                status, createTime, lastExecTime,
                lastQtyLots == 0 ? "0" : contract.priceText(lastPxTicks), contract.qtyText(lastQtyLots),
                DecimalText.plain(avgFilledPrice()), contract.qtyText(filledLots), DecimalText.plain(lastFee),
                DecimalText.plain(cumFee), execInst, errorCode, reportedSeqNum, filledLots > 0);
    }
}
