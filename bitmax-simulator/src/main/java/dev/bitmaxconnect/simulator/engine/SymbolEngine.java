package dev.bitmaxconnect.simulator.engine;

import dev.bitmaxconnect.simulator.Fill;
import dev.bitmaxconnect.simulator.GroundTruth;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The order book and matching engine of one contract, with its built-in market maker ({@link MarketMaker}).
 * Every method runs under the engine's own monitor (one lock per symbol, never a global one); account locks are
 * taken inside it.
 */
public final class SymbolEngine {

    final Contract contract;
    private final ExchangeEvents events;
    private final PrivateFeed feed;
    private final GroundTruth.Recorder truth;
    private final PriceBoard prices;
    private final MarketMaker maker;
    private final TreeMap<Long, Level> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<Long, Level> asks = new TreeMap<>();
    private final List<Order> stops = new ArrayList<>();
    private final List<BarSeries> bars = new ArrayList<>();
    private final BookChange change = new BookChange();
    private long seqnum;
    private long lastTradeTicks;

    SymbolEngine(Contract contract, ExchangeEvents events, PrivateFeed feed, GroundTruth.Recorder truth,
                 PriceBoard prices, Account marketMaker, long seed) {
        this.contract = contract;
        this.events = events;
        this.feed = feed;
        this.truth = truth;
        this.prices = prices;
        this.maker = new MarketMaker(this, marketMaker, seed);
        for (String interval : Bar.INTERVALS) {
            bars.add(new BarSeries(interval));
        }
        this.lastTradeTicks = maker.mid();
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
        cancelOpen(order, now);
        publish(now);
        return true;
    }

    /** Cancels every open order of {@code account} in this contract; returns how many. */
    synchronized int cancelAll(Account account, long now) {
        int count = 0;
        begin();
        for (Order order : account.openOrdersOf(contract.symbol())) {
            if (order.isOpen()) {
                cancelOpen(order, now);
                count++;
            }
        }
        publish(now);
        return count;
    }

    private void cancelOpen(Order order, long now) {
        if (order.restingLots > 0) {
            removeResting(order);
        } else {
            stops.remove(order);
        }
        order.status = "Canceled";
        order.lastExecTime = now;
        closed(order, now);
        truth.canceled();
    }

    /** A view of an order taken under this engine's lock. */
    synchronized OrderView view(Order order, long seqNum) {
        return order.view(seqNum);
    }

    /**
     * Hands the whole book, with the seqnum of the last depth change, to {@code use} while holding the lock, so that
     * whatever {@code use} sends reaches its reader before any later depth change (docs/exchange-api.md).
     */
    public synchronized void withDepthSnapshot(long now, Consumer<Depth> use) {
        use.accept(new Depth(contract, seqnum, now, levels(asks.keySet(), asks), levels(bids.keySet(), bids)));
    }

