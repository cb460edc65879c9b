package dev.bitmaxconnect.simulator.engine;

import java.util.List;

/** Price levels of a contract's book: the whole book (a snapshot) or the levels one operation changed. */
public record Depth(Contract contract, long seqnum, long time, List<PriceLevel> asks, List<PriceLevel> bids) {

    /** The best {@code levels} levels of each side of a snapshot (asks and bids best first); 0: all of them. */
    public Depth top(int levels) {
        if (levels <= 0 || (asks.size() <= levels && bids.size() <= levels)) {
            return this;
        }
        return new Depth(contract, seqnum, time, asks.subList(0, Math.min(levels, asks.size())),
                bids.subList(0, Math.min(levels, bids.size())));
    }
}
