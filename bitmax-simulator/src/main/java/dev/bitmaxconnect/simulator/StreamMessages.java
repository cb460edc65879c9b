package dev.bitmaxconnect.simulator;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** Builds the text of stream messages, with the field names of the reference's examples. */
final class StreamMessages {

    private StreamMessages() {
    }

    static String orderReport(Order o, long sn, long now) {
        Contract c = o.contract;
        StringBuilder sb = new StringBuilder(512).append('{');
        JsonText.field(sb, "m", "futures-order");
        JsonText.field(sb, "sn", sn);
        JsonText.field(sb, "e", "ExecutionReport");
        JsonText.field(sb, "a", o.account.id());
        JsonText.field(sb, "ac", "FUTURES");
        JsonText.field(sb, "t", o.lastExecTime);
        JsonText.field(sb, "ct", o.createTime);
        JsonText.field(sb, "orderId", o.orderId);
        JsonText.field(sb, "sd", o.side.wire);
        JsonText.field(sb, "ot", o.type.wire);
        JsonText.field(sb, "q", c.qtyText(o.qtyLots));
        JsonText.field(sb, "p", o.type.hasLimitPrice() ? c.priceText(o.priceTicks) : "0");
        JsonText.field(sb, "sp", o.type.isStop() ? c.priceText(o.stopTicks) : "0");
        JsonText.field(sb, "spb", o.type.isStop() ? "market" : "");
        JsonText.field(sb, "s", c.symbol);
        JsonText.field(sb, "st", o.status);
        JsonText.field(sb, "lp", o.lastQtyLots == 0 ? "0" : c.priceText(o.lastPxTicks));
        JsonText.field(sb, "lq", c.qtyText(o.lastQtyLots));
        JsonText.field(sb, "ap", DecimalText.plain(o.avgFilledPrice()));
        JsonText.field(sb, "cfq", c.qtyText(o.filledLots));
        JsonText.field(sb, "f", DecimalText.plain(o.lastFee));
        JsonText.field(sb, "cf", DecimalText.plain(o.cumFee));
        JsonText.field(sb, "fa", "USDT");
        JsonText.field(sb, "ei", o.execInst);
        JsonText.field(sb, "err", o.errorCode);
        return sb.append('}').toString();
    }

    /** futures-account-update; call under the account's lock. */
    static String accountUpdate(Account account, Collection<Position> positions, long sn, String requestId,
                                PriceBoard prices, long now) {
        StringBuilder sb = new StringBuilder(768).append('{');
        JsonText.field(sb, "m", "futures-account-update");
        JsonText.field(sb, "e", "ExecutionReport");
        JsonText.field(sb, "t", now);
        JsonText.field(sb, "acc", account.id());
        JsonText.field(sb, "at", "FUTURES");
        JsonText.field(sb, "sn", sn);
        JsonText.field(sb, "id", requestId);
        appendCollateralsAndPositions(sb, account, positions, prices);
        return sb.append('}').toString();
    }

    /** futures-account-snapshot; call under the account's lock. */
    static String accountSnapshot(Account account, String requestId, PriceBoard prices, long now) {
        StringBuilder sb = new StringBuilder(1024).append('{');
        JsonText.field(sb, "m", "futures-account-snapshot");
        JsonText.field(sb, "id", requestId);
        JsonText.field(sb, "e", "ClientRequest");
        JsonText.field(sb, "t", now);
        JsonText.field(sb, "acc", account.id());
        JsonText.field(sb, "ac", "FUTURES");
        JsonText.field(sb, "sn", account.currentSn());
        appendCollateralsAndPositions(sb, account, account.positions.values(), prices);
        return sb.append('}').toString();
    }

