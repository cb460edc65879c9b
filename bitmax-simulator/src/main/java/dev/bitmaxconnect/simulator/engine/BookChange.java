package dev.bitmaxconnect.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What one operation changed in a book, published as one trades, depth and bbo event; guarded by the engine's lock. */
final class BookChange {

    final List<Long> bidLevels = new ArrayList<>();
    final List<Long> askLevels = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    private PriceLevel bidBefore;
    private PriceLevel askBefore;

    /** Starts an operation on a book whose best levels are {@code bid} and {@code ask} (null when empty). */
    void begin(PriceLevel bid, PriceLevel ask) {
        bidLevels.clear();
        askLevels.clear();
        trades.clear();
        bidBefore = bid;
        askBefore = ask;
    }

    void level(Side side, long price) {
        List<Long> levels = side == Side.BUY ? bidLevels : askLevels;
        if (!levels.contains(price)) {
            levels.add(price);
        }
    }

    boolean levelsChanged() {
        return !bidLevels.isEmpty() || !askLevels.isEmpty();
    }

    boolean bestChanged(PriceLevel bid, PriceLevel ask) {
        return !Objects.equals(bid, bidBefore) || !Objects.equals(ask, askBefore);
    }
}
