package dev.bitmaxconnect.client.stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.bitmaxconnect.client.model.AccountCategory;
import dev.bitmaxconnect.client.model.ExecInst;
import dev.bitmaxconnect.client.model.MarginType;
import dev.bitmaxconnect.client.model.OrderStatus;
import dev.bitmaxconnect.client.model.OrderType;
import dev.bitmaxconnect.client.model.PositionSide;
import dev.bitmaxconnect.client.model.Side;
import java.math.BigDecimal;
import java.util.List;

/**
 * A decoded WebSocket message. Each record mirrors the wire JSON (property names as sent) and has
 * readable accessor names; {@link #type()} is the {@code m} field, which also picks the record when
 * decoding ({@link StreamMessageDecoder}). Absent fields are null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "m", visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = StreamMessage.PricingData.class,
        names = {"futures-pricing-data", "futures-pricing-data-batch"}),
    @JsonSubTypes.Type(value = StreamMessage.Bbo.class, name = "bbo"),
    @JsonSubTypes.Type(value = StreamMessage.DepthUpdate.class, name = "depth"),
    @JsonSubTypes.Type(value = StreamMessage.DepthSnapshot.class, name = "depth-snapshot"),
    @JsonSubTypes.Type(value = StreamMessage.Trades.class, name = "trades"),
    @JsonSubTypes.Type(value = StreamMessage.Bar.class, name = "bar"),
    @JsonSubTypes.Type(value = StreamMessage.OrderReport.class, name = "futures-order"),
    @JsonSubTypes.Type(value = StreamMessage.AccountUpdate.class, name = "futures-account-update"),
    @JsonSubTypes.Type(value = StreamMessage.AccountSnapshot.class, name = "futures-account-snapshot"),
    @JsonSubTypes.Type(value = StreamMessage.OrderAck.class, name = "order"),
    @JsonSubTypes.Type(value = StreamMessage.AuthResult.class, name = "auth"),
    @JsonSubTypes.Type(value = StreamMessage.SubscriptionAck.class, names = {"sub", "unsub"}),
    @JsonSubTypes.Type(value = StreamMessage.ErrorMessage.class, name = "error"),
    @JsonSubTypes.Type(value = StreamMessage.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = StreamMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = StreamMessage.Connected.class, name = "connected"),
    @JsonSubTypes.Type(value = StreamMessage.Disconnected.class, name = "disconnected")})
public sealed interface StreamMessage {
    /** The message type, the wire's {@code m}. */
    @JsonProperty("m")
    String type();

    // ------------------------------------------------------------------ public channels

    /** {@code futures-pricing-data}: mark and index prices of all contracts, reference prices of collaterals. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PricingData(
        @JsonProperty("con") List<ContractPrice> contracts,
        @JsonProperty("col") List<CollateralPrice> collaterals) implements StreamMessage {
        public String type() { return "futures-pricing-data"; }
    }

    /** One contract in {@link PricingData}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ContractPrice(
        @JsonProperty("s") String symbol,
        @JsonProperty("t") Long time,
        @JsonProperty("mp") BigDecimal markPrice,
        @JsonProperty("ip") BigDecimal indexPrice,
        @JsonProperty("r") BigDecimal fundingRate,
        @JsonProperty("f") Long nextFundingTime) {
    }

    /** One collateral in {@link PricingData}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CollateralPrice(
        @JsonProperty("a") String asset,
        @JsonProperty("p") BigDecimal referencePrice) {
    }

    /** A {@code [price, size]} pair of the order book. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"price", "size"})
    @JsonDeserialize(using = PriceLevelDeserializer.class)
    record PriceLevel(BigDecimal price, BigDecimal size) {
    }

    /** {@code bbo}: best bid and offer of one symbol. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Bbo(String symbol, BboData data) implements StreamMessage {
        public String type() { return "bbo"; }
    }

    /** The {@code data} of {@link Bbo}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BboData(Long ts, PriceLevel bid, PriceLevel ask) {
    }

    /** {@code depth}: order book changes of one symbol; size 0 deletes the level. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DepthUpdate(String symbol, DepthData data) implements StreamMessage {
        public String type() { return "depth"; }

        @JsonIgnore
        public long seqnum() { return data.seqnum() == null ? -1 : data.seqnum(); }
    }

    /** {@code depth-snapshot}: the whole book of one symbol; updates with a higher seqnum apply on top. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DepthSnapshot(String symbol, DepthData data) implements StreamMessage {
        public String type() { return "depth-snapshot"; }

        @JsonIgnore
        public long seqnum() { return data.seqnum() == null ? -1 : data.seqnum(); }
    }

    /** The {@code data} of a depth update or snapshot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DepthData(Long ts, Long seqnum, List<PriceLevel> asks, List<PriceLevel> bids) {
    }

    /** {@code trades}: one or more (possibly aggregated) trades of one symbol. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Trades(String symbol, List<Trade> data) implements StreamMessage {
        public String type() { return "trades"; }
    }

    /** One trade; {@code seqnum} increases per symbol, not necessarily by one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Trade(
        @JsonProperty("p") BigDecimal price,
        @JsonProperty("q") BigDecimal quantity,
        @JsonProperty("ts") Long ts,
        @JsonProperty("bm") Boolean buyerIsMaker,
        @JsonProperty("seqnum") Long seqnum) {
    }

    /** {@code bar}: one candle of one symbol and interval. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Bar(@JsonProperty("s") String symbol, BarData data) implements StreamMessage {
        public String type() { return "bar"; }
    }

    /** The {@code data} of {@link Bar}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BarData(
        @JsonProperty("i") String interval,
        @JsonProperty("ts") Long ts,
        @JsonProperty("o") BigDecimal open,
        @JsonProperty("c") BigDecimal close,
        @JsonProperty("h") BigDecimal high,
        @JsonProperty("l") BigDecimal low,
        @JsonProperty("v") BigDecimal volume) {
    }

    // ------------------------------------------------------------------ private channels

    /** {@code futures-order}: an execution report of one of the account's orders; {@code sn} orders them per account. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderReport(
        @JsonProperty("sn") Long sn,
        @JsonProperty("e") String event,
        @JsonProperty("a") String accountId,
        @JsonProperty("ac") AccountCategory ac,
        @JsonProperty("t") Long lastExecTime,
        @JsonProperty("ct") Long createTime,
        @JsonProperty("orderId") String orderId,
        @JsonProperty("sd") Side side,
        @JsonProperty("ot") OrderType orderType,
        @JsonProperty("q") BigDecimal orderQty,
        @JsonProperty("p") BigDecimal price,
        @JsonProperty("sp") BigDecimal stopPrice,
        @JsonProperty("spb") String stopBy,
        @JsonProperty("s") String symbol,
        @JsonProperty("st") OrderStatus status,
        @JsonProperty("lp") BigDecimal lastPx,
        @JsonProperty("lq") BigDecimal lastQty,
        @JsonProperty("ap") BigDecimal avgPx,
        @JsonProperty("cfq") BigDecimal cumFilledQty,
        @JsonProperty("f") BigDecimal fee,
        @JsonProperty("cf") BigDecimal cumFee,
        @JsonProperty("fa") String feeAsset,
        @JsonProperty("ei") ExecInst execInst,
        @JsonProperty("err") String error) implements StreamMessage {
        public String type() { return "futures-order"; }
    }

    /** A collateral balance in an account update or snapshot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CollateralBalance(
        @JsonProperty("a") String asset,
        @JsonProperty("b") BigDecimal balance,
        @JsonProperty("f") BigDecimal discountFactor) {
    }

    /** A contract position in an account update or snapshot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PositionState(
        @JsonProperty("s") String symbol,
        @JsonProperty("sd") PositionSide side,
        @JsonProperty("pos") BigDecimal position,
        @JsonProperty("rc") BigDecimal referenceCost,
        @JsonProperty("up") BigDecimal unrealizedPnl,
        @JsonProperty("rp") BigDecimal realizedPnl,
        @JsonProperty("aop") BigDecimal avgOpenPrice,
        @JsonProperty("boon") BigDecimal buyOpenOrderNotional,
        @JsonProperty("soon") BigDecimal sellOpenOrderNotional,
        @JsonProperty("mt") MarginType marginType,
        @JsonProperty("iw") BigDecimal isolatedMargin,
        @JsonProperty("lev") BigDecimal leverage,
        @JsonProperty("tp") BigDecimal takeProfitPrice,
        @JsonProperty("tpt") String takeProfitTrigger,
        @JsonProperty("sl") BigDecimal stopLossPrice,
        @JsonProperty("slt") String stopLossTrigger) {
    }

    /** {@code futures-account-update}: balances and positions after an event; {@code sn} increases per account. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AccountUpdate(
        @JsonProperty("e") String event,
        @JsonProperty("t") Long time,
        @JsonProperty("acc") String accountId,
        @JsonProperty("at") AccountCategory accountType,
        @JsonProperty("sn") Long sn,
        @JsonProperty("id") String requestId,
        @JsonProperty("col") List<CollateralBalance> collaterals,
        @JsonProperty("pos") List<PositionState> positions) implements StreamMessage {
        public String type() { return "futures-account-update"; }
    }

    /** {@code futures-account-snapshot}: reply to the snapshot request, balances and all positions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AccountSnapshot(
        @JsonProperty("id") String id,
        @JsonProperty("e") String event,
        @JsonProperty("t") Long time,
        @JsonProperty("acc") String accountId,
        @JsonProperty("ac") AccountCategory ac,
        @JsonProperty("sn") Long sn,
        @JsonProperty("col") List<CollateralBalance> collaterals,
        @JsonProperty("pos") List<PositionState> positions) implements StreamMessage {
        public String type() { return "futures-account-snapshot"; }
    }

    // ------------------------------------------------------------------ replies and session

    /** {@code order}: the ack of place-order, cancel-order or cancel-all; code 0 = accepted for matching. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderAck(
        @JsonProperty("code") Integer code,
        @JsonProperty("id") String id,
        @JsonProperty("action") String action,
        @JsonProperty("ac") AccountCategory ac,
        @JsonProperty("info") OrderAckInfo info) implements StreamMessage {
        public String type() { return "order"; }

        @JsonIgnore
        public boolean isSuccess() { return code != null && code == 0; }
    }

    /** The {@code info} of {@link OrderAck}: orderId and symbol, or reason and errorMsg. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderAckInfo(
        @JsonProperty("id") String id,
        @JsonProperty("orderId") String orderId,
        @JsonProperty("symbol") String symbol,
        @JsonProperty("reason") String reason,
        @JsonProperty("errorMsg") String errorMsg) {
    }

    /** {@code auth}: the result of an {@code op:auth} request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuthResult(
        @JsonProperty("id") String id,
        @JsonProperty("code") Integer code,
        @JsonProperty("err") String error) implements StreamMessage {
        public String type() { return "auth"; }
    }

    /**
     * {@code sub} / {@code unsub}: a subscription ack (the simulator sends them; the reference shows none). A refusal
     * carries {@code reason} and {@code info}, as the {@code error} message does; {@code err} is read too.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubscriptionAck(
        @JsonProperty("m") String type,
        @JsonProperty("id") String id,
        @JsonProperty("ch") String channel,
        @JsonProperty("code") Integer code,
        @JsonProperty("reason") String reason,
        @JsonProperty("info") String info,
        @JsonProperty("err") String error) implements StreamMessage {

        /** Why the exchange refused it, in its own words: reason, then info or err; {@code "no reason given"} if none. */
        @JsonIgnore
        public String refusal() {
            return StreamMessage.refusal(reason, info, error);
        }
    }

    /** {@code error}: the server refused a request ({@code id} echoes it when given). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorMessage(
        @JsonProperty("id") String id,
        @JsonProperty("code") Integer code,
        @JsonProperty("reason") String reason,
        @JsonProperty("info") String info,
        @JsonProperty("err") String error) implements StreamMessage {
        public String type() { return "error"; }

        /** Why the exchange refused the request, in its own words: reason, then info or err; never null. */
        @JsonIgnore
        public String refusal() {
            return StreamMessage.refusal(reason, info, error);
        }
    }

    /** The exchange's own words for a refusal: reason, then info or err; {@code "no reason given"} if none. */
    private static String refusal(String reason, String info, String error) {
        String detail = info != null && !info.isBlank() ? info : error;
        boolean hasReason = reason != null && !reason.isBlank();
        boolean hasDetail = detail != null && !detail.isBlank();
        if (hasReason && hasDetail) {
            return reason + ": " + detail;
        }
        return hasReason ? reason : hasDetail ? detail : "no reason given";
    }

    /** {@code ping} from the server; the stream answers it. {@code hp} is the session's health points. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ping(@JsonProperty("hp") Integer hp) implements StreamMessage {
        public String type() { return "ping"; }
    }

    /** {@code pong}: the server's reply to the client's ping. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Pong(
        @JsonProperty("code") Integer code,
        @JsonProperty("ts") Long ts,
        @JsonProperty("hp") Integer hp) implements StreamMessage {
        public String type() { return "pong"; }
    }

    /** {@code connected}: {@code type} is {@code auth} or {@code unauth}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Connected(@JsonProperty("type") String sessionType) implements StreamMessage {
        public String type() { return "connected"; }

        @JsonIgnore
        public boolean isAuthenticated() { return "auth".equalsIgnoreCase(sessionType); }
    }

    /** {@code disconnected}: the server is closing the session and says why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Disconnected(
        @JsonProperty("code") Integer code,
        @JsonProperty("reason") String reason,
        @JsonProperty("info") String info) implements StreamMessage {
        public String type() { return "disconnected"; }
    }

    /** A message this client does not know (or could not read), kept as raw text. */
    record Unknown(@JsonIgnore String type, @JsonIgnore String raw) implements StreamMessage {
    }
}