    /** Best bid and ask prices (null when that side is empty). */
    public synchronized BigDecimal[] bestBidAsk() {
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

    /** Matches {@code order} and rests or cancels what is left; call under this engine's lock. */
    void execute(Order order, long now) {
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
        change.trades.add(new Trade(priceTicks, lots, maker.side == Side.BUY, tradeSeq, now));
        lastTradeTicks = priceTicks;
        for (BarSeries bar : bars) {
            bar.trade(now, priceTicks, lots);
        }
        fill(maker, priceTicks, lots, price, qty, notional, true, tradeSeq, now);
        fill(taker, priceTicks, lots, price, qty, notional, false, tradeSeq, now);
        if (maker.account.marketMaker && maker.restingLots == 0) {
            this.maker.quoteTaken(maker);
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
        truth.filled(new Fill(order.orderId, account.id(), contract.symbol(), order.side.wire,
                price.stripTrailingZeros(), qty.stripTrailingZeros(), fee, maker, tradeSeq, now));
        if (order.remainingLots() == 0) {
            account.openOrders.remove(order.orderId);
        }
        feed.orderChanged(order, now);
        synchronized (account) {
            if (maker) {
                account.openNotionalChanged(contract.symbol(), order.side, notional.negate());
            }
            account.applyFill(contract, order.side, price, qty, fee);
            feed.accountChanged(account, account.positions.get(contract.symbol()), order.orderId, now);
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
                order.account.openNotionalChanged(contract.symbol(), order.side,
                        contract.price(order.priceTicks).multiply(contract.qty(lots)));
            }
        }
    }

    /** Takes a resting order out of the book; call under this engine's lock. */
    void removeResting(Order order) {
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
                order.account.openNotionalChanged(contract.symbol(), order.side,
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
        BigDecimal mark = prices.markPrice(contract.symbol());
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
        maker.requote(now);
        for (BarSeries bar : bars) {
            bar.roll(now, maker.mid());
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
        int levelIndex = 1 + walk.nextInt(MarketMaker.LEVELS);
        long tradeLots = 1 + walk.nextInt(3000);
        long newLots = 100 + walk.nextInt(19_900);
        begin();
        if (kind < 0.4) {
            maker.resizeQuote(up, levelIndex, newLots, now);
        } else if (kind < 0.75) {
            maker.trade(up ? Side.BUY : Side.SELL, tradeLots, now);
        } else {
            maker.stepMid(up, now);
        }
        return publish(now);
    }

    /** Moves the mark and index prices around the mid; returns the mark price. */
    synchronized void updateMarketState(Random walk, MarketState state, long now) {
        long step = contract.quoteStepTicks();
        long markOffset = walk.nextInt((int) step + 1) - step / 2;
        long indexOffset = walk.nextInt((int) step + 1) - step / 2;
        BigDecimal pinned = state.pinnedMark;
        state.markPrice = pinned != null ? pinned : contract.price(maker.mid() + markOffset);
        state.indexPrice = contract.price(maker.mid() + indexOffset);
        state.time = now;
        if (now >= state.nextFundingTime) {
            state.nextFundingTime = MarketState.nextFunding(now);
        }
    }

    /** Publishes the current candle of every interval; returns how many reached anyone. */
    synchronized int publishBars(long now) {
        int sent = 0;
        for (BarSeries bar : bars) {
            bar.roll(now, lastTradeTicks);
            if (events.bar(contract, bar.current())) {
                sent++;
            }
        }
        return sent;
    }

    // ---- public events -------------------------------------------------------------------------------------------

    private void begin() {
        change.begin(best(bids), best(asks));
    }

    /** Publishes what changed since {@link #begin()}; returns the number of messages. */
    private int publish(long now) {
        int messages = 0;
        if (!change.trades.isEmpty()) {
            messages++;
            events.trades(contract, change.trades);
        }
        if (change.levelsChanged()) {
            messages++;
            long depthSeq = ++seqnum;
            Depth depth = new Depth(contract, depthSeq, now, levels(change.askLevels, asks), levels(change.bidLevels, bids));
            truth.depthChanged(depth);
            events.depthChanged(depth);
        }
        PriceLevel bid = best(bids);
        PriceLevel ask = best(asks);
        if (change.bestChanged(bid, ask)) {
            messages++;
            events.bestBidAskChanged(contract, bid, ask, now);
        }
        return messages;
    }

    private static PriceLevel best(TreeMap<Long, Level> book) {
        Map.Entry<Long, Level> best = book.firstEntry();
        return best == null ? null : new PriceLevel(best.getKey(), best.getValue().lots);
    }

    /** The levels at {@code prices} in {@code book} (zero lots for a level that is gone). */
    private static List<PriceLevel> levels(Collection<Long> prices, TreeMap<Long, Level> book) {
        List<PriceLevel> result = new ArrayList<>(prices.size());
        for (Long price : prices) {
            Level level = book.get(price);
            result.add(new PriceLevel(price, level == null ? 0 : level.lots));
        }
        return result;
    }
}
