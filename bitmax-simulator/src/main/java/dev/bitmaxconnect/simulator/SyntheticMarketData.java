package dev.bitmaxconnect.simulator;

import java.util.List;

/**
 * Market data for throughput tests: depth and trades messages of every contract, cut from fixed templates with live
 * times and sequence numbers (one increasing {@code seqnum} per symbol, shared by its depth and trades, as on the
 * exchange), without the random walk and the order book behind them. A message costs a small part of a random-walk
 * step, so a benchmark's feed is not what limits it. Not meant to be combined with trading: client orders still
 * match against the book and publish their own trades with the book's sequence numbers.
 */
final class SyntheticMarketData {

    private final StreamHub hub;
    private final String[] depthKeys;
    private final String[] tradesKeys;
    private final String[] depthPrefixes;
    private final String[] depthSuffixes;
    private final String[] tradesPrefixes;
    private final long[] seqnums;
    private long step;

    SyntheticMarketData(List<Contract> contracts, StreamHub hub) {
        this.hub = hub;
        int n = contracts.size();
        depthKeys = new String[n];
        tradesKeys = new String[n];
        depthPrefixes = new String[n];
        depthSuffixes = new String[n];
        tradesPrefixes = new String[n];
        seqnums = new long[n];
        for (int i = 0; i < n; i++) {
            Contract contract = contracts.get(i);
            String bid = contract.initialPrice.toPlainString();
            String ask = contract.initialPrice.add(contract.tickSize).toPlainString();
            String qty = contract.minQty.toPlainString();
            depthKeys[i] = "depth:" + contract.symbol;
            tradesKeys[i] = "trades:" + contract.symbol;
            depthPrefixes[i] = "{\"m\":\"depth\",\"symbol\":\"" + contract.symbol + "\",\"data\":{\"ts\":";
            depthSuffixes[i] = ",\"asks\":[[\"" + ask + "\",\"" + qty + "\"]],\"bids\":[[\"" + bid + "\",\"" + qty + "\"]]}}";
            tradesPrefixes[i] = "{\"m\":\"trades\",\"symbol\":\"" + contract.symbol + "\",\"data\":[{\"p\":\"" + bid
                    + "\",\"q\":\"" + qty + "\",\"ts\":";
        }
    }

    /** Publishes the next message: each contract in turn, depth and trades alternating. Returns 1 (messages). */
    int step(long now) {
        long current = step++;
        int i = (int) (current % depthKeys.length);
        long seqnum = ++seqnums[i];
        if ((current / depthKeys.length) % 2 == 0) {
            hub.publish(depthKeys[i], depthPrefixes[i] + now + ",\"seqnum\":" + seqnum + depthSuffixes[i]);
        } else {
            hub.publish(tradesKeys[i], tradesPrefixes[i] + now + ",\"bm\":" + (seqnum % 2 == 0) + ",\"seqnum\":"
                    + seqnum + "}]}");
        }
        return 1;
    }
}
