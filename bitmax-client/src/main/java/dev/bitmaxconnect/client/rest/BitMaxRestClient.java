package dev.bitmaxconnect.client.rest;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.json.RequestBodies;
import dev.bitmaxconnect.client.model.AccountInfo;
import dev.bitmaxconnect.client.model.BatchOrderResult;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.CollateralAsset;
import dev.bitmaxconnect.client.model.FreeMargin;
import dev.bitmaxconnect.client.model.FuturesContract;
import dev.bitmaxconnect.client.model.FuturesPosition;
import dev.bitmaxconnect.client.model.FuturesPricing;
import dev.bitmaxconnect.client.model.HistoryOrdersQuery;
import dev.bitmaxconnect.client.model.LeverageChange;
import dev.bitmaxconnect.client.model.MarginType;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.model.OrderResult;
import dev.bitmaxconnect.client.order.OrderIds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every REST endpoint of the BitMax Futures v2 API, one blocking method each. Private calls are signed
 * and carry the account group (set in the config or discovered once through account info). A non-zero
 * {@code code} or an HTTP error becomes a {@link BitMaxApiException}; no answer becomes a
 * {@link BitMaxTransportException}. How a call travels (signing, pacing, retries, reading the answer) is
 * {@link RestTransport}'s job. Thread-safe; close it to release its connections.
 */
public final class BitMaxRestClient implements AutoCloseable {
    private final BitMaxClientConfig config;
    private final RestTransport transport;
    private final ObjectMapper mapper = BitMaxJson.mapper();
    private volatile AccountInfo cachedAccountInfo;

    public BitMaxRestClient(BitMaxClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = new RestTransport(config, this::accountGroup);
    }

    public BitMaxClientConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- public data

    /** GET /api/pro/v2/futures/contract */
    public List<FuturesContract> futuresContracts() {
        return execute(publicGet("v2/futures/contract"), listOf(FuturesContract.class));
    }

    /** GET /api/pro/v2/futures/collateral */
    public List<CollateralAsset> collateralAssets() {
        return execute(publicGet("v2/futures/collateral"), listOf(CollateralAsset.class));
    }

    /** GET /api/pro/v2/futures/pricing-data */
    public FuturesPricing pricingData() {
        return execute(publicGet("v2/futures/pricing-data"), type(FuturesPricing.class));
    }

    // ---------------------------------------------------------------- account

    /** GET /api/pro/v2/account/info (signed, no account group); refreshes the cached account info. */
    public AccountInfo accountInfo() {
        AccountInfo info = execute(new ApiCall("GET", "v2/account/info", false, null, null), type(AccountInfo.class));
        cachedAccountInfo = info;
        return info;
    }

    /** The account group: from the config when set, else from account info, fetched once and cached. */
    public int accountGroup() {
        if (config.accountGroup().isPresent()) {
            return config.accountGroup().getAsInt();
        }
        Integer group = cachedAccountInfo().accountGroup();
        if (group == null) {
            throw new BitMaxApiException(0, "NO_ACCOUNT_GROUP", "account info carries no accountGroup", 200);
        }
        return group;
    }

    /** The userUID from account info (cached); needed to predict orderIds. */
    public String userUid() {
        return cachedAccountInfo().userUID();
    }

    private AccountInfo cachedAccountInfo() {
        AccountInfo info = cachedAccountInfo;
        return info != null ? info : accountInfo();
    }

    /** The orderId the exchange will give this order when sent over REST, if its client id determines it. */
    public Optional<String> predictOrderId(NewOrderRequest request) {
        if (request.time() == null) {
            throw new IllegalArgumentException("set the request's time before predicting its orderId");
        }
        return OrderIds.predict(OrderIds.Transport.REST, request.time(), userUid(), request.id());
    }

    /** GET /&lt;grp&gt;/api/pro/v2/futures/position */
    public FuturesPosition position() {
        return execute(privateCall("GET", "v2/futures/position", null, null), type(FuturesPosition.class));
    }

    /** GET /&lt;grp&gt;/api/pro/v2/futures/free-margin */
    public FreeMargin freeMargin() {
        return execute(privateCall("GET", "v2/futures/free-margin", null, null), type(FreeMargin.class));
    }

