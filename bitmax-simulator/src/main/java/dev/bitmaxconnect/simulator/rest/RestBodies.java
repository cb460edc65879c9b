package dev.bitmaxconnect.simulator.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.simulator.AccountSpec;
import dev.bitmaxconnect.simulator.engine.Account;
import dev.bitmaxconnect.simulator.engine.AccountUpdate;
import dev.bitmaxconnect.simulator.engine.CollateralAsset;
import dev.bitmaxconnect.simulator.engine.CollateralBalance;
import dev.bitmaxconnect.simulator.engine.Contract;
import dev.bitmaxconnect.simulator.engine.DecimalText;
import dev.bitmaxconnect.simulator.engine.Exchange;
import dev.bitmaxconnect.simulator.engine.FreeMargin;
import dev.bitmaxconnect.simulator.engine.MarginTier;
import dev.bitmaxconnect.simulator.engine.MarketState;
import dev.bitmaxconnect.simulator.engine.OrderView;
import dev.bitmaxconnect.simulator.engine.PositionView;
import dev.bitmaxconnect.simulator.engine.RespInst;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Builds REST response bodies with the field names of the reference's examples. */
final class RestBodies {

    private final ObjectMapper json;
    private final Exchange exchange;

    RestBodies(ObjectMapper json, Exchange exchange) {
        this.json = json;
        this.exchange = exchange;
    }

    ObjectNode ok() {
        return json.createObjectNode().put("code", 0);
    }

    ObjectNode error(int code, String reason, String message) {
        return json.createObjectNode().put("code", code).put("message", message).put("reason", reason);
    }

    ObjectNode contracts() {
        ObjectNode body = ok();
        ArrayNode data = body.putArray("data");
        for (Contract c : exchange.contracts()) {
            ObjectNode item = data.addObject();
            item.put("symbol", c.symbol()).put("status", "Normal").put("displayName", c.displayName())
                    .put("settlementAsset", c.settlementAsset()).put("underlying", c.underlying())
                    .put("tradingStartTime", c.tradingStartTime());
            item.putObject("priceFilter").put("minPrice", DecimalText.plain(c.minPrice()))
                    .put("maxPrice", DecimalText.plain(c.maxPrice())).put("tickSize", DecimalText.plain(c.tickSize()));
            item.putObject("lotSizeFilter").put("minQty", DecimalText.plain(c.minQty()))
                    .put("maxQty", DecimalText.plain(c.maxQty())).put("lotSize", DecimalText.plain(c.lotSize()));
            ArrayNode tiers = item.putArray("marginRequirements");
            for (MarginTier tier : c.tiers()) {
                tiers.addObject().put("positionNotionalLowerbound", DecimalText.plain(tier.lowerBound()))
                        .put("positionNotionalUpperbound", DecimalText.plain(tier.upperBound()))
                        .put("initialMarginRate", DecimalText.plain(tier.initialMarginRate()))
                        .put("maintenanceMarginRate", DecimalText.plain(tier.maintenanceMarginRate()));
            }
        }
        return body;
    }

    ObjectNode collaterals() {
        ObjectNode body = ok();
        ArrayNode data = body.putArray("data");
        for (CollateralAsset asset : exchange.prices().collaterals()) {
            data.addObject().put("asset", asset.asset()).put("assetName", asset.assetName())
                    .put("conversionFactor", DecimalText.plain(asset.conversionFactor()))
                    .put("discountFactor", DecimalText.plain(asset.discountFactor()))
                    .put("displayName", asset.asset()).put("statusCode", asset.statusCode());
        }
        return body;
    }

    ObjectNode pricingData() {
        ObjectNode body = ok();
        ObjectNode data = body.putObject("data");
        ArrayNode contracts = data.putArray("contracts");
        for (Map.Entry<String, MarketState> entry : exchange.prices().markets().entrySet()) {
            MarketState state = entry.getValue();
            contracts.addObject().put("time", state.time()).put("symbol", entry.getKey())
                    .put("markPrice", DecimalText.plain(state.markPrice()))
                    .put("indexPrice", DecimalText.plain(state.indexPrice()))
                    .put("fundingRate", DecimalText.plain(state.fundingRate()))
                    .put("nextFundingTime", state.nextFundingTime());
        }
        ArrayNode collaterals = data.putArray("collaterals");
        for (CollateralAsset asset : exchange.prices().collaterals()) {
            collaterals.addObject().put("asset", asset.asset())
                    .put("referencePrice", DecimalText.plain(exchange.prices().referencePrice(asset)));
        }
        return body;
    }

    ObjectNode accountInfo(Account account) {
        AccountSpec spec = account.spec();
        ObjectNode body = ok();
        ObjectNode data = body.putObject("data");
        data.put("accountGroup", spec.accountGroup()).put("email", spec.email()).put("expireTime", -1L);
        data.putArray("allowedIps");
        data.putArray("cashAccount").add("cash" + spec.futuresAccountId().substring(3));
        data.putArray("marginAccount").add("mar" + spec.futuresAccountId().substring(3));
        data.putArray("futuresAccount").add(spec.futuresAccountId());
        data.put("userUID", spec.userUid()).put("tradePermission", spec.tradePermission())
                .put("transferPermission", spec.transferPermission()).put("viewPermission", spec.viewPermission())
                .put("limitQuota", 1000);
        return body;
    }

