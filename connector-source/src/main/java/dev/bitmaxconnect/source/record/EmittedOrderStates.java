package dev.bitmaxconnect.source.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order states a task emitted last: a ring of {@code slots} entries, each the source offset of one source
 * partition, so that what the offsets remember (and what every worker keeps of them in memory) stays bounded however
 * many orders an account places.
 *
 * <p>Every emitted state takes the next slot. An order's last state is known while it is in the ring; of the states
 * pushed out of it only the latest execution time is kept ({@link #forgottenThrough()}). A state the ring does not
 * know and whose time is after that was never emitted; one at or before it is taken as emitted long ago (the REST
 * recovery lists an order that far back only when it has not changed since).
 */
public final class EmittedOrderStates {
    /** Slots per account: several times the REST history a recovery reads, so that recovered orders are known. */
    public static final int DEFAULT_SLOTS = 4096;

    /**
     * One emitted state and where it is kept.
     *
     * @param forgottenThrough the latest execution time pushed out of the ring when this state was emitted
     */
    public record Entry(String orderId, String state, long time, long seq, long forgottenThrough) {
        public int slot(int slots) {
            return (int) Math.floorMod(seq, (long) slots);
        }
    }

    private final int slots;
    private final Entry[] ring;
    private final Map<String, Entry> latestByOrder = new HashMap<>();
    private long nextSeq;
    private long forgottenThrough = Long.MIN_VALUE;

    public EmittedOrderStates(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be positive, was " + slots);
        }
        this.slots = slots;
        this.ring = new Entry[slots];
    }

    public int slots() {
        return slots;
    }

    /** Rebuilds the ring from the entries committed before a restart (any order; foreign or stale ones ignored). */
    public void restore(Collection<Entry> committed) {
        List<Entry> entries = new ArrayList<>(committed);
        entries.sort(Comparator.comparingLong(Entry::seq));
        for (Entry entry : entries) {
            int slot = entry.slot(slots);
            if (ring[slot] != null && ring[slot].seq() >= entry.seq()) {
                continue;
            }
            ring[slot] = entry;
            latestByOrder.put(entry.orderId(), entry);
            nextSeq = Math.max(nextSeq, entry.seq() + 1);
            forgottenThrough = Math.max(forgottenThrough, entry.forgottenThrough());
        }
        latestByOrder.values().removeIf(entry -> ring[entry.slot(slots)] != entry);
    }

    /** Records an emitted state in the next slot; the entry returned is what the record's source offset keeps. */
    public Entry emitted(String orderId, String state, long time) {
        long seq = nextSeq++;
        Entry pushedOut = ring[(int) Math.floorMod(seq, (long) slots)];
        if (pushedOut != null) {
            forgottenThrough = Math.max(forgottenThrough, pushedOut.time());
            latestByOrder.remove(pushedOut.orderId(), pushedOut);
        }
        Entry entry = new Entry(orderId, state, time, seq, forgottenThrough);
        ring[entry.slot(slots)] = entry;
        latestByOrder.put(orderId, entry);
        return entry;
    }

    /** The last state emitted for an order, or {@code null} when the ring does not know the order. */
    public String lastState(String orderId) {
        Entry entry = latestByOrder.get(orderId);
        return entry == null ? null : entry.state();
    }

    /** The latest execution time of the states pushed out of the ring ({@link Long#MIN_VALUE} when none was). */
    public long forgottenThrough() {
        return forgottenThrough;
    }
}
