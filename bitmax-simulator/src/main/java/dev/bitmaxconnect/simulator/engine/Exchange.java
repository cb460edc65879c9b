package dev.bitmaxconnect.simulator.engine;

import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.AccountSpec;
import dev.bitmaxconnect.simulator.GroundTruth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The exchange's state: contracts, accounts, one engine per symbol and every client order by orderId. It publishes
 * what happens through {@link ExchangeEvents} and records it in the ground truth; it does no I/O.
 */
public final class Exchange {

    /** An accepted order and its state as each respInst answers it. */
    public record Placement(Order order, OrderView accepted, OrderView done) {
    }

    private final List<Contract> contractList;
    private final Map<String, Contract> contracts = new LinkedHashMap<>();
    private final Map<String, SymbolEngine> engines = new LinkedHashMap<>();
    private volatile DepthSnapshotSource depthSnapshots = this::engineDepthSnapshot;
    /** Levels per side a {@code depth-snapshot} answer holds; 0: the whole book. */
    private volatile int depthSnapshotLevels;
    private final PriceBoard prices;
    private final ExchangeEvents events;
    private final PrivateFeed feed;
    private final GroundTruth.Recorder truth;
    private final OrderRequestParser parser;
    private final AccountOperations accountOperations;
    private final Map<String, Account> accountsByKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Order> orders = new ConcurrentHashMap<>();
    private final AtomicLong orderSeq = new AtomicLong();

    public Exchange(long seed, ExchangeEvents events, GroundTruth.Recorder truth, long now) {
        this.contractList = Contract.standard();
        for (Contract contract : contractList) {
            contracts.put(contract.symbol(), contract);
        }
        List<CollateralAsset> collaterals = CollateralAsset.standard();
        this.prices = new PriceBoard(contractList, collaterals, now);
        this.events = events;
        this.truth = truth;
        this.feed = new PrivateFeed(prices, events);
        this.parser = new OrderRequestParser(contracts, seed);
        this.accountOperations = new AccountOperations(this, prices, feed);
        AccountSpec makerSpec = new AccountSpec("-", "-", "U0000000000", 0, "market-maker", "", false, false, false,
                Map.of());
        Account marketMaker = new Account(makerSpec, contractList, collaterals, true);
        for (Contract contract : contractList) {
            engines.put(contract.symbol(), new SymbolEngine(contract, events, feed, truth, prices, marketMaker, seed));
        }
        for (SymbolEngine engine : engines.values()) {
            engine.seedBook(now);
        }
    }

    public Account addAccount(AccountSpec spec) {
        Account account = new Account(spec, contractList, prices.collaterals(), false);
        if (accountsByKey.putIfAbsent(spec.apiKey(), account) != null) {
            throw new IllegalArgumentException("API key already configured: " + spec.apiKey());
        }
        return account;
    }

    /** The contracts traded, in a fixed order. */
    public List<Contract> contracts() {
        return contractList;
    }

    public PriceBoard prices() {
        return prices;
    }

    /** Transfers, margin and leverage changes, and what an account holds. */
    public AccountOperations accountOperations() {
        return accountOperations;
    }

    public Account accountByKey(String apiKey) {
        return accountsByKey.get(apiKey);
    }

    /** The engine of {@code symbol}, or null for an unknown symbol. */
    /** Answers {@code depth-snapshot} requests from {@code source} instead of the matching engines' books. */
    public void depthSnapshotSource(DepthSnapshotSource source) {
        this.depthSnapshots = source;
    }

    /** Answers {@code depth-snapshot} requests with the best {@code levels} levels of each side; 0: the whole book. */
    public void depthSnapshotLevels(int levels) {
        this.depthSnapshotLevels = levels;
    }

    /**
     * The book of {@code symbol} for a {@code depth-snapshot} answer (see {@link DepthSnapshotSource}): the whole
     * book, or its top levels (see {@link #depthSnapshotLevels}).
     */
    public boolean withDepthSnapshot(String symbol, long now, Consumer<Depth> use) {
        int levels = depthSnapshotLevels;
        return depthSnapshots.withDepthSnapshot(symbol, now, depth -> use.accept(depth.top(levels)));
    }

    private boolean engineDepthSnapshot(String symbol, long now, Consumer<Depth> use) {
        SymbolEngine engine = engines.get(symbol);
        if (engine == null) {
            return false;
        }
        engine.withDepthSnapshot(now, use);
        return true;
    }

    public SymbolEngine engine(String symbol) {
        return engines.get(symbol);
    }

