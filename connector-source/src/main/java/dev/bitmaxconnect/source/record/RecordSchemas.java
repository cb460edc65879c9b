package dev.bitmaxconnect.source.record;

import java.util.List;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The Connect schema of every record type the source writes, named {@code dev.bitmaxconnect.source.<Type>} and
 * versioned; decimal fields follow the configured {@link DecimalFormat}.
 */
public final class RecordSchemas {
    public static final String NAMESPACE = "dev.bitmaxconnect.source.";
    public static final int VERSION = 1;

    public static final Schema KEY_SCHEMA = Schema.STRING_SCHEMA;

    private static final Schema TIMESTAMP = Timestamp.builder().doc("UTC time in milliseconds").build();
    private static final Schema OPTIONAL_TIMESTAMP = Timestamp.builder().optional().doc("UTC time in milliseconds").build();

    private final Schema trade;
    private final Schema priceLevel;
    private final Schema depthUpdate;
    private final Schema book;
    private final Schema bbo;
    private final Schema bar;
    private final Schema contractPricing;
    private final Schema collateralPrice;
    private final Schema pricingData;
    private final Schema order;
    private final Schema collateralBalance;
    private final Schema position;
    private final Schema accountUpdate;
    private final Schema contract;
    private final Schema collateralAsset;