    ObjectNode position(AccountUpdate snapshot) {
        ObjectNode body = ok();
        ObjectNode data = body.putObject("data");
        data.put("ac", "FUTURES").put("accountId", snapshot.accountId());
        ArrayNode collaterals = data.putArray("collaterals");
        for (CollateralBalance balance : snapshot.collateral()) {
            collaterals.addObject().put("asset", balance.asset()).put("balance", DecimalText.plain(balance.balance()))
                    .put("discountFactor", DecimalText.plain(balance.discountFactor()))
                    .put("referencePrice", DecimalText.plain(balance.referencePrice()));
        }
        ArrayNode contracts = data.putArray("contracts");
        for (PositionView p : snapshot.positions()) {
            contracts.addObject().put("symbol", p.symbol()).put("side", p.side())
                    .put("position", DecimalText.plain(p.qty()))
                    .put("referenceCost", DecimalText.plain(p.referenceCost()))
                    .put("unrealizedPnl", DecimalText.plain(p.unrealizedPnl()))
                    .put("realizedPnl", DecimalText.plain(p.realizedPnl()))
                    .put("avgOpenPrice", DecimalText.plain(p.avgOpenPrice())).put("marginType", p.marginType())
                    .put("isolatedMargin", DecimalText.plain(p.isolatedMargin()))
                    .put("leverage", Integer.toString(p.leverage())).put("takeProfitPrice", "0")
                    .put("takeProfitTrigger", "market").put("stopLossPrice", "0").put("stopLossTrigger", "market")
                    .put("buyOpenOrderNotional", DecimalText.plain(p.buyOpenOrderNotional()))
                    .put("sellOpenOrderNotional", DecimalText.plain(p.sellOpenOrderNotional()))
                    .put("indexPrice", DecimalText.plain(p.indexPrice()))
                    .put("markPrice", DecimalText.plain(p.markPrice()));
        }
        return body;
    }

    ObjectNode freeMargin(FreeMargin margin) {
        ObjectNode body = ok();
        ObjectNode data = body.putObject("data");
        ArrayNode collaterals = data.putArray("collaterals");
        for (Map.Entry<String, BigDecimal> asset : margin.availableForTransfer().entrySet()) {
            collaterals.addObject().put("asset", asset.getKey())
                    .put("availableForTransfer", DecimalText.plain(asset.getValue()));
        }
        data.putObject("crossed").put("freeMargin", DecimalText.plain(margin.crossed()));
        ArrayNode isolated = data.putArray("isolated");
        for (Map.Entry<String, BigDecimal> position : margin.isolated().entrySet()) {
            isolated.addObject().put("freeMargin", DecimalText.plain(position.getValue()))
                    .put("symbol", position.getKey());
        }
        return body;
    }

    /** An order object; {@code extended} adds the fields of order status and current history. */
    ObjectNode order(OrderView v, boolean extended) {
        ObjectNode o = json.createObjectNode();
        o.put("ac", "FUTURES").put("accountId", v.accountId()).put("seqNum", v.seqNum()).put("time", v.time())
                .put("orderId", v.orderId()).put("orderType", v.orderType()).put("side", v.side())
                .put("symbol", v.symbol()).put("price", v.price()).put("orderQty", v.orderQty())
                .put("stopPrice", v.stopPrice()).put("stopBy", "market").put("status", v.status())
                .put("lastExecTime", v.lastExecTime()).put("lastPx", v.lastPx()).put("lastQty", v.lastQty())
                .put("avgFilledPx", v.avgFilledPx()).put("cumFilledQty", v.cumFilledQty()).put("fee", v.fee())
                .put("cumFee", v.cumFee()).put("feeAsset", "USDT").put("errorCode", v.errorCode());
        if (extended) {
            o.put("execInst", v.execInst()).put("posStopLossPrice", "0").put("posStopLossTrigger", "market")
                    .put("posTakeProfitPrice", "0").put("posTakeProfitTrigger", "market");
        }
        return o;
    }

    ObjectNode orderResult(String action, String clientId, RespInst respInst, OrderView view) {
        ObjectNode body = ok();
        ObjectNode data = body.putObject("data");
        data.putObject("meta").put("action", action).put("id", clientId).put("respInst", respInst.name());
        data.set("order", order(view, false));
        return body;
    }

    ObjectNode batchResult(String action, RespInst respInst, List<ObjectNode> orders) {
        ObjectNode body = ok();
        ObjectNode data = body.putObject("data");
        data.putObject("meta").put("action", action).put("respInst", respInst.name());
        data.putArray("orders").addAll(orders);
        return body;
    }

    ObjectNode batchItem(String clientId, String orderId, String orderType, String symbol, long timestamp) {
        return json.createObjectNode().put("id", clientId).put("orderId", orderId).put("orderType", orderType)
                .put("symbol", symbol).put("timestamp", timestamp);
    }

    ObjectNode orderList(List<OrderView> views, boolean extended) {
        ObjectNode body = ok();
        ArrayNode data = body.putArray("data");
        for (OrderView view : views) {
            data.add(order(view, extended));
        }
        return body;
    }
}
