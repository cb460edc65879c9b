package dev.bitmaxconnect.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The exchange's state: contracts, accounts, one engine per symbol and every client order by orderId. */
final class Exchange {

    /** An accepted order and its state as each respInst answers it. */
    record Placement(Order order, OrderView accepted, OrderView done) {
    }

    final List<Contract> contractList;
    final Map<String, Contract> contracts = new LinkedHashMap<>();
    final Map<String, SymbolEngine> engines = new LinkedHashMap<>();
    final PriceBoard prices;
    final StreamHub hub;
    final PrivateFeed feed;
    final GroundTruth truth;
    final OrderRequestParser parser;
    final Account marketMaker;
    private final Map<String, Account> accountsByKey = new ConcurrentHashMap<>();
    private final Map<String, Account> accountsById = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Order> orders = new ConcurrentHashMap<>();
    private final AtomicLong orderSeq = new AtomicLong();

    Exchange(long seed, StreamHub hub, GroundTruth truth, long now) {
        this.contractList = Contract.standard();
        for (Contract contract : contractList) {
            contracts.put(contract.symbol, contract);
        }
        List<CollateralAsset> collaterals = CollateralAsset.standard();
        this.prices = new PriceBoard(contractList, collaterals, now);
        this.hub = hub;
        this.truth = truth;
        this.feed = new PrivateFeed(prices);
        this.parser = new OrderRequestParser(contracts, seed);
        AccountSpec makerSpec = new AccountSpec("-", "-", "U0000000000", 0, "market-maker", "", false, false, false,
                Map.of());
        this.marketMaker = new Account(makerSpec, contractList, collaterals, true);
        for (Contract contract : contractList) {
            engines.put(contract.symbol, new SymbolEngine(contract, hub, feed, truth, prices, marketMaker, seed));
        }
        for (SymbolEngine engine : engines.values()) {
            engine.seedBook(now);
        }
    }

    Account addAccount(AccountSpec spec) {
        Account account = new Account(spec, contractList, prices.collaterals, false);
        if (accountsByKey.putIfAbsent(spec.apiKey(), account) != null) {
            throw new IllegalArgumentException("API key already configured: " + spec.apiKey());
        }
        accountsById.put(spec.futuresAccountId(), account);
        return account;
    }

    Account accountByKey(String apiKey) {
        return accountsByKey.get(apiKey);
    }

    Account accountById(String id) {
        return accountsById.get(id);
    }

    SymbolEngine engine(String symbol) {
        return engines.get(symbol);
    }

    Order order(String orderId) {
        return orders.get(orderId);
    }

    /** Checks what needs account state: ReduceOnly direction and margin. */
    void checkPlaceable(Account account, OrderRequest request) throws ExchangeException {
        if (orders.containsKey(request.orderId())) {
            throw duplicate(request.orderId());
        }
        synchronized (account) {
            Position position = account.positions.get(request.contract().symbol);
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
                    : request.type().isStop() ? request.stopPrice() : prices.markPrice(request.contract().symbol);
            BigDecimal needed = price.multiply(request.qty())
                    .divide(BigDecimal.valueOf(position.leverage), 9, RoundingMode.UP);
            BigDecimal free = account.crossedFreeMargin(prices);
            if (needed.compareTo(free) > 0) {
                throw new ExchangeException(ErrorCode.INVALID_MARGIN_BALANCE, "Insufficient margin: the order needs "
                        + DecimalText.plain(needed) + " USDT of margin, free margin is " + DecimalText.plain(free));
            }
        }
    }

    static ExchangeException duplicate(String orderId) {
        return new ExchangeException(ErrorCode.INVALID_ORDER_ID,
                "Duplicate orderId " + orderId + ": an order with this id already exists");
    }

    /** Accepts and runs a validated order (call {@link #checkPlaceable} first). */
    Placement place(Account account, OrderRequest request, String transport, long now) throws ExchangeException {
        Order order = new Order(request.orderId(), request.clientId(), account, request.contract(), request.side(),
                request.type(), request.priceTicks(), request.stopTicks(), request.qtyLots(), request.timeInForce(),
                request.postOnly(), request.reduceOnly(), request.execInst(), now, orderSeq.incrementAndGet());
        if (orders.putIfAbsent(order.orderId, order) != null) {
            truth.recordRejected();
            throw duplicate(order.orderId);
        }
        account.openOrders.put(order.orderId, order);
        account.remember(order);
        truth.recordAccepted(new AcceptedOrder(order.orderId, order.clientId, account.id(), order.contract.symbol,
                order.side.wire, order.type.wire, request.type().hasLimitPrice() ? request.price() : null,
                request.type().isStop() ? request.stopPrice() : null, request.qty(), request.timeInForce().name(),
                request.execInst(), request.postOnly(), transport, request.time(), now));
        OrderView accepted = order.view(order.seqNum);
        feed.orderChanged(order, now);
        SymbolEngine engine = engines.get(order.contract.symbol);
        engine.submit(order, now);
        OrderView done = request.respInst() == RespInst.DONE ? engine.view(order, order.seqNum) : null;
        return new Placement(order, accepted, done);
    }

