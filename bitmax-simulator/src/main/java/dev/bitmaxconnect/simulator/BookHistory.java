package dev.bitmaxconnect.simulator;

import dev.bitmaxconnect.simulator.engine.Contract;
import dev.bitmaxconnect.simulator.engine.Depth;
import dev.bitmaxconnect.simulator.engine.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The depth changes of one symbol, the latest {@code capacity} of them on top of the book they started from, so
 * that the book at any retained {@code seqnum} can be rebuilt. Older changes are folded into that base book.
 */
final class BookHistory {

    private final Contract contract;
    private final int capacity;
    private final TreeMap<Long, Long> baseAsks = new TreeMap<>();
    private final TreeMap<Long, Long> baseBids = new TreeMap<>();
    private final ArrayDeque<Depth> changes = new ArrayDeque<>();
    private long baseSeqnum = Long.MIN_VALUE;
    private long lastSeqnum = Long.MIN_VALUE;

    BookHistory(Contract contract, int capacity) {
        this.contract = contract;
        this.capacity = capacity;
    }

    /** Records a depth change; changes arrive in increasing {@code seqnum} (under the symbol engine's lock). */
    synchronized void changed(Depth depth) {
        changes.addLast(depth);
        lastSeqnum = depth.seqnum();
        while (changes.size() > capacity) {
            Depth oldest = changes.removeFirst();
            apply(oldest, baseAsks, baseBids);
            baseSeqnum = oldest.seqnum();
        }
    }

    /** The seqnum of the latest change, or {@link Long#MIN_VALUE} before the first. */
    synchronized long lastSeqnum() {
        return lastSeqnum;
    }

    /** The book at {@code seqnum} (after every change at or below it); empty when that is older than the history. */
    synchronized Optional<Book> bookAt(long seqnum) {
        if (seqnum < baseSeqnum) {
            return Optional.empty();
        }
        TreeMap<Long, Long> asks = new TreeMap<>(baseAsks);
        TreeMap<Long, Long> bids = new TreeMap<>(baseBids);
        for (Depth change : changes) {
            if (change.seqnum() > seqnum) {
                break;
            }
            apply(change, asks, bids);
        }
        TreeMap<BigDecimal, BigDecimal> askBook = new TreeMap<>();
        TreeMap<BigDecimal, BigDecimal> bidBook = new TreeMap<>(Collections.reverseOrder());
        decimals(asks, askBook);
        decimals(bids, bidBook);
        return Optional.of(new Book(contract.symbol(), seqnum, askBook, bidBook));
    }

    private static void apply(Depth depth, Map<Long, Long> asks, Map<Long, Long> bids) {
        apply(depth.asks(), asks);
        apply(depth.bids(), bids);
    }

    private static void apply(List<PriceLevel> levels, Map<Long, Long> side) {
        for (PriceLevel level : levels) {
            if (level.lots() == 0) {
                side.remove(level.priceTicks());
            } else {
                side.put(level.priceTicks(), level.lots());
            }
        }
    }

    private void decimals(Map<Long, Long> levels, Map<BigDecimal, BigDecimal> out) {
        for (Map.Entry<Long, Long> level : levels.entrySet()) {
            out.put(contract.price(level.getKey()).stripTrailingZeros(), contract.qty(level.getValue()).stripTrailingZeros());
        }
    }
}
