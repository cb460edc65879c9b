package dev.bitmaxconnect.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * The order book and matching engine of one contract, with its built-in market maker. Every method runs under the
 * engine's own monitor (one lock per symbol, never a global one); account locks are taken inside it.
 */
final class SymbolEngine {

    /** Price levels the market maker quotes on each side. */
    static final int MAKER_LEVELS = 10;

    private static final class Level {
        final long price;
        final ArrayDeque<Order> orders = new ArrayDeque<>();
        long lots;

        Level(long price) {
            this.price = price;
        }
    }

    /** What one operation changed in the book, published as one depth, trades and bbo message. */
    private static final class BookChange {
        final List<Long> bidLevels = new ArrayList<>();
        final List<Long> askLevels = new ArrayList<>();
        final List<long[]> trades = new ArrayList<>();
        long bidBefore;
        long bidLotsBefore;
        long askBefore;
        long askLotsBefore;

        void level(Side side, long price) {
            List<Long> levels = side == Side.BUY ? bidLevels : askLevels;
            if (!levels.contains(price)) {
                levels.add(price);
            }
        }
    }

    final Contract contract;
    private final StreamHub hub;
    private final PrivateFeed feed;
    private final GroundTruth truth;
    private final PriceBoard prices;
    private final Account marketMaker;
    private final Random makerSizes;
    private final TreeMap<Long, Level> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<Long, Level> asks = new TreeMap<>();
    private final List<Order> stops = new ArrayList<>();
    private final Map<Long, Order> makerBids = new HashMap<>();
    private final Map<Long, Order> makerAsks = new HashMap<>();
    private final List<BarSeries> bars = new ArrayList<>();
    private final BookChange change = new BookChange();
    private final String depthKey;
    private final String bboKey;
    private final String tradesKey;
    private final String[] barKeys;
    private long seqnum;
    private long mid;
    private long lastTradeTicks;
    private long makerOrderCount;

    SymbolEngine(Contract contract, StreamHub hub, PrivateFeed feed, GroundTruth truth, PriceBoard prices,
                 Account marketMaker, long seed) {
        this.contract = contract;
        this.hub = hub;
        this.feed = feed;
        this.truth = truth;
        this.prices = prices;
        this.marketMaker = marketMaker;
        this.makerSizes = new Random(seed ^ contract.symbol.hashCode());
        this.depthKey = "depth:" + contract.symbol;
        this.bboKey = "bbo:" + contract.symbol;
        this.tradesKey = "trades:" + contract.symbol;
        this.barKeys = new String[BarSeries.INTERVALS.size()];
        for (int i = 0; i < barKeys.length; i++) {
            String interval = BarSeries.INTERVALS.get(i);
            bars.add(new BarSeries(interval));
            barKeys[i] = "bar:" + interval + ":" + contract.symbol;
        }
        this.mid = contract.nearestTicks(contract.initialPrice);
        this.lastTradeTicks = mid;
        this.seqnum = 1_000_000L * (1 + Math.floorMod(seed, 1000));
    }

    // ---- client orders -------------------------------------------------------------------------------------------

    /** Runs a newly accepted order: rests a stop, or matches and rests/cancels the remainder. */
    synchronized void submit(Order order, long now) {
        if (!order.isOpen()) {
            return; // canceled by a cancel-all between acceptance and submission
        }
        begin();
        if (order.type.isStop() && !stopTriggered(order)) {
            stops.add(order);
        } else {
            order.triggered = order.type.isStop();
            execute(order, now);
        }
        publish(now);
    }

    /** Cancels an open order; false when it is no longer open. */
    synchronized boolean cancel(Order order, long now) {
        if (!order.isOpen()) {
            return false;
        }
        begin();
        if (order.restingLots > 0) {
            removeResting(order);
        } else {
            stops.remove(order);
        }
        order.status = "Canceled";
        order.lastExecTime = now;
        closed(order, now);
        truth.recordCanceled();
        publish(now);
        return true;
    }

    /** Cancels every open order of {@code account} in this contract; returns how many. */
    synchronized int cancelAll(Account account, long now) {
        int count = 0;
        begin();
        for (Order order : account.openOrdersOf(contract.symbol)) {
            if (order.isOpen()) {
                if (order.restingLots > 0) {
                    removeResting(order);
                } else {
                    stops.remove(order);
                }
                order.status = "Canceled";
                order.lastExecTime = now;
                closed(order, now);
                truth.recordCanceled();
                count++;
            }
        }
        publish(now);
        return count;
    }

