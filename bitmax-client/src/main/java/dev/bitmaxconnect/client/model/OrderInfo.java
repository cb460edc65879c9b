package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** An order as REST returns it (new order, cancel, open orders, history, status); absent fields are null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderInfo(
    AccountCategory ac,
    String accountId,
    Long seqNum,
    Long time,
    String orderId,
    OrderType orderType,
    Side side,
    String symbol,
    BigDecimal price,
    BigDecimal orderQty,
    BigDecimal stopPrice,
    String stopBy,
    OrderStatus status,
    Long lastExecTime,
    BigDecimal lastPx,
    BigDecimal lastQty,
    BigDecimal avgFilledPx,
    BigDecimal cumFilledQty,
    BigDecimal fee,
    BigDecimal cumFee,
    String feeAsset,
    String errorCode,
    ExecInst execInst,
    BigDecimal posStopLossPrice,
    String posStopLossTrigger,
    BigDecimal posTakeProfitPrice,
    String posTakeProfitTrigger) {
}