    private static void appendCollateralsAndPositions(StringBuilder sb, Account account,
                                                      Collection<Position> positions, PriceBoard prices) {
        sb.append(",\"col\":[");
        boolean first = true;
        for (Map.Entry<String, BigDecimal> balance : account.balances.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append('{');
            JsonText.field(sb, "a", balance.getKey());
            JsonText.field(sb, "b", DecimalText.plain(balance.getValue()));
            JsonText.field(sb, "f", DecimalText.plain(prices.discountFactor(balance.getKey())));
            sb.append('}');
        }
        sb.append("],\"pos\":[");
        first = true;
        for (Position p : positions) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            BigDecimal mark = prices.markPrice(p.contract.symbol);
            sb.append('{');
            JsonText.field(sb, "s", p.contract.symbol);
            JsonText.field(sb, "sd", p.sideText());
            JsonText.field(sb, "pos", DecimalText.plain(p.qty));
            JsonText.field(sb, "rc", DecimalText.plain(p.referenceCost()));
            JsonText.field(sb, "up", DecimalText.plain(p.unrealizedPnl(mark)));
            JsonText.field(sb, "rp", DecimalText.plain(p.realizedPnl));
            JsonText.field(sb, "aop", DecimalText.plain(p.avgOpenPrice));
            JsonText.field(sb, "boon", DecimalText.plain(p.buyOpenOrderNotional));
            JsonText.field(sb, "soon", DecimalText.plain(p.sellOpenOrderNotional));
            JsonText.field(sb, "mt", p.marginTypeText());
            JsonText.field(sb, "iw", DecimalText.plain(p.isolatedMargin));
            JsonText.field(sb, "lev", Integer.toString(p.leverage));
            JsonText.field(sb, "tp", "0");
            JsonText.field(sb, "tpt", "market");
            JsonText.field(sb, "sl", "0");
            JsonText.field(sb, "slt", "market");
            sb.append('}');
        }
        sb.append(']');
    }

    static String pricing(PriceBoard prices) {
        StringBuilder sb = new StringBuilder(768).append("{\"m\":\"futures-pricing-data\",\"con\":[");
        boolean first = true;
        for (Map.Entry<String, MarketState> entry : prices.markets.entrySet()) {
            MarketState state = entry.getValue();
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append('{');
            JsonText.field(sb, "s", entry.getKey());
            JsonText.field(sb, "t", state.time);
            JsonText.field(sb, "mp", DecimalText.plain(state.markPrice));
            JsonText.field(sb, "ip", DecimalText.plain(state.indexPrice));
            JsonText.field(sb, "r", DecimalText.plain(state.fundingRate));
            JsonText.field(sb, "f", state.nextFundingTime);
            sb.append('}');
        }
        sb.append("],\"col\":[");
        first = true;
        for (CollateralAsset asset : prices.collaterals) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append('{');
            JsonText.field(sb, "a", asset.asset());
            JsonText.field(sb, "p", DecimalText.plain(prices.referencePrice(asset)));
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    static String bar(Contract contract, BarSeries bar) {
        StringBuilder sb = new StringBuilder(192).append("{\"m\":\"bar\",\"s\":\"").append(contract.symbol)
                .append("\",\"data\":{\"i\":\"").append(bar.interval).append("\",\"ts\":").append(bar.start)
                .append(",\"o\":\"");
        contract.appendPrice(sb, bar.open);
        sb.append("\",\"c\":\"");
        contract.appendPrice(sb, bar.close);
        sb.append("\",\"h\":\"");
        contract.appendPrice(sb, bar.high);
        sb.append("\",\"l\":\"");
        contract.appendPrice(sb, bar.low);
        sb.append("\",\"v\":\"");
        contract.appendQty(sb, bar.volumeLots);
        return sb.append("\"}}").toString();
    }

    static String error(String id, int code, String reason, String info) {
        StringBuilder sb = new StringBuilder(160).append('{');
        JsonText.field(sb, "m", "error");
        JsonText.field(sb, "id", id == null ? "" : id);
        JsonText.field(sb, "code", code);
        JsonText.field(sb, "reason", reason);
        JsonText.field(sb, "info", info);
        return sb.append('}').toString();
    }
}