    /** A view of an order taken under this engine's lock. */
    synchronized OrderView view(Order order, long seqNum) {
        return order.view(seqNum);
    }

    /** The whole book as a depth-snapshot message (docs/exchange-api.md), consistent with the depth updates' seqnum. */
    synchronized String depthSnapshot(long now) {
        StringBuilder sb = new StringBuilder(2048).append("{\"m\":\"depth-snapshot\",\"symbol\":\"")
                .append(contract.symbol).append("\",\"data\":{\"ts\":").append(now).append(",\"seqnum\":")
                .append(seqnum).append(",\"asks\":[");
        appendLevels(sb, asks.keySet(), asks);
        sb.append("],\"bids\":[");
        appendLevels(sb, bids.keySet(), bids);
        return sb.append("]}}").toString();
    }

    /** Sends the snapshot to one session while holding the lock, so later updates reach it after the snapshot. */
    synchronized void sendDepthSnapshot(StreamSession session, long now) {
        session.send(depthSnapshot(now));
    }

    /** Best bid and ask prices (null when that side is empty). */
    synchronized BigDecimal[] bestBidAsk() {
        return new BigDecimal[] {
            bids.isEmpty() ? null : contract.price(bids.firstKey()),
            asks.isEmpty() ? null : contract.price(asks.firstKey())};
    }

    /** Total lots an order could take now, for FOK and for margin estimates of market orders. */
    private long crossingLots(Order order, long limit) {
        TreeMap<Long, Level> opposite = order.side == Side.BUY ? asks : bids;
        long total = 0;
        for (Level level : opposite.values()) {
            if (!order.isMarket() && !crosses(order, level.price)) {
                break;
            }
            total += level.lots;
            if (total >= limit) {
                break;
            }
        }
        return total;
    }

    private boolean crosses(Order taker, long levelPrice) {
        return taker.side == Side.BUY ? levelPrice <= taker.priceTicks : levelPrice >= taker.priceTicks;
    }

    private void execute(Order order, long now) {
        TreeMap<Long, Level> opposite = order.side == Side.BUY ? asks : bids;
        if (order.postOnly && !opposite.isEmpty() && crosses(order, opposite.firstKey())) {
            order.status = "Canceled";
            order.errorCode = "PostOnlyWouldTakeLiquidity";
            order.lastExecTime = now;
            closed(order, now);
            return;
        }
        if (order.timeInForce == TimeInForce.FOK && crossingLots(order, order.remainingLots()) < order.remainingLots()) {
            order.status = "Canceled";
            order.errorCode = "FillOrKillNotFilled";
            order.lastExecTime = now;
            closed(order, now);
            return;
        }
        while (order.remainingLots() > 0 && !opposite.isEmpty()) {
            Level level = opposite.firstEntry().getValue();
            if (!order.isMarket() && !crosses(order, level.price)) {
                break;
            }
            Order maker = level.orders.peekFirst();
            long lots = Math.min(order.remainingLots(), maker.restingLots);
            trade(order, maker, level, lots, now);
            if (maker.restingLots == 0) {
                level.orders.pollFirst();
            }
            if (level.orders.isEmpty()) {
                opposite.remove(level.price);
            }
        }
        if (order.remainingLots() > 0) {
            if (!order.isMarket() && order.timeInForce == TimeInForce.GTC) {
                rest(order);
                if (order.type.isStop() && order.filledLots == 0) {
                    feed.orderChanged(order, now);
                }
            } else {
                order.status = "Canceled";
                order.lastExecTime = now;
                closed(order, now);
            }
        } else if (order.type.isStop() && order.filledLots == 0) {
            feed.orderChanged(order, now);
        }
    }

    private void trade(Order taker, Order maker, Level level, long lots, long now) {
        long priceTicks = level.price;
        // decimals only when a client account is involved: market maker against market maker is the hot path
        boolean client = !maker.account.marketMaker || !taker.account.marketMaker;
        BigDecimal price = client ? contract.price(priceTicks) : null;
        BigDecimal qty = client ? contract.qty(lots) : null;
        BigDecimal notional = client ? price.multiply(qty) : null;
        maker.restingLots -= lots;
        level.lots -= lots;
        change.level(maker.side, priceTicks);
        long tradeSeq = ++seqnum;
        change.trades.add(new long[] {priceTicks, lots, maker.side == Side.BUY ? 1 : 0, tradeSeq, now});
        lastTradeTicks = priceTicks;
        for (BarSeries bar : bars) {
            bar.trade(now, priceTicks, lots);
        }
        fill(maker, priceTicks, lots, price, qty, notional, true, tradeSeq, now);
        fill(taker, priceTicks, lots, price, qty, notional, false, tradeSeq, now);
        if (maker.account.marketMaker && maker.restingLots == 0) {
            (maker.side == Side.BUY ? makerBids : makerAsks).remove(priceTicks);
        }
    }