    public RecordSchemas(DecimalFormat decimals) {
        trade = SchemaBuilder.struct().name(NAMESPACE + "Trade").version(VERSION)
                .doc("One trade of the trades channel (a message's list flattened).")
                .field("symbol", Schema.STRING_SCHEMA)
                .field("seqnum", Schema.INT64_SCHEMA)
                .field("price", decimals.schema("executed price"))
                .field("quantity", decimals.schema("traded amount (aggregated by the exchange)"))
                .field("time", TIMESTAMP)
                .field("buyerIsMaker", Schema.BOOLEAN_SCHEMA)
                .field("gapBefore", gapSchema())
                .build();

        priceLevel = SchemaBuilder.struct().name(NAMESPACE + "PriceLevel").version(VERSION)
                .doc("One order book level; size 0 removes the level.")
                .field("price", decimals.schema("price"))
                .field("size", decimals.schema("size"))
                .build();
        depthUpdate = SchemaBuilder.struct().name(NAMESPACE + "DepthUpdate").version(VERSION)
                .doc("One update of the depth (level 2 order book) channel, or a snapshot of the whole book.")
                .field("symbol", Schema.STRING_SCHEMA)
                .field("seqnum", Schema.INT64_SCHEMA)
                .field("time", TIMESTAMP)
                .field("asks", SchemaBuilder.array(priceLevel).build())
                .field("bids", SchemaBuilder.array(priceLevel).build())
                .field("gapBefore", gapSchema())
                .field("snapshot", SchemaBuilder.bool().optional().defaultValue(false)
                        .doc("true: the whole book at seqnum (asks and bids replace the book); false or absent: an "
                                + "update of the levels it lists").build())
                .build();

        book = SchemaBuilder.struct().name(NAMESPACE + "Book").version(VERSION)
                .doc("The top levels of a symbol's order book at seqnum, kept by the connector from the depth channel "
                        + "(the book channel; keyed by symbol, for a compacted topic).")
                .field("symbol", Schema.STRING_SCHEMA)
                .field("seqnum", SchemaBuilder.int64().doc("the depth seqnum the book is exact at").build())
                .field("time", TIMESTAMP)
                .field("asks", SchemaBuilder.array(priceLevel).doc("the best asks, lowest price first").build())
                .field("bids", SchemaBuilder.array(priceLevel).doc("the best bids, highest price first").build())
                .build();

        bbo = SchemaBuilder.struct().name(NAMESPACE + "Bbo").version(VERSION)
                .doc("Best bid and offer (level 1 order book).")
                .field("symbol", Schema.STRING_SCHEMA)
                .field("time", TIMESTAMP)
                .field("bidPrice", decimals.schema("best bid price"))
                .field("bidSize", decimals.schema("best bid size"))
                .field("askPrice", decimals.schema("best ask price"))
                .field("askSize", decimals.schema("best ask size"))
                .build();

        bar = SchemaBuilder.struct().name(NAMESPACE + "Bar").version(VERSION)
                .doc("One bar (candle) of the bar channel.")
                .field("symbol", Schema.STRING_SCHEMA)
                .field("interval", SchemaBuilder.string().doc("1, 5, ... minutes, or 1d, 1w, 1m").build())
                .field("time", TIMESTAMP)
                .field("open", decimals.schema("open price"))
                .field("close", decimals.schema("close price"))
                .field("high", decimals.schema("high price"))
                .field("low", decimals.schema("low price"))
                .field("volume", decimals.schema("volume"))
                .build();

        contractPricing = SchemaBuilder.struct().name(NAMESPACE + "ContractPricing").version(VERSION)
                .doc("Mark price, index price and funding of one contract.")
                .field("symbol", Schema.STRING_SCHEMA)
                .field("time", TIMESTAMP)
                .field("markPrice", decimals.schema("mark price"))
                .field("indexPrice", decimals.schema("index price"))
                .field("fundingRate", decimals.schema("funding rate"))
                .field("nextFundingTime", OPTIONAL_TIMESTAMP)
                .build();
        collateralPrice = SchemaBuilder.struct().name(NAMESPACE + "CollateralPrice").version(VERSION)
                .doc("Reference price of one collateral asset, quoted in USDT.")
                .field("asset", Schema.STRING_SCHEMA)
                .field("referencePrice", decimals.schema("reference price in USDT"))
                .build();
        pricingData = SchemaBuilder.struct().name(NAMESPACE + "PricingData").version(VERSION)
                .doc("One message of the futures pricing data channel: every contract and collateral asset.")
                .field("time", TIMESTAMP)
                .field("contracts", SchemaBuilder.array(contractPricing).build())
                .field("collaterals", SchemaBuilder.array(collateralPrice).build())
                .build();

        order = SchemaBuilder.struct().name(NAMESPACE + "Order").version(VERSION)
                .doc("One state of an order: an execution report of the order channel, or a state recovered over REST.")
                .field("accountId", Schema.STRING_SCHEMA)
                .field("ac", optionalString("account category"))
                .field("seqNum", Schema.INT64_SCHEMA)
                .field("orderId", Schema.STRING_SCHEMA)
                .field("symbol", optionalString("contract symbol"))
                .field("side", optionalString("Buy or Sell"))
                .field("orderType", optionalString("Limit, Market, StopLimit, StopMarket"))
                .field("price", decimals.schema("order price"))
                .field("orderQty", decimals.schema("order quantity"))
                .field("stopPrice", decimals.schema("stop price"))
                .field("stopBy", optionalString("stop price trigger"))
                .field("status", optionalString("order status"))
                .field("time", OPTIONAL_TIMESTAMP)
                .field("lastExecTime", TIMESTAMP)
                .field("lastPx", decimals.schema("last filled price"))
                .field("lastQty", decimals.schema("last filled quantity"))
                .field("avgFilledPx", decimals.schema("average filled price"))
                .field("cumFilledQty", decimals.schema("cumulative filled quantity"))
                .field("fee", decimals.schema("fee of the last fill"))
                .field("cumFee", decimals.schema("cumulative fee"))
                .field("feeAsset", optionalString("fee asset"))
                .field("execInst", optionalString("execution instruction"))
                .field("errorCode", optionalString("error, empty when none"))
                .field("source", SchemaBuilder.string().doc("stream (order channel) or recovery (REST)").build())
                .build();

        collateralBalance = SchemaBuilder.struct().name(NAMESPACE + "CollateralBalance").version(VERSION)
                .doc("Balance of one collateral asset.")
                .field("asset", Schema.STRING_SCHEMA)
                .field("balance", decimals.schema("balance"))
                .field("discountFactor", decimals.schema("discount factor"))
                .build();
        position = SchemaBuilder.struct().name(NAMESPACE + "Position").version(VERSION)
                .doc("Position in one contract.")
                .field("symbol", Schema.STRING_SCHEMA)
                .field("side", optionalString("LONG, SHORT or NULL_VAL"))
                .field("position", decimals.schema("position"))
                .field("referenceCost", decimals.schema("reference cost"))
                .field("unrealizedPnl", decimals.schema("unrealized profit and loss"))
                .field("realizedPnl", decimals.schema("realized profit and loss"))
                .field("avgOpenPrice", decimals.schema("average opening price"))
                .field("buyOpenOrderNotional", decimals.schema("buy open order notional"))
                .field("sellOpenOrderNotional", decimals.schema("sell open order notional"))
                .field("marginType", optionalString("crossed or isolated"))
                .field("isolatedMargin", decimals.schema("isolated margin"))
                .field("leverage", decimals.schema("leverage"))
                .field("takeProfitPrice", decimals.schema("take profit price (position exit order)"))
                .field("takeProfitTrigger", optionalString("take profit trigger"))
                .field("stopLossPrice", decimals.schema("stop loss price (position exit order)"))
                .field("stopLossTrigger", optionalString("stop loss trigger"))
                .build();
        accountUpdate = SchemaBuilder.struct().name(NAMESPACE + "AccountUpdate").version(VERSION)
                .doc("Balances and positions of a futures account: an update of the account channel, or the "
                        + "account snapshot taken when the private stream (re)starts (snapshot = true).")
                .field("accountId", Schema.STRING_SCHEMA)
                .field("accountType", optionalString("account category, FUTURES"))
                .field("seqNum", Schema.INT64_SCHEMA)
                .field("event", optionalString("ExecutionReport (update) or ClientRequest (snapshot)"))
                .field("time", TIMESTAMP)
                .field("requestId", optionalString("request behind the update"))
                .field("snapshot", Schema.BOOLEAN_SCHEMA)
                .field("collaterals", SchemaBuilder.array(collateralBalance).build())
                .field("positions", SchemaBuilder.array(position).build())
                .build();

        Schema priceFilter = SchemaBuilder.struct().name(NAMESPACE + "PriceFilter").version(VERSION).optional()
                .field("minPrice", decimals.schema("lowest order price"))
                .field("maxPrice", decimals.schema("highest order price"))
                .field("tickSize", decimals.schema("price step"))
                .build();
        Schema lotSizeFilter = SchemaBuilder.struct().name(NAMESPACE + "LotSizeFilter").version(VERSION).optional()
                .field("minQty", decimals.schema("lowest order quantity"))
                .field("maxQty", decimals.schema("highest order quantity"))
                .field("lotSize", decimals.schema("quantity step"))
                .build();
        Schema marginRequirement = SchemaBuilder.struct().name(NAMESPACE + "MarginRequirement").version(VERSION)
                .field("positionNotionalLowerbound", decimals.schema("position notional lower bound"))
                .field("positionNotionalUpperbound", decimals.schema("position notional upper bound"))
                .field("initialMarginRate", decimals.schema("initial margin rate"))
                .field("maintenanceMarginRate", decimals.schema("maintenance margin rate"))
                .build();
        contract = SchemaBuilder.struct().name(NAMESPACE + "Contract").version(VERSION)
                .doc("A futures contract, as the contracts reference data gives it.")
                .field("symbol", Schema.STRING_SCHEMA)
                .field("status", optionalString("Normal, or another trading status"))
                .field("displayName", optionalString("display name"))
                .field("settlementAsset", optionalString("settlement asset"))
                .field("underlying", optionalString("underlying"))
                .field("tradingStartTime", OPTIONAL_TIMESTAMP)
                .field("priceFilter", priceFilter)
                .field("lotSizeFilter", lotSizeFilter)
                .field("marginRequirements", SchemaBuilder.array(marginRequirement).build())
                .build();
        collateralAsset = SchemaBuilder.struct().name(NAMESPACE + "CollateralAsset").version(VERSION)
                .doc("A futures collateral asset, as the collateral reference data gives it.")
                .field("asset", Schema.STRING_SCHEMA)
                .field("assetName", optionalString("asset name"))
                .field("conversionFactor", decimals.schema("conversion factor"))
                .field("discountFactor", decimals.schema("discount factor"))
                .field("displayName", optionalString("display name"))
                .field("statusCode", optionalString("Normal, NoTransaction, ..."))
                .build();
    }

