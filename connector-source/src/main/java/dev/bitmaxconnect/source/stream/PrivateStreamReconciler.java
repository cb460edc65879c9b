package dev.bitmaxconnect.source.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.bitmaxconnect.source.record.EmittedOrderStates;
import dev.bitmaxconnect.source.record.OrderProgress;

/**
 * Decides which private events to emit so that none is emitted twice and none that can be recovered is lost.
 *
 * <p>When the private stream (re)starts, the task subscribes first, then reads the account snapshot and the orders
 * over REST. Stream events that arrive meanwhile are held. Then:
 * <ul>
 * <li>account states (updates and the snapshot) are merged in {@code sn} order, skipping everything at or below the
 * last {@code sn} emitted (or committed before a restart);</li>
 * <li>an order state read over REST is emitted only when it is ahead of the last state emitted for that order (in
 * this run, or committed before a restart: {@link EmittedOrderStates}) and not a state a held stream event
 * carries; the state is the order's status with its cumulative filled quantity, because REST's {@code seqNum} is
 * not the stream's {@code sn};</li>
 * <li>held stream events follow, in {@code sn} order.</li>
 * </ul>
 * After that, stream events pass straight through, repeats of an {@code sn} dropped.
 */
public final class PrivateStreamReconciler {
    private static final int REMEMBERED_RECOVERIES = 100_000;

