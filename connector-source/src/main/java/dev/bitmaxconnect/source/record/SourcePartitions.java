package dev.bitmaxconnect.source.record;

import java.util.Map;

/**
 * Source partitions and offsets. Market data: one partition per channel and symbol (and bar interval), offset
 * {@code seqnum} (depth, trades) and {@code time}. Orders: one partition per order, offset its last state
 * (status and cumulative filled quantity), {@code sn} and {@code time}. Account: one partition per account,
 * offset {@code sn} and {@code time}. Reference data: one partition per kind, offset {@code time}.
 */
public final class SourcePartitions {
    public static final String CHANNEL = "channel";
    public static final String SYMBOL = "symbol";
    public static final String INTERVAL = "interval";
    public static final String ACCOUNT = "account";
    public static final String REFERENCE = "reference";

    public static final String ORDER_ID = "orderId";

    public static final String SEQNUM = "seqnum";
    public static final String STATE = "state";
    public static final String SN = "sn";
    public static final String TIME = "time";

    private SourcePartitions() {
    }

    public static Map<String, String> market(String channel, String symbol) {
        return Map.of(CHANNEL, channel, SYMBOL, symbol);
    }

    public static Map<String, String> bar(String symbol, String interval) {
        return Map.of(CHANNEL, "bar", SYMBOL, symbol, INTERVAL, interval);
    }

    public static Map<String, String> pricing() {
        return Map.of(CHANNEL, "futures-pricing-data");
    }

    public static Map<String, String> account(String channel, String accountId) {
        return Map.of(CHANNEL, channel, ACCOUNT, accountId);
    }

    /** One partition per order: its offset holds the order's last emitted state, which a restart must not repeat. */
    public static Map<String, String> order(String accountId, String orderId) {
        return Map.of(CHANNEL, "futures-order", ACCOUNT, accountId, ORDER_ID, orderId);
    }

    public static Map<String, Object> orderOffset(long sn, String state, long time) {
        return Map.of(SN, sn, STATE, state, TIME, time);
    }

    public static Map<String, String> reference(String kind) {
        return Map.of(REFERENCE, kind);
    }

    public static Map<String, Object> sequenceOffset(String field, long sequence, long time) {
        return Map.of(field, sequence, TIME, time);
    }

    public static Map<String, Object> timeOffset(long time) {
        return Map.of(TIME, time);
    }

    /** The sequence number of a committed offset, or {@code null} when none (or not a number). */
    public static Long committedSequence(Map<String, Object> offset, String field) {
        if (offset == null) {
            return null;
        }
        Object value = offset.get(field);
        return value instanceof Number ? ((Number) value).longValue() : null;
    }
}
