package dev.bitmaxconnect.source.record;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import dev.bitmaxconnect.client.stream.StreamMessage;

/** Maps public-channel messages (trades, depth, bbo, bar, pricing data) to record values. */
public final class MarketDataMapper {
    /*
     * The fields of the records written once or more per message (trades, depth and their price levels), looked up
     * once: Struct.put by name looks the field up in a map per value, about a tenth of a task's thread at saturation.
     */
    private record TradeFields(Field symbol, Field seqnum, Field price, Field quantity, Field time, Field buyerIsMaker,
            Field gapBefore) {
        static TradeFields of(Schema schema) {
            return new TradeFields(schema.field("symbol"), schema.field("seqnum"), schema.field("price"),
                    schema.field("quantity"), schema.field("time"), schema.field("buyerIsMaker"), schema.field("gapBefore"));
        }
    }

    private record DepthFields(Field symbol, Field seqnum, Field time, Field asks, Field bids, Field snapshot,
            Field gapBefore) {
        static DepthFields of(Schema schema) {
            return new DepthFields(schema.field("symbol"), schema.field("seqnum"), schema.field("time"),
                    schema.field("asks"), schema.field("bids"), schema.field("snapshot"), schema.field("gapBefore"));
        }
    }

    private final RecordSchemas schemas;
    private final DecimalFormat decimals;
    private final TradeFields tradeFields;
    private final DepthFields depthFields;
    private final Field levelPrice;
    private final Field levelSize;

    public MarketDataMapper(RecordSchemas schemas, DecimalFormat decimals) {
        this.schemas = schemas;
        this.decimals = decimals;
        this.tradeFields = TradeFields.of(schemas.trade());
        this.depthFields = DepthFields.of(schemas.depthUpdate());
        this.levelPrice = schemas.priceLevel().field("price");
        this.levelSize = schemas.priceLevel().field("size");
    }

    /** One trade of a trades message. */
    public Struct trade(String symbol, StreamMessage.Trade trade, boolean gapBefore) {
        TradeFields fields = tradeFields;
        return new Struct(schemas.trade())
                .put(fields.symbol(), require("trades", "symbol", symbol))
                .put(fields.seqnum(), require("trades", "seqnum", trade.seqnum()))
                .put(fields.price(), decimals.value(trade.price()))
                .put(fields.quantity(), decimals.value(trade.quantity()))
                .put(fields.time(), time("trades", "ts", trade.ts()))
                .put(fields.buyerIsMaker(), Boolean.TRUE.equals(trade.buyerIsMaker()))
                .put(fields.gapBefore(), gapBefore);
    }

    public Struct depth(StreamMessage.DepthUpdate depth, boolean gapBefore) {
        return depth("depth", depth.symbol(), depth.data(), false).put(depthFields.gapBefore(), gapBefore);
    }

    /** The whole book of a {@code depth-snapshot}, as a depth record with {@code snapshot} true. */
    public Struct depthSnapshot(StreamMessage.DepthSnapshot snapshot) {
        return depth("depth-snapshot", snapshot.symbol(), snapshot.data(), true).put(depthFields.gapBefore(), false);
    }

    private Struct depth(String type, String symbol, StreamMessage.DepthData depthData, boolean snapshot) {
        StreamMessage.DepthData data = require(type, "data", depthData);
        DepthFields fields = depthFields;
        return new Struct(schemas.depthUpdate())
                .put(fields.symbol(), require(type, "symbol", symbol))
                .put(fields.seqnum(), require(type, "seqnum", data.seqnum()))
                .put(fields.time(), time(type, "ts", data.ts()))
                .put(fields.asks(), levels(type, "asks", data.asks()))
                .put(fields.bids(), levels(type, "bids", data.bids()))
                .put(fields.snapshot(), snapshot);
    }

    private List<Struct> levels(String type, String side, List<StreamMessage.PriceLevel> levels) {
        List<Struct> structs = new ArrayList<>(levels == null ? 0 : levels.size());
        if (levels != null) {
            for (StreamMessage.PriceLevel level : levels) {
                require(type, side, level);
                structs.add(new Struct(schemas.priceLevel())
                        .put(levelPrice, decimals.value(level.price()))
                        .put(levelSize, decimals.value(level.size())));
            }
        }
        return structs;
    }