    private final int maxHeld;
    private final EmittedOrderStates emittedOrders;
    private final Map<PrivateEvent.Kind, Long> lastSn = new HashMap<>();
    private final List<PrivateEvent> held = new ArrayList<>();
    private final Map<String, String> recoveredStates = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_RECOVERIES;
        }
    };
    private boolean holding;

    public PrivateStreamReconciler(int maxHeld) {
        this(maxHeld, new EmittedOrderStates(EmittedOrderStates.DEFAULT_SLOTS));
    }

    public PrivateStreamReconciler(int maxHeld, EmittedOrderStates emittedOrders) {
        this.maxHeld = maxHeld;
        this.emittedOrders = emittedOrders;
    }

    /** The order states emitted last, committed with the records and restored after a restart. */
    public EmittedOrderStates emittedOrders() {
        return emittedOrders;
    }

    /** Resumes from the sequence number committed for a kind's source partition. */
    public void resumeFrom(PrivateEvent.Kind kind, long committedSn) {
        lastSn.merge(kind, committedSn, Math::max);
    }

    public long lastSn(PrivateEvent.Kind kind) {
        return lastSn.getOrDefault(kind, Long.MIN_VALUE);
    }

    /** A new private session began (or the old one was lost): hold stream events until its recovery arrives. */
    public void sessionStarted() {
        holding = true;
    }

    public boolean isHolding() {
        return holding;
    }

    /** A stream event: emitted now (returned), held for the recovery, or dropped as a repeat. */
    public List<PrivateEvent> onStreamEvent(PrivateEvent event) {
        if (holding) {
            if (held.size() >= maxHeld) {
                throw new IllegalStateException("More than " + maxHeld + " private events arrived while recovering "
                        + "the private stream; the REST recovery does not answer in time");
            }
            held.add(event);
            return List.of();
        }
        if (event.sn() <= lastSn(event.kind())) {
            return List.of();
        }
        lastSn.put(event.kind(), event.sn());
        if (!isAheadOfRecoveredState(event)) {
            return List.of();
        }
        return List.of(emitted(event));
    }

    /** The recovery of a session already lost again: keep its states with the held ones, and keep holding. */
    public void onStaleRecovery(List<PrivateEvent> recovered) {
        held.addAll(recovered);
    }

    /** The recovery of the current session: returns what to emit, in order, and stops holding. */
    public List<PrivateEvent> onRecovery(List<PrivateEvent> recovered) {
        List<PrivateEvent> streamEvents = new ArrayList<>();
        List<PrivateEvent> restOrders = new ArrayList<>();
        List<PrivateEvent> accountStates = new ArrayList<>();
        List<PrivateEvent> all = new ArrayList<>(held);
        all.addAll(recovered);
        for (PrivateEvent event : all) {
            if (event.fromStream()) {
                streamEvents.add(event);
            } else if (event.kind() == PrivateEvent.Kind.ORDER) {
                restOrders.add(event);
            } else {
                accountStates.add(event);
            }
        }
        held.clear();
        holding = false;

        List<PrivateEvent> out = new ArrayList<>();
        out.addAll(missedOrderStates(restOrders, streamEvents));

        // Account states (stream updates and the snapshot) and stream order events, each kind in sn order.
        List<PrivateEvent> sequenced = new ArrayList<>(accountStates);
        sequenced.addAll(streamEvents);
        sequenced.sort(Comparator.comparingLong(PrivateEvent::sn));
        Set<String> seen = new HashSet<>();
        for (PrivateEvent event : sequenced) {
            if (event.sn() <= lastSn(event.kind()) || !seen.add(event.kind() + "|" + event.sn())) {
                continue;
            }
            lastSn.put(event.kind(), event.sn());
            if (!isAheadOfRecoveredState(event)) {
                continue;
            }
            out.add(emitted(event));
        }
        return out;
    }

    private List<PrivateEvent> missedOrderStates(List<PrivateEvent> restOrders, List<PrivateEvent> streamEvents) {
        Set<String> streamStates = new HashSet<>();
        for (PrivateEvent event : streamEvents) {
            if (event.kind() == PrivateEvent.Kind.ORDER) {
                streamStates.add(event.id() + "#" + event.state());
            }
        }
        // Latest REST state per order (open orders and history may both list one).
        Map<String, PrivateEvent> latest = new LinkedHashMap<>();
        for (PrivateEvent event : restOrders) {
            latest.merge(event.id(), event, (a, b) -> compareProgress(b.state(), a.state()) >= 0 ? b : a);
        }
        List<PrivateEvent> missed = new ArrayList<>();
        for (PrivateEvent event : latest.values()) {
            if (wasEmitted(event) || streamStates.contains(event.id() + "#" + event.state())) {
                continue;
            }
            missed.add(event);
        }
        missed.sort(Comparator.comparingLong(PrivateEvent::sn));
        List<PrivateEvent> out = new ArrayList<>(missed.size());
        for (PrivateEvent event : missed) {
            out.add(emitted(event));
            recoveredStates.put(event.id(), event.state());
        }
        return out;
    }

    /**
     * Whether an order state read over REST went out already: the order's last emitted state is not behind it, or the
     * task no longer remembers the order and the state is older than what it forgot.
     */
    private boolean wasEmitted(PrivateEvent event) {
        String last = emittedOrders.lastState(event.id());
        if (last != null) {
            return compareProgress(event.state(), last) <= 0;
        }
        return event.time() <= emittedOrders.forgottenThrough();
    }

    /**
     * A stream event of an order whose state was just recovered over REST may have been in flight when REST
     * answered: it then carries that state or an earlier one, and is dropped. The first event past the recovered
     * state lets the order's stream flow again.
     */
    private boolean isAheadOfRecoveredState(PrivateEvent event) {
        if (event.kind() != PrivateEvent.Kind.ORDER) {
            return true;
        }
        String recovered = recoveredStates.get(event.id());
        if (recovered == null) {
            return true;
        }
        if (compareProgress(event.state(), recovered) <= 0) {
            return false;
        }
        recoveredStates.remove(event.id());
        return true;
    }

    /** Orders two states of one order (see {@link OrderProgress#compare}). */
    static int compareProgress(String a, String b) {
        return OrderProgress.compare(a, b);
    }

    private PrivateEvent emitted(PrivateEvent event) {
        if (event.kind() != PrivateEvent.Kind.ORDER) {
            return event;
        }
        return event.emittedAs(emittedOrders.emitted(event.id(), event.state(), event.time()));
    }
}