    private void fill(Order order, long priceTicks, long lots, BigDecimal price, BigDecimal qty,
                      BigDecimal notional, boolean maker, long tradeSeq, long now) {
        Account account = order.account;
        order.filledLots += lots;
        order.lastPxTicks = priceTicks;
        order.lastQtyLots = lots;
        order.lastExecTime = now;
        order.status = order.remainingLots() == 0 ? "Filled" : "PartiallyFilled";
        if (account.marketMaker) {
            return;
        }
        BigDecimal fee = notional.multiply(maker ? SimulatorDefaults.MAKER_FEE_RATE : SimulatorDefaults.TAKER_FEE_RATE)
                .setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
        order.filledNotional = order.filledNotional.add(notional);
        order.lastFee = fee;
        order.cumFee = order.cumFee.add(fee);
        truth.recordFill(new Fill(order.orderId, account.id(), contract.symbol, order.side.wire,
                price.stripTrailingZeros(), qty.stripTrailingZeros(), fee, maker, tradeSeq, now));
        if (order.remainingLots() == 0) {
            account.openOrders.remove(order.orderId);
        }
        feed.orderChanged(order, now);
        synchronized (account) {
            if (maker) {
                account.openNotionalChanged(contract.symbol, order.side, notional.negate());
            }
            account.applyFill(contract, order.side, price, qty, fee);
            feed.accountChanged(account, account.positions.get(contract.symbol), order.orderId, now);
        }
    }

    private void rest(Order order) {
        TreeMap<Long, Level> book = order.side == Side.BUY ? bids : asks;
        Level level = book.computeIfAbsent(order.priceTicks, Level::new);
        long lots = order.remainingLots();
        level.orders.addLast(order);
        level.lots += lots;
        order.restingLots = lots;
        change.level(order.side, order.priceTicks);
        if (!order.account.marketMaker) {
            synchronized (order.account) {
                order.account.openNotionalChanged(contract.symbol, order.side,
                        contract.price(order.priceTicks).multiply(contract.qty(lots)));
            }
        }
    }

    private void removeResting(Order order) {
        TreeMap<Long, Level> book = order.side == Side.BUY ? bids : asks;
        Level level = book.get(order.priceTicks);
        if (level != null && level.orders.remove(order)) {
            level.lots -= order.restingLots;
            if (level.orders.isEmpty()) {
                book.remove(order.priceTicks);
            }
            change.level(order.side, order.priceTicks);
        }
        if (!order.account.marketMaker) {
            synchronized (order.account) {
                order.account.openNotionalChanged(contract.symbol, order.side,
                        contract.price(order.priceTicks).multiply(contract.qty(order.restingLots)).negate());
            }
        }
        order.restingLots = 0;
    }

    /** An order left the open state: drop it from the account's open orders and report it. */
    private void closed(Order order, long now) {
        if (!order.account.marketMaker) {
            order.account.openOrders.remove(order.orderId);
            feed.orderChanged(order, now);
        }
    }

    // ---- stops and mark price ------------------------------------------------------------------------------------

    private boolean stopTriggered(Order order) {
        BigDecimal mark = prices.markPrice(contract.symbol);
        int cmp = mark.compareTo(contract.price(order.stopTicks));
        return order.side == Side.BUY ? cmp >= 0 : cmp <= 0;
    }

    /** Triggers the stops the current mark price reaches; returns the public messages sent. */
    synchronized int checkStops(long now) {
        if (stops.isEmpty()) {
            return 0;
        }
        begin();
        List<Order> triggered = new ArrayList<>();
        for (Iterator<Order> it = stops.iterator(); it.hasNext(); ) {
            Order order = it.next();
            if (stopTriggered(order)) {
                it.remove();
                triggered.add(order);
            }
        }
        for (Order order : triggered) {
            order.triggered = true;
            execute(order, now);
        }
        return publish(now);
    }

    // ---- built-in market maker and traders -----------------------------------------------------------------------

    /** Places the market maker's initial ladder around the initial price. */
    synchronized void seedBook(long now) {
        begin();
        requote(now);
        for (BarSeries bar : bars) {
            bar.roll(now, mid);
        }
        publish(now);
    }

