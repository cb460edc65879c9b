package dev.bitmaxconnect.source.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order states a task emitted last: a ring of {@code slots} entries, each the source offset of one source
 * partition, so that what the offsets remember (and what every worker keeps of them in memory) stays bounded however
 * many orders an account places.
 *
 * <p>Every emitted state takes the next slot. An order is known while a slot holds its last state. The last state of
 * an order that is not final (the topic shows it open) is carried forward: each emitted state's entry also holds up
 * to {@link #CARRIED_PER_STATE} such states that half a ring of emissions has passed since a slot last took them,
 * the longest passed first. So up to {@link #trackedNotFinalLimit()} orders not final at once (8,192 with the
 * default ring) stay known however many states were emitted since; with more, the carrying may fall behind and
 * some leave the ring. Of the states that leave the ring only the latest execution time is kept
 * ({@link #forgottenThrough()}). A state the ring does not know and whose time is after that was never emitted; one
 * at or before it is taken as emitted long ago (the REST recovery lists an order that far back only when it has not
 * changed since).
 */
public final class EmittedOrderStates {
    /** Slots per account: several times the REST history a recovery reads, so that recovered orders are known. */
    public static final int DEFAULT_SLOTS = 4096;
    /** Not-final states one entry carries forward at most. */
    public static final int CARRIED_PER_STATE = 4;

    /** One emitted order state; {@code seq} numbers the emission that wrote it first. */
    public record State(String orderId, String state, long time, long seq) {
    }

    /**
     * What one slot holds, and one record's source offset keeps: the state emitted, the not-final states it carries
     * forward, and the latest execution time that had left the ring when it was written.
     */
    public record Entry(String orderId, String state, long time, long seq, long forgottenThrough, List<State> carried) {
        public Entry {
            carried = List.copyOf(carried);
        }

        public Entry(String orderId, String state, long time, long seq, long forgottenThrough) {
            this(orderId, state, time, seq, forgottenThrough, List.of());
        }

        public int slot(int slots) {
            return (int) Math.floorMod(seq, (long) slots);
        }

        /** The states carried, then the state emitted: the order in which the entry took them. */
        List<State> states() {
            List<State> states = new ArrayList<>(carried.size() + 1);
            states.addAll(carried);
            states.add(new State(orderId, state, time, seq));
            return states;
        }
    }

    /** What the ring knows of an order: its last state, and the latest entry that holds it. */
    private static final class Known {
        final State state;
        long heldBy;

        Known(State state, long heldBy) {
            this.state = state;
            this.heldBy = heldBy;
        }
    }

    private final int slots;
    private final int carryAfter;
    private final Entry[] ring;
    private final Map<String, Known> latestByOrder = new HashMap<>();
    /** The known orders whose last state is not final, the one held longest ago first. */
    private final LinkedHashMap<String, Known> notFinal = new LinkedHashMap<>();
    private long nextSeq;
    private long forgottenThrough = Long.MIN_VALUE;

    public EmittedOrderStates(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be positive, was " + slots);
        }
        this.slots = slots;
        this.carryAfter = slots / 2;
        this.ring = new Entry[slots];
    }

    public int slots() {
        return slots;
    }

    /**
     * How many orders not final at once stay known whatever their age: each is carried again within half a ring
     * of becoming due, at {@link #CARRIED_PER_STATE} per emitted state.
     */
    public int trackedNotFinalLimit() {
        return CARRIED_PER_STATE * Math.max(1, slots - carryAfter);
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
            nextSeq = Math.max(nextSeq, entry.seq() + 1);
            forgottenThrough = Math.max(forgottenThrough, entry.forgottenThrough());
        }
        latestByOrder.clear();
        notFinal.clear();
        List<Entry> held = new ArrayList<>();
        for (Entry entry : ring) {
            if (entry != null) {
                held.add(entry);
            }
        }
        held.sort(Comparator.comparingLong(Entry::seq));
        // Taken in the order the entries took them, so that the orders are carried on as they would have been.
        Map<String, Known> byLastHeld = new LinkedHashMap<>();
        for (Entry entry : held) {
            for (State state : entry.states()) {
                Known known = latestByOrder.get(state.orderId());
                if (known == null || state.seq() > known.state.seq()) {
                    known = new Known(state, entry.seq());
                    latestByOrder.put(state.orderId(), known);
                } else if (state.seq() == known.state.seq()) {
                    known.heldBy = entry.seq();
                } else {
                    continue;
                }
                byLastHeld.remove(state.orderId());
                byLastHeld.put(state.orderId(), known);
            }
        }
        byLastHeld.values().stream()
                .filter(known -> !OrderProgress.isFinal(known.state.state()))
                .forEach(known -> notFinal.put(known.state.orderId(), known));
    }

    /** Records an emitted state in the next slot; the entry returned is what the record's source offset keeps. */
    public Entry emitted(String orderId, String state, long time) {
        long seq = nextSeq++;
        int slot = (int) Math.floorMod(seq, (long) slots);
        Entry pushedOut = ring[slot];
        List<State> carried = carryForward(seq, orderId);

        Known known = new Known(new State(orderId, state, time, seq), seq);
        latestByOrder.put(orderId, known);
        notFinal.remove(orderId);
        if (!OrderProgress.isFinal(state)) {
            notFinal.put(orderId, known);
        }
        if (pushedOut != null) {
            forgetWhatOnlyItHeld(pushedOut);
        }
        Entry entry = new Entry(orderId, state, time, seq, forgottenThrough, carried);
        ring[slot] = entry;
        return entry;
    }

    /** The not-final states due to be held again (half a ring since), the longest due first, up to the limit. */
    private List<State> carryForward(long seq, String emittedOrder) {
        List<Known> due = new ArrayList<>(CARRIED_PER_STATE);
        for (Known known : notFinal.values()) {
            if (due.size() == CARRIED_PER_STATE || known.heldBy > seq - carryAfter) {
                break;
            }
            if (!known.state.orderId().equals(emittedOrder)) {
                due.add(known);
            }
        }
        List<State> carried = new ArrayList<>(due.size());
        for (Known known : due) {
            known.heldBy = seq;
            notFinal.remove(known.state.orderId());
            notFinal.put(known.state.orderId(), known);
            carried.add(known.state);
        }
        return carried;
    }

    /** The orders whose last state only the entry pushed out held are no longer known. */
    private void forgetWhatOnlyItHeld(Entry pushedOut) {
        for (State state : pushedOut.states()) {
            Known known = latestByOrder.get(state.orderId());
            if (known != null && known.state.seq() == state.seq() && known.heldBy == pushedOut.seq()) {
                latestByOrder.remove(state.orderId());
                notFinal.remove(state.orderId());
                forgottenThrough = Math.max(forgottenThrough, state.time());
            }
        }
    }

    /** The last state emitted for an order, or {@code null} when the ring does not know the order. */
    public String lastState(String orderId) {
        Known known = latestByOrder.get(orderId);
        return known == null ? null : known.state.state();
    }

    /** The orders whose last state emitted is not final, as far as the ring knows them. */
    public List<String> notFinalOrderIds() {
        return List.copyOf(notFinal.keySet());
    }

    /** The latest execution time of the states that left the ring ({@link Long#MIN_VALUE} when none did). */
    public long forgottenThrough() {
        return forgottenThrough;
    }
}