    public Struct bbo(StreamMessage.Bbo bbo) {
        StreamMessage.BboData data = require("bbo", "data", bbo.data());
        StreamMessage.PriceLevel bid = data.bid();
        StreamMessage.PriceLevel ask = data.ask();
        return new Struct(schemas.bbo())
                .put("symbol", require("bbo", "symbol", bbo.symbol()))
                .put("time", time("bbo", "ts", data.ts()))
                .put("bidPrice", bid == null ? null : decimals.value(bid.price()))
                .put("bidSize", bid == null ? null : decimals.value(bid.size()))
                .put("askPrice", ask == null ? null : decimals.value(ask.price()))
                .put("askSize", ask == null ? null : decimals.value(ask.size()));
    }

    public Struct bar(StreamMessage.Bar bar) {
        StreamMessage.BarData data = require("bar", "data", bar.data());
        return new Struct(schemas.bar())
                .put("symbol", require("bar", "s", bar.symbol()))
                .put("interval", require("bar", "i", data.interval()))
                .put("time", time("bar", "ts", data.ts()))
                .put("open", decimals.value(data.open()))
                .put("close", decimals.value(data.close()))
                .put("high", decimals.value(data.high()))
                .put("low", decimals.value(data.low()))
                .put("volume", decimals.value(data.volume()));
    }

    /** A pricing data message; its time is the latest of its contracts' times. */
    public Struct pricing(StreamMessage.PricingData pricing) {
        List<Struct> contracts = new ArrayList<>();
        long time = Long.MIN_VALUE;
        if (pricing.contracts() != null) {
            for (StreamMessage.ContractPrice contract : pricing.contracts()) {
                require("futures-pricing-data", "con", contract);
                long t = time("futures-pricing-data", "con.t", contract.time()).getTime();
                time = Math.max(time, t);
                contracts.add(contractPricing(schemas.contractPricing(), contract.symbol(), t, contract.markPrice(),
                        contract.indexPrice(), contract.fundingRate(), contract.nextFundingTime()));
            }
        }
        if (time == Long.MIN_VALUE) {
            throw new MessageMappingException("futures-pricing-data", "con", null);
        }
        List<Struct> collaterals = new ArrayList<>();
        if (pricing.collaterals() != null) {
            for (StreamMessage.CollateralPrice collateral : pricing.collaterals()) {
                require("futures-pricing-data", "col", collateral);
                collaterals.add(new Struct(schemas.collateralPrice())
                        .put("asset", require("futures-pricing-data", "col.a", collateral.asset()))
                        .put("referencePrice", decimals.value(collateral.referencePrice())));
            }
        }
        return new Struct(schemas.pricingData())
                .put("time", new Date(time))
                .put("contracts", contracts)
                .put("collaterals", collaterals);
    }

    Struct contractPricing(Schema schema, String symbol, long time, java.math.BigDecimal markPrice,
            java.math.BigDecimal indexPrice, java.math.BigDecimal fundingRate, Long nextFundingTime) {
        return new Struct(schema)
                .put("symbol", require("pricing", "symbol", symbol))
                .put("time", time("pricing", "time", time))
                .put("markPrice", decimals.value(markPrice))
                .put("indexPrice", decimals.value(indexPrice))
                .put("fundingRate", decimals.value(fundingRate))
                .put("nextFundingTime", nextFundingTime == null ? null : new Date(nextFundingTime));
    }

    /** A required exchange time; Kafka refuses negative record timestamps, so they are refused here, by name. */
    static Date time(String messageType, String field, Long millis) {
        if (require(messageType, field, millis) < 0) {
            throw new MessageMappingException(messageType, field, millis);
        }
        return new Date(millis);
    }

    /** A required field, or an entry of a list field ({@code null} where the JSON has {@code [null]}). */
    static <T> T require(String messageType, String field, T value) {
        if (value == null || (value instanceof String && ((String) value).isEmpty())) {
            throw new MessageMappingException(messageType, field, null);
        }
        return value;
    }
}
