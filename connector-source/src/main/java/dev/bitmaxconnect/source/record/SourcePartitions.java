package dev.bitmaxconnect.source.record;

import java.util.Map;

/**
 * Source partitions and offsets. Market data: one partition per channel and symbol (and bar interval), offset
 * {@code seqnum} (depth, trades) and {@code time}. Orders: a fixed ring of partitions per account, each offset one
 * emitted order state (see {@code EmittedOrderStates}). Account: one partition per account, offset {@code sn} and
 * {@code time}. Reference data: one partition per kind, offset {@code time}.
 */
public final class SourcePartitions {
    public static final String CHANNEL = "channel";
    public static final String SYMBOL = "symbol";
    public static final String INTERVAL = "interval";
    public static final String ACCOUNT = "account";
    public static final String REFERENCE = "reference";

    public static final String SLOT = "slot";

    public static final String ORDER_ID = "orderId";
    public static final String SLOT_SEQ = "slotSeq";
    public static final String FORGOTTEN_THROUGH = "forgottenThrough";

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

    /** One slot of an account's ring of emitted order states, which a restart must not repeat. */
    public static Map<String, String> orderSlot(String accountId, int slot) {
        return Map.of(CHANNEL, "futures-order", ACCOUNT, accountId, SLOT, Integer.toString(slot));
    }

    public static Map<String, Object> orderOffset(long sn, EmittedOrderStates.Entry entry) {
        return Map.of(SN, sn, ORDER_ID, entry.orderId(), STATE, entry.state(), TIME, entry.time(),
                SLOT_SEQ, entry.seq(), FORGOTTEN_THROUGH, entry.forgottenThrough());
    }

    /** The ring entry a committed order offset holds, or {@code null} when it holds none. */
    public static EmittedOrderStates.Entry committedOrderState(Map<String, Object> offset) {
        if (offset == null || !(offset.get(ORDER_ID) instanceof String orderId) || !(offset.get(STATE) instanceof String state)) {
            return null;
        }
        Long time = committedSequence(offset, TIME);
        Long seq = committedSequence(offset, SLOT_SEQ);
        Long forgotten = committedSequence(offset, FORGOTTEN_THROUGH);
        if (time == null || seq == null || forgotten == null) {
            return null;
        }
        return new EmittedOrderStates.Entry(orderId, state, time, seq, forgotten);
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
