package dev.bitmaxconnect.simulator.market;

import dev.bitmaxconnect.simulator.engine.Contract;
import dev.bitmaxconnect.simulator.engine.Depth;
import dev.bitmaxconnect.simulator.engine.DepthSnapshotSource;
import dev.bitmaxconnect.simulator.engine.ExchangeEvents;
import dev.bitmaxconnect.simulator.engine.PriceLevel;
import dev.bitmaxconnect.simulator.engine.Trade;
import java.util.List;
import java.util.function.Consumer;

/**
 * Market data for throughput tests: depth and trades of every contract at fixed prices with live times and sequence
 * numbers (one increasing {@code seqnum} per symbol, shared by its depth and trades, as on the exchange), without
 * the random walk and the order book behind them. An event costs a small part of a random-walk step, so a
 * benchmark's feed is not what limits it. Not meant to be combined with trading: client orders still match against
 * the book and publish their own trades with the book's sequence numbers. A {@code depth-snapshot} is answered with
 * the synthetic book (one level a side) at the symbol's synthetic seqnum.
 */
public final class SyntheticMarketData implements DepthSnapshotSource {

    private final ExchangeEvents events;
    private final List<Contract> contracts;
    private final List<List<PriceLevel>> asks;
    private final List<List<PriceLevel>> bids;
    private final long[] seqnums;
    private long step;

    public SyntheticMarketData(List<Contract> contracts, ExchangeEvents events) {
        this.events = events;
        this.contracts = List.copyOf(contracts);
        this.asks = contracts.stream().map(c -> List.of(new PriceLevel(bidTicks(c) + 1, 1))).toList();
        this.bids = contracts.stream().map(c -> List.of(new PriceLevel(bidTicks(c), 1))).toList();
        this.seqnums = new long[contracts.size()];
    }

    /** The bid sits at the initial price, the ask one tick above; both hold the smallest quantity (one lot). */
    private static long bidTicks(Contract contract) {
        return contract.nearestTicks(contract.initialPrice());
    }

    /** Publishes the next event: each contract in turn, depth and trades alternating. Returns 1 (messages). */
    public synchronized int step(long now) {
        long current = step++;
        int n = contracts.size();
        int i = (int) (current % n);
        long seqnum = ++seqnums[i];
        Contract contract = contracts.get(i);
        if ((current / n) % 2 == 0) {
            events.depthChanged(new Depth(contract, seqnum, now, asks.get(i), bids.get(i)));
        } else {
            PriceLevel bid = bids.get(i).get(0);
            events.trades(contract, List.of(new Trade(bid.priceTicks(), bid.lots(), seqnum % 2 == 0, seqnum, now)));
        }
        return 1;
    }

    @Override
    public synchronized boolean withDepthSnapshot(String symbol, long now, Consumer<Depth> use) {
        for (int i = 0; i < contracts.size(); i++) {
            Contract contract = contracts.get(i);
            if (contract.symbol().equals(symbol)) {
                use.accept(new Depth(contract, seqnums[i], now, asks.get(i), bids.get(i)));
                return true;
            }
        }
        return false;
    }
}