    /**
     * One market event drawn from {@code walk}: a resize of one quoted level, a trade by a built-in trader, or a
     * step of the mid price. Draws the same random numbers whatever the book holds, so the walk depends only on
     * the seed. Returns the number of public messages produced.
     */
    synchronized int marketStep(Random walk, long now) {
        double kind = walk.nextDouble();
        boolean up = walk.nextBoolean();
        int levelIndex = 1 + walk.nextInt(MAKER_LEVELS);
        long tradeLots = 1 + walk.nextInt(3000);
        long newLots = 100 + walk.nextInt(19_900);
        begin();
        long step = contract.quoteStepTicks;
        if (kind < 0.4) {
            long price = up ? mid + step * levelIndex : mid - step * levelIndex;
            Map<Long, Order> quotes = up ? makerAsks : makerBids;
            Order old = quotes.remove(price);
            if (old != null && old.restingLots > 0) {
                removeResting(old);
                old.status = "Canceled";
            }
            if (price > 0) {
                placeMakerOrder(up ? Side.SELL : Side.BUY, price, newLots, now);
            }
        } else if (kind < 0.75) {
            Order taker = makerOrder(up ? Side.BUY : Side.SELL, OrderType.MARKET, 0, tradeLots, now);
            execute(taker, now);
            requote(now);
        } else {
            long lowest = step * (MAKER_LEVELS + 2);
            mid = up || mid - step < lowest ? mid + step : mid - step;
            requote(now);
        }
        return publish(now);
    }

    /** Moves the mark and index prices around the mid; returns the mark price. */
    synchronized void updateMarketState(Random walk, MarketState state, long now) {
        long step = contract.quoteStepTicks;
        long markOffset = walk.nextInt((int) step + 1) - step / 2;
        long indexOffset = walk.nextInt((int) step + 1) - step / 2;
        BigDecimal pinned = state.pinnedMark;
        state.markPrice = pinned != null ? pinned : contract.price(mid + markOffset);
        state.indexPrice = contract.price(mid + indexOffset);
        state.time = now;
        if (now >= state.nextFundingTime) {
            state.nextFundingTime = MarketState.nextFunding(now);
        }
    }

    /** Sends the current candle of every interval that has subscribers; returns how many. */
    synchronized int publishBars(long now) {
        int sent = 0;
        for (int i = 0; i < barKeys.length; i++) {
            BarSeries bar = bars.get(i);
            bar.roll(now, lastTradeTicks);
            if (hub.hasSubscribers(barKeys[i])) {
                hub.publish(barKeys[i], StreamMessages.bar(contract, bar));
                sent++;
            }
        }
        return sent;
    }

    private void requote(long now) {
        long step = contract.quoteStepTicks;
        long lowBid = mid - step * MAKER_LEVELS;
        long highAsk = mid + step * MAKER_LEVELS;
        cancelMakerQuotes(makerBids, price -> price > mid - step || price < lowBid);
        cancelMakerQuotes(makerAsks, price -> price < mid + step || price > highAsk);
        for (int k = 1; k <= MAKER_LEVELS; k++) {
            long bid = mid - step * k;
            if (bid > 0 && !makerBids.containsKey(bid)) {
                placeMakerOrder(Side.BUY, bid, 100 + makerSizes.nextInt(19_900), now);
            }
            long ask = mid + step * k;
            if (!makerAsks.containsKey(ask)) {
                placeMakerOrder(Side.SELL, ask, 100 + makerSizes.nextInt(19_900), now);
            }
        }
    }

    private void cancelMakerQuotes(Map<Long, Order> quotes, LongPredicate stale) {
        for (Iterator<Map.Entry<Long, Order>> it = quotes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Order> entry = it.next();
            if (stale.test(entry.getKey())) {
                Order order = entry.getValue();
                if (order.restingLots > 0) {
                    removeResting(order);
                }
                order.status = "Canceled";
                it.remove();
            }
        }
    }

    private void placeMakerOrder(Side side, long priceTicks, long lots, long now) {
        Order order = makerOrder(side, OrderType.LIMIT, priceTicks, lots, now);
        execute(order, now);
        if (order.restingLots > 0) {
            (side == Side.BUY ? makerBids : makerAsks).put(priceTicks, order);
        }
    }

    private Order makerOrder(Side side, OrderType type, long priceTicks, long lots, long now) {
        return new Order("mm" + (++makerOrderCount), "", marketMaker, contract, side, type, priceTicks, 0, lots,
                type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC, false, false, "NULL_VAL", now, 0);
    }