    /** Cancels one order of {@code account}; returns its state after the cancel. */
    OrderView cancel(Account account, String orderId, String symbol, long now) throws ExchangeException {
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
        if (symbol != null && !symbol.isEmpty() && !symbol.equals(order.contract.symbol)) {
            throw new ExchangeException(ErrorCode.INVALID_PRODUCT, "Invalid Product Symbol: order " + orderId
                    + " is on " + order.contract.symbol + ", not '" + symbol + "'");
        }
        SymbolEngine engine = engines.get(order.contract.symbol);
        if (!engine.cancel(order, now)) {
            throw new ExchangeException(ErrorCode.INVALID_ORDER_ID,
                    "Order " + orderId + " is not open: its status is " + engine.view(order, 0).status());
        }
        return engine.view(order, order.seqNum);
    }

    /** Cancels every open order of {@code account}, of one symbol when {@code symbol} is given. */
    int cancelAll(Account account, String symbol, long now) throws ExchangeException {
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
    List<OrderView> recentOrders(Account account, String symbol, int limit, boolean executedOnly) {
        List<OrderView> result = new ArrayList<>();
        for (Order order : account.recentOrders()) {
            if (result.size() >= limit) {
                break;
            }
            if (symbol != null && !symbol.isEmpty() && !order.contract.symbol.equals(symbol)) {
                continue;
            }
            OrderView view = engines.get(order.contract.symbol).view(order, order.seqNum);
            if (!executedOnly || view.executed()) {
                result.add(view);
            }
        }
        return result;
    }

    List<OrderView> openOrders(Account account, String symbol) {
        List<OrderView> result = new ArrayList<>();
        for (Order order : account.openOrdersOf(symbol)) {
            OrderView view = engines.get(order.contract.symbol).view(order, order.seqNum);
            if (view.status().equals("New") || view.status().equals("PartiallyFilled")) {
                result.add(view);
            }
        }
        return result;
    }

    // ---- account operations ----------------------------------------------------------------------------------------

    void deposit(Account account, String asset, BigDecimal amount, long now) throws ExchangeException {
        CollateralAsset collateral = transferable(asset, amount);
        synchronized (account) {
            account.credit(collateral.asset(), amount);
            feed.accountChanged(account, null, requestId("d", account, now), now);
        }
    }

    void withdraw(Account account, String asset, BigDecimal amount, long now) throws ExchangeException {
        CollateralAsset collateral = transferable(asset, amount);
        synchronized (account) {
            BigDecimal available = account.availableForTransfer(collateral.asset(), prices);
            if (amount.compareTo(available) > 0) {
                throw new ExchangeException(ErrorCode.INVALID_BALANCE, "Invalid amount: " + amount.toPlainString()
                        + " " + asset + " is more than the " + DecimalText.plain(available) + " available for transfer");
            }
            account.credit(collateral.asset(), amount.negate());
            feed.accountChanged(account, null, requestId("w", account, now), now);
        }
    }

    private CollateralAsset transferable(String asset, BigDecimal amount) throws ExchangeException {
        CollateralAsset collateral = asset == null ? null : prices.collateral(asset);
        if (collateral == null || !collateral.statusCode().equals("Normal")) {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT,
                    "Invalid asset: '" + asset + "' is not a transferable collateral asset");
        }
        if (amount == null || amount.signum() <= 0) {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT,
                    "Invalid amount: '" + (amount == null ? null : amount.toPlainString()) + "' must be positive");
        }
        return collateral;
    }

    void changeIsolatedMargin(Account account, String symbol, BigDecimal amount, long now) throws ExchangeException {
        Contract contract = contract(symbol);
        if (amount == null || amount.signum() == 0) {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT, "Invalid amount: must be a non-zero number");
        }
        synchronized (account) {
            Position position = account.positions.get(contract.symbol);
            if (!position.isolated) {
                throw new ExchangeException(ErrorCode.INVALID_OPERATION,
                        "Margin can only be changed for isolated positions; " + symbol + " is crossed");
            }
            if (amount.signum() > 0) {
                BigDecimal free = account.crossedFreeMargin(prices).min(account.balance("USDT"));
                if (amount.compareTo(free) > 0) {
                    throw new ExchangeException(ErrorCode.INVALID_MARGIN_BALANCE, "Invalid amount: "
                            + amount.toPlainString() + " is more than the crossed free margin " + DecimalText.plain(free));
                }
            } else {
                BigDecimal free = account.isolatedFreeMargin(position, prices).min(position.isolatedMargin);
                if (amount.negate().compareTo(free) > 0) {
                    throw new ExchangeException(ErrorCode.INVALID_MARGIN_BALANCE, "Invalid amount: "
                            + amount.toPlainString() + " would take more than the isolated free margin "
                            + DecimalText.plain(free));
                }
            }
            position.isolatedMargin = position.isolatedMargin.add(amount);
            account.credit("USDT", amount.negate());
            feed.accountChanged(account, position, requestId("m", account, now), now);
        }
    }

    void changeMarginType(Account account, String symbol, String marginType, long now) throws ExchangeException {
        Contract contract = contract(symbol);
        String normalized = marginType == null ? "" : EnumText.normalize(marginType);
        boolean isolated;
        if (normalized.equals("isolated")) {
            isolated = true;
        } else if (normalized.equals("crossed") || normalized.equals("cross")) {
            isolated = false;
        } else {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT,
                    "Invalid marginType: '" + marginType + "' (isolated or crossed)");
        }
        synchronized (account) {
            Position position = account.positions.get(contract.symbol);
            if (position.isolated != isolated) {
                if (position.qty.signum() != 0) {
                    throw new ExchangeException(ErrorCode.INVALID_OPERATION,
                            "Cannot change the margin type of " + symbol + " while a position is open");
                }
                if (!isolated && position.isolatedMargin.signum() != 0) {
                    account.credit("USDT", position.isolatedMargin);
                    position.isolatedMargin = BigDecimal.ZERO;
                }
                position.isolated = isolated;
            }
            feed.accountChanged(account, position, requestId("t", account, now), now);
        }
    }

    void changeLeverage(Account account, String symbol, int leverage, long now) throws ExchangeException {
        Contract contract = contract(symbol);
        if (leverage < 1 || leverage > 100) {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT,
                    "Invalid leverage: " + leverage + " (an integer from 1 to 100)");
        }
        synchronized (account) {
            Position position = account.positions.get(contract.symbol);
            position.leverage = leverage;
            feed.accountChanged(account, position, requestId("l", account, now), now);
        }
    }

    Contract contract(String symbol) throws ExchangeException {
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
    private static String requestId(String kind, Account account, long now) {
        String sn = Long.toString(account.currentSn() + 1, 36);
        String padded = "0".repeat(Math.max(0, 8 - sn.length())) + sn;
        return "r" + Long.toHexString(now) + account.spec.userUid() + kind + padded;
    }

    /** Moves the market: one step of the seeded walk on one symbol. */
    int marketStep(Random walk, long now) {
        return engines.get(contractList.get(walk.nextInt(contractList.size())).symbol).marketStep(walk, now);
    }

    /** Updates mark and index prices, triggers stops, and sends pricing data and bars; returns messages sent. */
    int pricingTick(Random walk, long now) {
        int messages = 0;
        for (SymbolEngine engine : engines.values()) {
            engine.updateMarketState(walk, prices.market(engine.contract.symbol), now);
            messages += engine.checkStops(now);
        }
        messages++;
        if (hub.hasSubscribers("futures-pricing-data")) {
            hub.publish("futures-pricing-data", StreamMessages.pricing(prices));
        }
        for (SymbolEngine engine : engines.values()) {
            messages += engine.publishBars(now);
        }
        return messages;
    }

    /** Pins (or with null unpins) a contract's mark price, triggering stops at once. */
    void pinMarkPrice(String symbol, BigDecimal price, long now) throws ExchangeException {
        Contract contract = contract(symbol);
        MarketState state = prices.market(contract.symbol);
        state.pinnedMark = price;
        if (price != null) {
            state.markPrice = price;
            state.time = now;
        }
        engines.get(contract.symbol).checkStops(now);
        if (hub.hasSubscribers("futures-pricing-data")) {
            hub.publish("futures-pricing-data", StreamMessages.pricing(prices));
        }
    }
}
