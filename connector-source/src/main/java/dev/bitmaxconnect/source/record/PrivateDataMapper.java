package dev.bitmaxconnect.source.record;

import static dev.bitmaxconnect.source.record.MarketDataMapper.require;
import static dev.bitmaxconnect.source.record.MarketDataMapper.time;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.kafka.connect.data.Struct;

import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.model.WireEnum;
import dev.bitmaxconnect.client.stream.StreamMessage;

/** Maps the private channels' messages (order reports, account updates and snapshots) and REST order states to record values. */
public final class PrivateDataMapper {
    public static final String SOURCE_STREAM = "stream";
    public static final String SOURCE_RECOVERY = "recovery";

    private final RecordSchemas schemas;
    private final DecimalFormat decimals;

    public PrivateDataMapper(RecordSchemas schemas, DecimalFormat decimals) {
        this.schemas = schemas;
        this.decimals = decimals;
    }

    /** An execution report of the order channel. */
    public Struct order(StreamMessage.OrderReport report) {
        String type = "futures-order";
        return new Struct(schemas.order())
                .put("accountId", require(type, "a", report.accountId()))
                .put("ac", text(report.ac()))
                .put("seqNum", require(type, "sn", report.sn()))
                .put("orderId", require(type, "orderId", report.orderId()))
                .put("symbol", report.symbol())
                .put("side", text(report.side()))
                .put("orderType", text(report.orderType()))
                .put("price", decimals.value(report.price()))
                .put("orderQty", decimals.value(report.orderQty()))
                .put("stopPrice", decimals.value(report.stopPrice()))
                .put("stopBy", report.stopBy())
                .put("status", text(report.status()))
                .put("time", report.createTime() == null ? null : new Date(report.createTime()))
                .put("lastExecTime", time(type, "t", report.lastExecTime()))
                .put("lastPx", decimals.value(report.lastPx()))
                .put("lastQty", decimals.value(report.lastQty()))
                .put("avgFilledPx", decimals.value(report.avgPx()))
                .put("cumFilledQty", decimals.value(report.cumFilledQty()))
                .put("fee", decimals.value(report.fee()))
                .put("cumFee", decimals.value(report.cumFee()))
                .put("feeAsset", report.feeAsset())
                .put("execInst", text(report.execInst()))
                .put("errorCode", report.error())
                .put("source", SOURCE_STREAM);
    }

    /** The time of an order state read over REST: its last execution, or its creation when it has none. */
    public static Long lastExecTime(OrderInfo order) {
        return order.lastExecTime() != null ? order.lastExecTime() : order.time();
    }

    /** An order state read over REST (open orders, current history) while recovering the private stream. */
    public Struct order(OrderInfo order) {
        String type = "order (REST)";
        Long lastExecTime = lastExecTime(order);
        return new Struct(schemas.order())
                .put("accountId", require(type, "accountId", order.accountId()))
                .put("ac", text(order.ac()))
                .put("seqNum", require(type, "seqNum", order.seqNum()))
                .put("orderId", require(type, "orderId", order.orderId()))
                .put("symbol", order.symbol())
                .put("side", text(order.side()))
                .put("orderType", text(order.orderType()))
                .put("price", decimals.value(order.price()))
                .put("orderQty", decimals.value(order.orderQty()))
                .put("stopPrice", decimals.value(order.stopPrice()))
                .put("stopBy", order.stopBy())
                .put("status", text(order.status()))
                .put("time", order.time() == null ? null : new Date(order.time()))
                .put("lastExecTime", time(type, "lastExecTime", lastExecTime))
                .put("lastPx", decimals.value(order.lastPx()))
                .put("lastQty", decimals.value(order.lastQty()))
                .put("avgFilledPx", decimals.value(order.avgFilledPx()))
                .put("cumFilledQty", decimals.value(order.cumFilledQty()))
                .put("fee", decimals.value(order.fee()))
                .put("cumFee", decimals.value(order.cumFee()))
                .put("feeAsset", order.feeAsset())
                .put("execInst", text(order.execInst()))
                .put("errorCode", order.errorCode())
                .put("source", SOURCE_RECOVERY);
    }

    public Struct accountUpdate(StreamMessage.AccountUpdate update) {
        String type = "futures-account-update";
        return account(require(type, "acc", update.accountId()), text(update.accountType()),
                require(type, "sn", update.sn()), update.event(), time(type, "t", update.time()).getTime(),
                update.requestId(), false, update.collaterals(), update.positions());
    }

    public Struct accountSnapshot(StreamMessage.AccountSnapshot snapshot) {
        String type = "futures-account-snapshot";
        return account(require(type, "acc", snapshot.accountId()), text(snapshot.ac()),
                require(type, "sn", snapshot.sn()), snapshot.event(), time(type, "t", snapshot.time()).getTime(),
                snapshot.id(), true, snapshot.collaterals(), snapshot.positions());
    }

    private Struct account(String accountId, String accountType, long sn, String event, long time, String requestId,
            boolean snapshot, List<StreamMessage.CollateralBalance> collaterals, List<StreamMessage.PositionState> positions) {
        List<Struct> balanceStructs = new ArrayList<>();
        if (collaterals != null) {
            for (StreamMessage.CollateralBalance balance : collaterals) {
                require("account", "col", balance);
                balanceStructs.add(new Struct(schemas.collateralBalance())
                        .put("asset", require("account", "col.a", balance.asset()))
                        .put("balance", decimals.value(balance.balance()))
                        .put("discountFactor", decimals.value(balance.discountFactor())));
            }
        }
        List<Struct> positionStructs = new ArrayList<>();
        if (positions != null) {
            for (StreamMessage.PositionState p : positions) {
                require("account", "pos", p);
                positionStructs.add(new Struct(schemas.position())
                        .put("symbol", require("account", "pos.s", p.symbol()))
                        .put("side", text(p.side()))
                        .put("position", decimals.value(p.position()))
                        .put("referenceCost", decimals.value(p.referenceCost()))
                        .put("unrealizedPnl", decimals.value(p.unrealizedPnl()))
                        .put("realizedPnl", decimals.value(p.realizedPnl()))
                        .put("avgOpenPrice", decimals.value(p.avgOpenPrice()))
                        .put("buyOpenOrderNotional", decimals.value(p.buyOpenOrderNotional()))
                        .put("sellOpenOrderNotional", decimals.value(p.sellOpenOrderNotional()))
                        .put("marginType", text(p.marginType()))
                        .put("isolatedMargin", decimals.value(p.isolatedMargin()))
                        .put("leverage", decimals.value(p.leverage()))
                        .put("takeProfitPrice", decimals.value(p.takeProfitPrice()))
                        .put("takeProfitTrigger", p.takeProfitTrigger())
                        .put("stopLossPrice", decimals.value(p.stopLossPrice()))
                        .put("stopLossTrigger", p.stopLossTrigger()));
            }
        }
        return new Struct(schemas.accountUpdate())
                .put("accountId", accountId)
                .put("accountType", accountType)
                .put("seqNum", sn)
                .put("event", event)
                .put("time", new Date(time))
                .put("requestId", requestId)
                .put("snapshot", snapshot)
                .put("collaterals", balanceStructs)
                .put("positions", positionStructs);
    }

    /** The exchange's own spelling of an enum value, unknown values included. */
    private static String text(WireEnum<?> value) {
        return value == null ? null : value.raw();
    }
}
