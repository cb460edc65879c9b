package dev.bitmaxconnect.simulator.engine;

import java.util.List;

/** Price levels of a contract's book: the whole book (a snapshot) or the levels one operation changed. */
public record Depth(Contract contract, long seqnum, long time, List<PriceLevel> asks, List<PriceLevel> bids) {
}