    /** POST /&lt;grp&gt;/api/pro/v2/futures/isolated-position-margin; a negative amount decreases the margin. */
    public void changeIsolatedMargin(String symbol, BigDecimal amount) {
        String checkedSymbol = requireText(symbol, "symbol");
        String plainAmount = Objects.requireNonNull(amount, "amount").toPlainString();
        byte[] body = RequestBodies.object(g -> {
            g.writeStringField("symbol", checkedSymbol);
            g.writeStringField("amount", plainAmount);
        });
        execute(privateCall("POST", "v2/futures/isolated-position-margin", body, null), null);
    }

    /** POST /&lt;grp&gt;/api/pro/v2/futures/margin-type */
    public void changeMarginType(String symbol, MarginType marginType) {
        String checkedSymbol = requireText(symbol, "symbol");
        String wireType = Objects.requireNonNull(marginType, "marginType").wire();
        byte[] body = RequestBodies.object(g -> {
            g.writeStringField("symbol", checkedSymbol);
            g.writeStringField("marginType", wireType);
        });
        execute(privateCall("POST", "v2/futures/margin-type", body, null), null);
    }

    /** POST /&lt;grp&gt;/api/pro/v2/futures/leverage; leverage 1 to 100. */
    public LeverageChange changeLeverage(String symbol, int leverage) {
        if (leverage < 1 || leverage > 100) {
            throw new IllegalArgumentException("leverage must be between 1 and 100, was " + leverage);
        }
        String checkedSymbol = requireText(symbol, "symbol");
        byte[] body = RequestBodies.object(g -> {
            g.writeStringField("symbol", checkedSymbol);
            g.writeNumberField("leverage", leverage);
        });
        return execute(privateCall("POST", "v2/futures/leverage", body, null), type(LeverageChange.class));
    }

    /** POST /&lt;grp&gt;/api/pro/v2/futures/transfer/deposit (cash account to futures account). */
    public void deposit(String asset, BigDecimal amount) {
        execute(privateCall("POST", "v2/futures/transfer/deposit", transferBody(asset, amount), null), null);
    }

    /** POST /&lt;grp&gt;/api/pro/v2/futures/transfer/withdraw (futures account to cash account). */
    public void withdraw(String asset, BigDecimal amount) {
        execute(privateCall("POST", "v2/futures/transfer/withdraw", transferBody(asset, amount), null), null);
    }