    private static Schema optionalString(String doc) {
        return SchemaBuilder.string().optional().doc(doc).build();
    }

    private static Schema gapSchema() {
        return SchemaBuilder.bool().doc("true when messages of this channel and symbol were missed just before this one")
                .build();
    }

    public Schema trade() {
        return trade;
    }

    public Schema priceLevel() {
        return priceLevel;
    }

    public Schema depthUpdate() {
        return depthUpdate;
    }

    public Schema book() {
        return book;
    }

    public Schema bbo() {
        return bbo;
    }

    public Schema bar() {
        return bar;
    }

    public Schema contractPricing() {
        return contractPricing;
    }

    public Schema collateralPrice() {
        return collateralPrice;
    }

    public Schema pricingData() {
        return pricingData;
    }

    public Schema order() {
        return order;
    }

    public Schema collateralBalance() {
        return collateralBalance;
    }

    public Schema position() {
        return position;
    }

    public Schema accountUpdate() {
        return accountUpdate;
    }

    public Schema contract() {
        return contract;
    }

    public Schema collateralAsset() {
        return collateralAsset;
    }

    /** Every top-level value schema, for documentation and the Avro schema files. */
    public List<Schema> valueSchemas() {
        return List.of(trade, depthUpdate, book, bbo, bar, pricingData, order, accountUpdate, contract, collateralAsset,
                contractPricing, collateralPrice);
    }
}
