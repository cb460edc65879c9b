package dev.bitmaxconnect.simulator.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bitmaxconnect.simulator.engine.AccountUpdate;
import dev.bitmaxconnect.simulator.engine.Bar;
import dev.bitmaxconnect.simulator.engine.CollateralAsset;
import dev.bitmaxconnect.simulator.engine.CollateralBalance;
import dev.bitmaxconnect.simulator.engine.Contract;
import dev.bitmaxconnect.simulator.engine.DecimalText;
import dev.bitmaxconnect.simulator.engine.Depth;
import dev.bitmaxconnect.simulator.engine.MarketState;
import dev.bitmaxconnect.simulator.engine.OrderView;
import dev.bitmaxconnect.simulator.engine.PositionView;
import dev.bitmaxconnect.simulator.engine.PriceBoard;
import dev.bitmaxconnect.simulator.engine.PriceLevel;
import dev.bitmaxconnect.simulator.engine.Trade;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The text of every stream message, with the field names and order of the reference's examples. */
final class StreamMessages {

    private static final JsonFactory JSON = new JsonFactory();

    /** Writes the fields of one JSON object. */
    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator gen) throws IOException;
    }

    private StreamMessages() {
    }

    // ---- private channels --------------------------------------------------------------------------------------

    static String orderReport(OrderView o, long sn) {
        return object(gen -> {
            gen.writeStringField("m", "futures-order");
            gen.writeNumberField("sn", sn);
            gen.writeStringField("e", "ExecutionReport");
            gen.writeStringField("a", o.accountId());
            gen.writeStringField("ac", "FUTURES");
            gen.writeNumberField("t", o.lastExecTime());
            gen.writeNumberField("ct", o.time());
            gen.writeStringField("orderId", o.orderId());
            gen.writeStringField("sd", o.side());
            gen.writeStringField("ot", o.orderType());
            gen.writeStringField("q", o.orderQty());
            gen.writeStringField("p", o.price());
            gen.writeStringField("sp", o.stopPrice());
            gen.writeStringField("spb", o.isStop() ? "market" : "");
            gen.writeStringField("s", o.symbol());
            gen.writeStringField("st", o.status());
            gen.writeStringField("lp", o.lastPx());
            gen.writeStringField("lq", o.lastQty());
            gen.writeStringField("ap", o.avgFilledPx());
            gen.writeStringField("cfq", o.cumFilledQty());
            gen.writeStringField("f", o.fee());
            gen.writeStringField("cf", o.cumFee());
            gen.writeStringField("fa", "USDT");
            gen.writeStringField("ei", o.execInst());
            gen.writeStringField("err", o.errorCode());
        });
    }

    static String accountUpdate(AccountUpdate update) {
        return object(gen -> {
            gen.writeStringField("m", "futures-account-update");
            gen.writeStringField("e", "ExecutionReport");
            gen.writeNumberField("t", update.time());
            gen.writeStringField("acc", update.accountId());
            gen.writeStringField("at", "FUTURES");
            gen.writeNumberField("sn", update.sn());
            gen.writeStringField("id", update.requestId());
            collateralAndPositions(gen, update);
        });
    }

    static String accountSnapshot(AccountUpdate snapshot) {
        return object(gen -> {
            gen.writeStringField("m", "futures-account-snapshot");
            gen.writeStringField("id", snapshot.requestId());
            gen.writeStringField("e", "ClientRequest");
            gen.writeNumberField("t", snapshot.time());
            gen.writeStringField("acc", snapshot.accountId());
            gen.writeStringField("ac", "FUTURES");
            gen.writeNumberField("sn", snapshot.sn());
            collateralAndPositions(gen, snapshot);
        });
    }

    private static void collateralAndPositions(JsonGenerator gen, AccountUpdate update) throws IOException {
        gen.writeArrayFieldStart("col");
        for (CollateralBalance balance : update.collateral()) {
            gen.writeStartObject();
            gen.writeStringField("a", balance.asset());
            decimal(gen, "b", balance.balance());
            decimal(gen, "f", balance.discountFactor());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("pos");
        for (PositionView p : update.positions()) {
            gen.writeStartObject();
            gen.writeStringField("s", p.symbol());
            gen.writeStringField("sd", p.side());
            decimal(gen, "pos", p.qty());
            decimal(gen, "rc", p.referenceCost());
            decimal(gen, "up", p.unrealizedPnl());
            decimal(gen, "rp", p.realizedPnl());
            decimal(gen, "aop", p.avgOpenPrice());
            decimal(gen, "boon", p.buyOpenOrderNotional());
            decimal(gen, "soon", p.sellOpenOrderNotional());
            gen.writeStringField("mt", p.marginType());
            decimal(gen, "iw", p.isolatedMargin());
            gen.writeStringField("lev", Integer.toString(p.leverage()));
            gen.writeStringField("tp", "0");
            gen.writeStringField("tpt", "market");
            gen.writeStringField("sl", "0");
            gen.writeStringField("slt", "market");
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    // ---- public channels ---------------------------------------------------------------------------------------

    static String trades(Contract contract, List<Trade> trades) {
        return object(gen -> {
            gen.writeStringField("m", "trades");
            gen.writeStringField("symbol", contract.symbol());
            gen.writeArrayFieldStart("data");
            for (Trade trade : trades) {
                gen.writeStartObject();
                gen.writeStringField("p", contract.priceText(trade.priceTicks()));
                gen.writeStringField("q", contract.qtyText(trade.lots()));
                gen.writeNumberField("ts", trade.time());
                gen.writeBooleanField("bm", trade.buyerIsMaker());
                gen.writeNumberField("seqnum", trade.seqnum());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        });
    }

    /** A depth change ({@code depth}) or the whole book ({@code depth-snapshot}). */
    static String depth(String type, Depth depth) {
        Contract contract = depth.contract();
        return object(gen -> {
            gen.writeStringField("m", type);
            gen.writeStringField("symbol", contract.symbol());
            gen.writeObjectFieldStart("data");
            gen.writeNumberField("ts", depth.time());
            gen.writeNumberField("seqnum", depth.seqnum());
            gen.writeArrayFieldStart("asks");
            for (PriceLevel level : depth.asks()) {
                level(gen, contract, level);
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("bids");
            for (PriceLevel level : depth.bids()) {
                level(gen, contract, level);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        });
    }

    static String bbo(Contract contract, PriceLevel bid, PriceLevel ask, long now) {
        return object(gen -> {
            gen.writeStringField("m", "bbo");
            gen.writeStringField("symbol", contract.symbol());
            gen.writeObjectFieldStart("data");
            gen.writeNumberField("ts", now);
            gen.writeFieldName("bid");
            level(gen, contract, bid);
            gen.writeFieldName("ask");
            level(gen, contract, ask);
            gen.writeEndObject();
        });
    }

    /** {@code ["price","qty"]}, or {@code []} for an empty side. */
    private static void level(JsonGenerator gen, Contract contract, PriceLevel level) throws IOException {
        gen.writeStartArray();
        if (level != null) {
            gen.writeString(contract.priceText(level.priceTicks()));
            gen.writeString(contract.qtyText(level.lots()));
        }
        gen.writeEndArray();
    }

    static String bar(Contract contract, Bar bar) {
        return object(gen -> {
            gen.writeStringField("m", "bar");
            gen.writeStringField("s", contract.symbol());
            gen.writeObjectFieldStart("data");
            gen.writeStringField("i", bar.interval());
            gen.writeNumberField("ts", bar.start());
            gen.writeStringField("o", contract.priceText(bar.open()));
            gen.writeStringField("c", contract.priceText(bar.close()));
            gen.writeStringField("h", contract.priceText(bar.high()));
            gen.writeStringField("l", contract.priceText(bar.low()));
            gen.writeStringField("v", contract.qtyText(bar.volumeLots()));
            gen.writeEndObject();
        });
    }

    static String pricing(PriceBoard prices) {
        return object(gen -> {
            gen.writeStringField("m", "futures-pricing-data");
            gen.writeArrayFieldStart("con");
            for (Map.Entry<String, MarketState> entry : prices.markets().entrySet()) {
                MarketState state = entry.getValue();
                gen.writeStartObject();
                gen.writeStringField("s", entry.getKey());
                gen.writeNumberField("t", state.time());
                decimal(gen, "mp", state.markPrice());
                decimal(gen, "ip", state.indexPrice());
                decimal(gen, "r", state.fundingRate());
                gen.writeNumberField("f", state.nextFundingTime());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("col");
            for (CollateralAsset asset : prices.collaterals()) {
                gen.writeStartObject();
                gen.writeStringField("a", asset.asset());
                decimal(gen, "p", prices.referencePrice(asset));
                gen.writeEndObject();
            }
            gen.writeEndArray();
        });
    }

    // ---- session and request answers ---------------------------------------------------------------------------

    static String connected(boolean authenticated) {
        return object(gen -> gen.writeStringField("type", authenticated ? "auth" : "unauth"), "connected");
    }

    static String ping(int healthPoints) {
        return object(gen -> gen.writeNumberField("hp", healthPoints), "ping");
    }

    static String pong(long now, int healthPoints) {
        return object(gen -> {
            gen.writeNumberField("code", 0);
            gen.writeNumberField("ts", now);
            gen.writeNumberField("hp", healthPoints);
        }, "pong");
    }

    static String disconnected(int code, String reason, String info) {
        return object(gen -> {
            gen.writeNumberField("code", code);
            gen.writeStringField("reason", reason);
            gen.writeStringField("info", info);
        }, "disconnected");
    }

    static String error(String id, int code, String reason, String info) {
        return object(gen -> {
            gen.writeStringField("id", id == null ? "" : id);
            gen.writeNumberField("code", code);
            gen.writeStringField("reason", reason);
            gen.writeStringField("info", info);
        }, "error");
    }

    /** The answer to {@code op:auth}: code 0, or the code and {@code err}. */
    static String auth(String id, int code, String err) {
        return object(gen -> {
            gen.writeStringField("id", id == null ? "" : id);
            gen.writeNumberField("code", code);
            if (code != 0) {
                gen.writeStringField("err", err);
            }
        }, "auth");
    }

    /** The answer to {@code op:sub} or {@code op:unsub}; {@code reason} and {@code info} only with an error code. */
    static String subscriptionAck(String op, String id, String channel, int code, String reason, String info) {
        return object(gen -> {
            gen.writeStringField("id", id == null ? "" : id);
            gen.writeStringField("ch", channel == null ? "" : channel);
            gen.writeNumberField("code", code);
            if (code != 0) {
                gen.writeStringField("reason", reason);
                gen.writeStringField("info", info);
            }
        }, op);
    }

    /** The ack of an order action: {@code info} holds orderId (when known) and symbol, or the error. */
    static String orderAck(String action, String id, int code, String orderId, String symbol, String reason,
                           String errorMsg) {
        return object(gen -> {
            gen.writeNumberField("code", code);
            gen.writeStringField("id", id == null ? "" : id);
            gen.writeStringField("action", action);
            gen.writeStringField("ac", "FUTURES");
            gen.writeObjectFieldStart("info");
            if (code == 0) {
                if (orderId != null) {
                    gen.writeStringField("orderId", orderId);
                }
                gen.writeStringField("symbol", symbol);
            } else {
                gen.writeStringField("reason", reason);
                gen.writeStringField("errorMsg", errorMsg);
            }
            gen.writeEndObject();
        }, "order");
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    private static void decimal(JsonGenerator gen, String name, BigDecimal value) throws IOException {
        gen.writeStringField(name, DecimalText.plain(value));
    }

    /** {@code {"m":type, ...fields}}. */
    private static String object(Fields fields, String type) {
        return object(gen -> {
            gen.writeStringField("m", type);
            fields.write(gen);
        });
    }

    private static String object(Fields fields) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            gen.writeStartObject();
            fields.write(gen);
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a stream message", e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