    /** The current state of an order of {@code account}, or null when it has no such order. */
    public OrderView orderView(Account account, String orderId) {
        Order order = orders.get(orderId);
        if (order == null || order.account != account) {
            return null;
        }
        return engines.get(order.contract.symbol()).view(order, order.seqNum);
    }

    /**
     * Validates an order placement and computes its orderId.
     *
     * @param prefix {@code 'a'} for REST, {@code 's'} for WebSocket
     * @param fallbackId the WebSocket request's top-level id, used when args carry none (null for REST)
     */
    public OrderRequest parseOrder(RequestFields fields, Account account, char prefix, String fallbackId, long now)
            throws ExchangeException {
        return parser.parse(fields, account.spec().userUid(), prefix, fallbackId, now);
    }

    /** Checks what needs account state: ReduceOnly direction and margin. */
    public void checkPlaceable(Account account, OrderRequest request) throws ExchangeException {
        if (orders.containsKey(request.orderId())) {
            throw duplicate(request.orderId());
        }
        synchronized (account) {
            Position position = account.positions.get(request.contract().symbol());
            BigDecimal held = position.qty;
            boolean opposite = held.signum() != 0 && held.signum() != request.side().sign();
            if (request.reduceOnly()) {
                if (!opposite) {
                    throw new ExchangeException(ErrorCode.INVALID_ORDER_PARAMETER, "ReduceOnly order would increase"
                            + " the position: position is " + DecimalText.plain(held) + ", side is "
                            + request.side().wire);
                }
                if (request.qty().compareTo(held.abs()) > 0) {
                    throw new ExchangeException(ErrorCode.INVALID_ORDER_PARAMETER, "ReduceOnly orderQty "
                            + request.qty().toPlainString() + " is larger than the position " + DecimalText.plain(held));
                }
                return;
            }
            if (opposite && request.qty().compareTo(held.abs()) <= 0) {
                return;
            }
            BigDecimal price = request.type().hasLimitPrice() ? request.price()
                    : request.type().isStop() ? request.stopPrice() : prices.markPrice(request.contract().symbol());
            BigDecimal needed = price.multiply(request.qty())
                    .divide(BigDecimal.valueOf(position.leverage), 9, RoundingMode.UP);
            BigDecimal free = account.crossedFreeMargin(prices);
            if (needed.compareTo(free) > 0) {
                throw new ExchangeException(ErrorCode.INVALID_MARGIN_BALANCE, "Insufficient margin: the order needs "
                        + DecimalText.plain(needed) + " USDT of margin, free margin is " + DecimalText.plain(free));
            }
        }
    }

    public static ExchangeException duplicate(String orderId) {
        return new ExchangeException(ErrorCode.INVALID_ORDER_ID,
                "Duplicate orderId " + orderId + ": an order with this id already exists");
    }

    /** Accepts and runs a validated order (call {@link #checkPlaceable} first). */
    public Placement place(Account account, OrderRequest request, String transport, long now) throws ExchangeException {
        Order order = new Order(request.orderId(), request.clientId(), account, request.contract(), request.side(),
                request.type(), request.priceTicks(), request.stopTicks(), request.qtyLots(), request.timeInForce(),
                request.postOnly(), request.reduceOnly(), request.execInst(), now, orderSeq.incrementAndGet());
        if (orders.putIfAbsent(order.orderId, order) != null) {
            truth.rejected();
            throw duplicate(order.orderId);
        }
        account.openOrders.put(order.orderId, order);
        account.remember(order);
        truth.accepted(new AcceptedOrder(order.orderId, order.clientId, account.id(), order.contract.symbol(),
                order.side.wire, order.type.wire, request.type().hasLimitPrice() ? request.price() : null,
                request.type().isStop() ? request.stopPrice() : null, request.qty(), request.timeInForce().name(),
                request.execInst(), request.postOnly(), transport, request.time(), now));
        OrderView accepted = order.view(order.seqNum);
        feed.orderChanged(order, now);
        SymbolEngine engine = engines.get(order.contract.symbol());
        engine.submit(order, now);
        OrderView done = request.respInst() == RespInst.DONE ? engine.view(order, order.seqNum) : null;
        return new Placement(order, accepted, done);
    }

