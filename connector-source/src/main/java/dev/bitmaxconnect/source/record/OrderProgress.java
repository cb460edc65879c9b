package dev.bitmaxconnect.source.record;

import java.math.BigDecimal;
import java.util.Set;

import dev.bitmaxconnect.client.model.WireEnum;

/**
 * Where an order is in its life, as a state key: its status and cumulative filled quantity ({@code "New|0"},
 * {@code "PartiallyFilled|0.5"}), which only move forward together. REST's {@code seqNum} is not the stream's
 * {@code sn}, so states from both are compared by this key alone.
 */
public final class OrderProgress {
    /** The statuses after which an order changes no more; any other status (an unknown one too) may still move. */
    private static final Set<String> FINAL = Set.of("Filled", "Canceled", "Cancelled", "Rejected", "Expired");

    private OrderProgress() {
    }

    /** The state key of a status (a client enum or its wire text) and a cumulative filled quantity. */
    public static String key(Object status, BigDecimal cumFilledQty) {
        String qty = cumFilledQty == null ? "0" : cumFilledQty.stripTrailingZeros().toPlainString();
        String name = status instanceof WireEnum<?> known ? known.wire() : String.valueOf(status);
        return name + "|" + qty;
    }

    /** Whether the order can change no more. */
    public static boolean isFinal(String state) {
        return FINAL.contains(status(state));
    }

    /**
     * Orders two states of one order: a final state comes last; otherwise more filled comes later, and at equal
     * fills a waiting stop ({@code PendingNew}) comes before {@code New}, which comes before {@code PartiallyFilled}.
     */
    public static int compare(String a, String b) {
        int byFinal = Boolean.compare(isFinal(a), isFinal(b));
        if (byFinal != 0) {
            return byFinal;
        }
        int byFill = cumFilled(a).compareTo(cumFilled(b));
        if (byFill != 0 || isFinal(a)) {
            return byFill;
        }
        return Integer.compare(openRank(status(a)), openRank(status(b)));
    }

    private static int openRank(String status) {
        return switch (status) {
            case "PendingNew" -> 0;
            case "PartiallyFilled" -> 2;
            default -> 1;
        };
    }

    private static String status(String state) {
        int bar = state.indexOf('|');
        return bar < 0 ? state : state.substring(0, bar);
    }

    private static BigDecimal cumFilled(String state) {
        try {
            return new BigDecimal(state.substring(state.indexOf('|') + 1));
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
