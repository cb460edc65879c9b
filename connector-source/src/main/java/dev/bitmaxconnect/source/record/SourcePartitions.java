package dev.bitmaxconnect.source.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Source partitions and offsets. Market data: one partition per channel and symbol (and bar interval), offset
 * {@code seqnum} (depth, trades) and {@code time}. Orders: a fixed ring of partitions per account, each offset one
 * emitted order state and the not-final states it carries forward (see {@code EmittedOrderStates}); offsets hold only
 * primitive values, so carried state {@code i} is kept under {@code carried.<i>.orderId}, {@code .state},
 * {@code .time} and {@code .slotSeq}. Account: one partition per account, offset {@code sn} and
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
    public static final String CARRIED = "carried.";

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
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put(SN, sn);
        offset.put(ORDER_ID, entry.orderId());
        offset.put(STATE, entry.state());
        offset.put(TIME, entry.time());
        offset.put(SLOT_SEQ, entry.seq());
        offset.put(FORGOTTEN_THROUGH, entry.forgottenThrough());
        List<EmittedOrderStates.State> carried = entry.carried();
        for (int i = 0; i < carried.size(); i++) {
            EmittedOrderStates.State state = carried.get(i);
            offset.put(CARRIED + i + "." + ORDER_ID, state.orderId());
            offset.put(CARRIED + i + "." + STATE, state.state());
            offset.put(CARRIED + i + "." + TIME, state.time());
            offset.put(CARRIED + i + "." + SLOT_SEQ, state.seq());
        }
        return offset;
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
        List<EmittedOrderStates.State> carried = new ArrayList<>();
        for (int i = 0; offset.get(CARRIED + i + "." + ORDER_ID) instanceof String carriedId; i++) {
            Long carriedTime = committedSequence(offset, CARRIED + i + "." + TIME);
            Long carriedSeq = committedSequence(offset, CARRIED + i + "." + SLOT_SEQ);
            if (!(offset.get(CARRIED + i + "." + STATE) instanceof String carriedState) || carriedTime == null
                    || carriedSeq == null) {
                break;
            }
            carried.add(new EmittedOrderStates.State(carriedId, carriedState, carriedTime, carriedSeq));
        }
        return new EmittedOrderStates.Entry(orderId, state, time, seq, forgotten, carried);
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