    // ---- public messages -----------------------------------------------------------------------------------------

    private void begin() {
        change.bidLevels.clear();
        change.askLevels.clear();
        change.trades.clear();
        Map.Entry<Long, Level> bid = bids.firstEntry();
        Map.Entry<Long, Level> ask = asks.firstEntry();
        change.bidBefore = bid == null ? -1 : bid.getKey();
        change.bidLotsBefore = bid == null ? 0 : bid.getValue().lots;
        change.askBefore = ask == null ? -1 : ask.getKey();
        change.askLotsBefore = ask == null ? 0 : ask.getValue().lots;
    }

    /** Publishes what changed since {@link #begin()}; returns the number of messages. */
    private int publish(long now) {
        int messages = 0;
        if (!change.trades.isEmpty()) {
            messages++;
            if (hub.hasSubscribers(tradesKey)) {
                hub.publish(tradesKey, tradesMessage());
            }
        }
        if (!change.bidLevels.isEmpty() || !change.askLevels.isEmpty()) {
            messages++;
            long depthSeq = ++seqnum;
            if (hub.hasSubscribers(depthKey)) {
                hub.publish(depthKey, depthMessage(depthSeq, now));
            }
        }
        Map.Entry<Long, Level> bid = bids.firstEntry();
        Map.Entry<Long, Level> ask = asks.firstEntry();
        long bidPrice = bid == null ? -1 : bid.getKey();
        long bidLots = bid == null ? 0 : bid.getValue().lots;
        long askPrice = ask == null ? -1 : ask.getKey();
        long askLots = ask == null ? 0 : ask.getValue().lots;
        if (bidPrice != change.bidBefore || bidLots != change.bidLotsBefore || askPrice != change.askBefore
                || askLots != change.askLotsBefore) {
            messages++;
            if (hub.hasSubscribers(bboKey)) {
                hub.publish(bboKey, bboMessage(bidPrice, bidLots, askPrice, askLots, now));
            }
        }
        return messages;
    }

    private String tradesMessage() {
        StringBuilder sb = new StringBuilder(128 + 96 * change.trades.size()).append("{\"m\":\"trades\",\"symbol\":\"")
                .append(contract.symbol).append("\",\"data\":[");
        boolean first = true;
        for (long[] t : change.trades) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append("{\"p\":\"");
            contract.appendPrice(sb, t[0]);
            sb.append("\",\"q\":\"");
            contract.appendQty(sb, t[1]);
            sb.append("\",\"ts\":").append(t[4]).append(",\"bm\":").append(t[2] == 1).append(",\"seqnum\":")
                    .append(t[3]).append('}');
        }
        return sb.append("]}").toString();
    }

    private String depthMessage(long depthSeq, long now) {
        StringBuilder sb = new StringBuilder(256).append("{\"m\":\"depth\",\"symbol\":\"").append(contract.symbol)
                .append("\",\"data\":{\"ts\":").append(now).append(",\"seqnum\":").append(depthSeq)
                .append(",\"asks\":[");
        appendLevels(sb, change.askLevels, asks);
        sb.append("],\"bids\":[");
        appendLevels(sb, change.bidLevels, bids);
        return sb.append("]}}").toString();
    }

    private void appendLevels(StringBuilder sb, Iterable<Long> prices, TreeMap<Long, Level> book) {
        boolean first = true;
        for (Long price : prices) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            Level level = book.get(price);
            sb.append("[\"");
            contract.appendPrice(sb, price);
            sb.append("\",\"");
            contract.appendQty(sb, level == null ? 0 : level.lots);
            sb.append("\"]");
        }
    }

    private String bboMessage(long bidPrice, long bidLots, long askPrice, long askLots, long now) {
        StringBuilder sb = new StringBuilder(160).append("{\"m\":\"bbo\",\"symbol\":\"").append(contract.symbol)
                .append("\",\"data\":{\"ts\":").append(now).append(",\"bid\":[");
        if (bidPrice >= 0) {
            sb.append('"');
            contract.appendPrice(sb, bidPrice);
            sb.append("\",\"");
            contract.appendQty(sb, bidLots);
            sb.append('"');
        }
        sb.append("],\"ask\":[");
        if (askPrice >= 0) {
            sb.append('"');
            contract.appendPrice(sb, askPrice);
            sb.append("\",\"");
            contract.appendQty(sb, askLots);
            sb.append('"');
        }
        return sb.append("]}}").toString();
    }
}
