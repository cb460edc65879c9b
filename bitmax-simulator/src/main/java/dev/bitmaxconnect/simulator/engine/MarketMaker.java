package dev.bitmaxconnect.simulator.engine;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.function.LongPredicate;

/**
 * The built-in market maker and traders of one contract: a ladder of quotes around a mid price, resized, traded
 * against and moved by the market steps. Every method runs under its engine's lock.
 */
final class MarketMaker {

    /** Price levels the market maker quotes on each side. */
    static final int LEVELS = 10;

    private final SymbolEngine engine;
    private final Contract contract;
    private final Account account;
    private final Random sizes;
    private final Map<Long, Order> bids = new HashMap<>();
    private final Map<Long, Order> asks = new HashMap<>();
    private long mid;
    private long orderCount;

    MarketMaker(SymbolEngine engine, Account account, long seed) {
        this.engine = engine;
        this.contract = engine.contract;
        this.account = account;
        this.sizes = new Random(seed ^ contract.symbol().hashCode());
        this.mid = contract.nearestTicks(contract.initialPrice());
    }

    long mid() {
        return mid;
    }

    /** Replaces the quote {@code levelIndex} steps above ({@code up}) or below the mid by one of {@code lots}. */
    void resizeQuote(boolean up, int levelIndex, long lots, long now) {
        long step = contract.quoteStepTicks();
        long price = up ? mid + step * levelIndex : mid - step * levelIndex;
        Map<Long, Order> quotes = up ? asks : bids;
        Order old = quotes.remove(price);
        if (old != null && old.restingLots > 0) {
            engine.removeResting(old);
            old.status = "Canceled";
        }
        if (price > 0) {
            place(up ? Side.SELL : Side.BUY, price, lots, now);
        }
    }

    /** A built-in trader takes {@code lots} at market, then the ladder is filled up again. */
    void trade(Side side, long lots, long now) {
        engine.execute(order(side, OrderType.MARKET, 0, lots, now), now);
        requote(now);
    }

    /** Moves the mid one step (never below the ladder's depth) and requotes. */
    void stepMid(boolean up, long now) {
        long step = contract.quoteStepTicks();
        long lowest = step * (LEVELS + 2);
        mid = up || mid - step < lowest ? mid + step : mid - step;
        requote(now);
    }

    /** A quote was filled completely. */
    void quoteTaken(Order quote) {
        (quote.side == Side.BUY ? bids : asks).remove(quote.priceTicks);
    }

    void requote(long now) {
        long step = contract.quoteStepTicks();
        long lowBid = mid - step * LEVELS;
        long highAsk = mid + step * LEVELS;
        cancelQuotes(bids, price -> price > mid - step || price < lowBid);
        cancelQuotes(asks, price -> price < mid + step || price > highAsk);
        for (int k = 1; k <= LEVELS; k++) {
            long bid = mid - step * k;
            if (bid > 0 && !bids.containsKey(bid)) {
                place(Side.BUY, bid, 100 + sizes.nextInt(19_900), now);
            }
            long ask = mid + step * k;
            if (!asks.containsKey(ask)) {
                place(Side.SELL, ask, 100 + sizes.nextInt(19_900), now);
            }
        }
    }

    private void cancelQuotes(Map<Long, Order> quotes, LongPredicate stale) {
        for (Iterator<Map.Entry<Long, Order>> it = quotes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Order> entry = it.next();
            if (stale.test(entry.getKey())) {
                Order order = entry.getValue();
                if (order.restingLots > 0) {
                    engine.removeResting(order);
                }
                order.status = "Canceled";
                it.remove();
            }
        }
    }

    private void place(Side side, long priceTicks, long lots, long now) {
        Order order = order(side, OrderType.LIMIT, priceTicks, lots, now);
        engine.execute(order, now);
        if (order.restingLots > 0) {
            (side == Side.BUY ? bids : asks).put(priceTicks, order);
        }
    }

    private Order order(Side side, OrderType type, long priceTicks, long lots, long now) {
        return new Order("mm" + (++orderCount), "", account, contract, side, type, priceTicks, 0, lots,
                type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC, false, false, "NULL_VAL", now, 0);
    }
}