    /** Cancels one order of {@code account}; returns its state after the cancel. */
    public OrderView cancel(Account account, String orderId, String symbol, long now) throws ExchangeException {
        if (orderId == null || orderId.isEmpty()) {
            throw new ExchangeException(ErrorCode.INVALID_ORDER_ID, "orderId is required");
        }
        if (orderId.length() > 32) {
            throw new ExchangeException(ErrorCode.INVALID_ORDER_ID, "Client Order Id too Long: " + orderId);
        }
        Order order = orders.get(orderId);
        if (order == null || order.account != account) {
            throw new ExchangeException(ErrorCode.INVALID_ORDER_ID, "Order not found: " + orderId);
        }
        if (symbol != null && !symbol.isEmpty() && !symbol.equals(order.contract.symbol())) {
            throw new ExchangeException(ErrorCode.INVALID_PRODUCT, "Invalid Product Symbol: order " + orderId
                    + " is on " + order.contract.symbol() + ", not '" + symbol + "'");
        }
        SymbolEngine engine = engines.get(order.contract.symbol());
        if (!engine.cancel(order, now)) {
            throw new ExchangeException(ErrorCode.INVALID_ORDER_ID,
                    "Order " + orderId + " is not open: its status is " + engine.view(order, 0).status());
        }
        return engine.view(order, order.seqNum);
    }

    /** Cancels every open order of {@code account}, of one symbol when {@code symbol} is given. */
    public int cancelAll(Account account, String symbol, long now) throws ExchangeException {
        if (symbol != null && !symbol.isEmpty()) {
            SymbolEngine engine = engines.get(symbol);
            if (engine == null) {
                throw new ExchangeException(ErrorCode.INVALID_PRODUCT, "Invalid Product Symbol: '" + symbol + "'");
            }
            return engine.cancelAll(account, now);
        }
        int count = 0;
        for (SymbolEngine engine : engines.values()) {
            count += engine.cancelAll(account, now);
        }
        return count;
    }

    /** Current state of orders of {@code account}, newest first. */
    public List<OrderView> recentOrders(Account account, String symbol, int limit, boolean executedOnly) {
        List<OrderView> result = new ArrayList<>();
        for (Order order : account.recentOrders()) {
            if (result.size() >= limit) {
                break;
            }
            if (symbol != null && !symbol.isEmpty() && !order.contract.symbol().equals(symbol)) {
                continue;
            }
            OrderView view = engines.get(order.contract.symbol()).view(order, order.seqNum);
            if (!executedOnly || view.executed()) {
                result.add(view);
            }
        }
        return result;
    }

    public List<OrderView> openOrders(Account account, String symbol) {
        List<OrderView> result = new ArrayList<>();
        for (Order order : account.openOrdersOf(symbol)) {
            OrderView view = engines.get(order.contract.symbol()).view(order, order.seqNum);
            if (view.status().equals("New") || view.status().equals("PartiallyFilled")) {
                result.add(view);
            }
        }
        return result;
    }

    public Contract contract(String symbol) throws ExchangeException {
        Contract contract = symbol == null ? null : contracts.get(symbol);
        if (contract == null) {
            throw new ExchangeException(ErrorCode.INVALID_PRODUCT, "Invalid Product Symbol: '" + symbol + "'");
        }
        return contract;
    }

    /**
     * The id of an account update no order caused, in the reference's shape ({@code r177710001cbU3813942147C5kbFGOan}:
     * r, hex time, userUID, 9 letters and digits; 32 characters): the kind of change and the next {@code sn} in base 36,
     * padded to 8.
     */
    static String requestId(String kind, Account account, long now) {
        String sn = Long.toString(account.currentSn() + 1, 36);
        String padded = "0".repeat(Math.max(0, 8 - sn.length())) + sn;
        return "r" + Long.toHexString(now) + account.spec().userUid() + kind + padded;
    }

    /** Moves the market: one step of the seeded walk on one symbol. */
    public int marketStep(Random walk, long now) {
        return engines.get(contractList.get(walk.nextInt(contractList.size())).symbol()).marketStep(walk, now);
    }

    /** Updates mark and index prices, triggers stops, and sends pricing data and bars; returns messages sent. */
    public int pricingTick(Random walk, long now) {
        int messages = 0;
        for (SymbolEngine engine : engines.values()) {
            engine.updateMarketState(walk, prices.market(engine.contract.symbol()), now);
            messages += engine.checkStops(now);
        }
        messages++;
        events.pricesChanged(prices);
        for (SymbolEngine engine : engines.values()) {
            messages += engine.publishBars(now);
        }
        return messages;
    }

    /** Pins (or with null unpins) a contract's mark price, triggering stops at once. */
    public void pinMarkPrice(String symbol, BigDecimal price, long now) throws ExchangeException {
        Contract contract = contract(symbol);
        MarketState state = prices.market(contract.symbol());
        state.pinnedMark = price;
        if (price != null) {
            state.markPrice = price;
            state.time = now;
        }
        engines.get(contract.symbol()).checkStops(now);
        events.pricesChanged(prices);
    }
}