    private static byte[] transferBody(String asset, BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive, was " + amount.toPlainString());
        }
        String checkedAsset = requireText(asset, "asset");
        return RequestBodies.object(g -> {
            g.writeStringField("asset", checkedAsset);
            g.writeStringField("amount", amount.toPlainString());
        });
    }

    // ---------------------------------------------------------------- orders

    /** POST /&lt;grp&gt;/api/pro/v2/futures/order; stamps {@code time} when the request has none. */
    public OrderResult placeOrder(NewOrderRequest request) {
        byte[] body = RequestBodies.newOrder(stamp(request));
        return execute(privateCall("POST", "v2/futures/order", body, null), type(OrderResult.class));
    }

    /** POST /&lt;grp&gt;/api/pro/v2/futures/order/batch; 1 to 10 orders, all or none accepted. */
    public BatchOrderResult placeBatch(List<NewOrderRequest> orders) {
        byte[] body = RequestBodies.orderBatch(stamped(orders, this::stamp));
        return execute(privateCall("POST", "v2/futures/order/batch", body, null), type(BatchOrderResult.class));
    }

    /** DELETE /&lt;grp&gt;/api/pro/v2/futures/order (JSON body); stamps {@code time} when absent. */
    public OrderResult cancelOrder(CancelOrderRequest request) {
        byte[] body = RequestBodies.cancelOrder(stamp(request));
        return execute(privateCall("DELETE", "v2/futures/order", body, null), type(OrderResult.class));
    }

    /** DELETE /&lt;grp&gt;/api/pro/v2/futures/order/batch; 1 to 10 cancels. */
    public BatchOrderResult cancelBatch(List<CancelOrderRequest> cancels) {
        byte[] body = RequestBodies.cancelBatch(stamped(cancels, this::stamp));
        return execute(privateCall("DELETE", "v2/futures/order/batch", body, null), type(BatchOrderResult.class));
    }

    /** DELETE /&lt;grp&gt;/api/pro/v2/futures/order/all: every open order. */
    public void cancelAll() {
        execute(privateCall("DELETE", "v2/futures/order/all", RequestBodies.object(g -> { }), null), null);
    }

    /** DELETE /&lt;grp&gt;/api/pro/v2/futures/order/all for one symbol. */
    public void cancelAll(String symbol) {
        String checkedSymbol = requireText(symbol, "symbol");
        byte[] body = RequestBodies.object(g -> g.writeStringField("symbol", checkedSymbol));
        execute(privateCall("DELETE", "v2/futures/order/all", body, null), null);
    }

    /** GET /&lt;grp&gt;/api/pro/v2/futures/order/open (docs/exchange-api.md: GET, as ccxt does). */
    public List<OrderInfo> openOrders() {
        return execute(privateCall("GET", "v2/futures/order/open", null, List.of()), listOf(OrderInfo.class));
    }

    /** GET /&lt;grp&gt;/api/pro/v2/futures/order/open?symbol=... */
    public List<OrderInfo> openOrders(String symbol) {
        return execute(privateCall("GET", "v2/futures/order/open", null,
            List.<String[]>of(new String[] {"symbol", requireText(symbol, "symbol")})), listOf(OrderInfo.class));
    }

    /** GET /&lt;grp&gt;/api/pro/v2/futures/order/hist/current?symbol=&amp;n=&amp;executedOnly= */
    public List<OrderInfo> currentHistoryOrders(HistoryOrdersQuery query) {
        List<String[]> params = new ArrayList<>();
        if (query != null) {
            if (query.symbol() != null) {
                params.add(new String[] {"symbol", query.symbol()});
            }
            if (query.n() != null) {
                params.add(new String[] {"n", query.n().toString()});
            }
            if (query.executedOnly() != null) {
                params.add(new String[] {"executedOnly", query.executedOnly().toString()});
            }
        }
        return execute(privateCall("GET", "v2/futures/order/hist/current", null, params), listOf(OrderInfo.class));
    }

    /** GET /&lt;grp&gt;/api/pro/v2/futures/order/status?orderId=...: one order. */
    public OrderInfo queryOrder(String orderId) {
        return execute(privateCall("GET", "v2/futures/order/status", null,
            List.<String[]>of(new String[] {"orderId", requireText(orderId, "orderId")})), type(OrderInfo.class));
    }

    /** GET /&lt;grp&gt;/api/pro/v2/futures/order/status?orderId=a,b,...: several orders, always a list. */
    public List<OrderInfo> queryOrders(Collection<String> orderIds) {
        if (orderIds == null || orderIds.isEmpty()) {
            throw new IllegalArgumentException("orderIds must not be empty");
        }
        for (String id : orderIds) {
            requireText(id, "orderId");
        }
        String joined = String.join(",", orderIds);
        if (orderIds.size() == 1) {
            joined += ","; // a trailing comma asks for a list even for one id
        }
        return execute(privateCall("GET", "v2/futures/order/status", null,
            List.<String[]>of(new String[] {"orderId", joined})), listOf(OrderInfo.class));
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "BitMaxRestClient{" + config.restUrl() + "}";
    }

    // ---------------------------------------------------------------- plumbing

    private NewOrderRequest stamp(NewOrderRequest r) {
        return r.time() != null ? r : r.withTime(config.clock().millis());
    }

    private CancelOrderRequest stamp(CancelOrderRequest r) {
        return r.time() != null ? r : r.withTime(config.clock().millis());
    }

    /** The items of a batch request (1 to 10), each stamped. */
    private static <T> List<T> stamped(List<T> items, UnaryOperator<T> stamp) {
        requireBatch(items);
        List<T> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(stamp.apply(item));
        }
        return out;
    }

    private static void requireBatch(List<?> items) {
        if (items == null || items.isEmpty() || items.size() > 10) {
            throw new IllegalArgumentException("a batch holds 1 to 10 orders, was " + (items == null ? 0 : items.size()));
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'");
        }
        return value;
    }

    private JavaType type(Class<?> c) {
        return mapper.getTypeFactory().constructType(c);
    }

    private JavaType listOf(Class<?> c) {
        return mapper.getTypeFactory().constructCollectionType(List.class, c);
    }

    private ApiCall publicGet(String apiPath) {
        return new ApiCall("GET", apiPath, false, null, null);
    }

    private ApiCall privateCall(String method, String apiPath, byte[] body, List<String[]> query) {
        return new ApiCall(method, apiPath, true, body, query);
    }

    private <T> T execute(ApiCall c, JavaType dataType) {
        return transport.execute(c, dataType);
    }
}
