package dev.bitmaxconnect.source.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which private events to emit so that none is emitted twice and none that can be recovered is lost.
 *
 * <p>When the private stream (re)starts, the task subscribes first and then reads the account snapshot and the
 * orders over REST. Stream events that arrive meanwhile are held; the REST states and the held events are then
 * merged, de-duplicated by (orderId, sn), and emitted in sn order, skipping everything at or below the last sn
 * emitted (committed before a restart, or emitted before a reconnect). After that, stream events pass straight
 * through with the same filter.
 */
public final class PrivateStreamReconciler {
    private final int maxHeld;
    private final Map<PrivateEvent.Kind, Long> lastSn = new LinkedHashMap<>();
    private final List<PrivateEvent> held = new ArrayList<>();
    private boolean holding;

    public PrivateStreamReconciler(int maxHeld) {
        this.maxHeld = maxHeld;
    }

    /** Resumes from the sequence number committed for a kind's source partition. */
    public void resumeFrom(PrivateEvent.Kind kind, long committedSn) {
        lastSn.merge(kind, committedSn, Math::max);
    }

    public long lastSn(PrivateEvent.Kind kind) {
        return lastSn.getOrDefault(kind, Long.MIN_VALUE);
    }

    /** A new private session began: hold stream events until its recovery arrives. */
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
        return List.of(event);
    }

    /** The recovery of a session already lost again: keep its states with the held ones, and keep holding. */
    public void onStaleRecovery(List<PrivateEvent> recovered) {
        held.addAll(recovered);
    }

    /**
     * The recovery of the current session: REST order states and the account snapshot. Returns, in sn order per
     * kind, every recovered or held event above the last emitted sn, each (kind, id, sn) once; stream events win
     * over REST states with the same key.
     */
    public List<PrivateEvent> onRecovery(List<PrivateEvent> recovered) {
        List<PrivateEvent> candidates = new ArrayList<>(held);
        candidates.addAll(recovered);
        held.clear();
        holding = false;

        candidates.sort(Comparator.comparingLong(PrivateEvent::sn));
        Set<String> seen = new HashSet<>();
        List<PrivateEvent> out = new ArrayList<>();
        Map<PrivateEvent.Kind, Long> emittedUpTo = new LinkedHashMap<>(lastSn);
        for (PrivateEvent event : candidates) {
            if (event.sn() <= lastSn(event.kind())) {
                continue;
            }
            if (!seen.add(event.kind() + "|" + event.id() + "|" + event.sn())) {
                continue;
            }
            out.add(event);
            emittedUpTo.merge(event.kind(), event.sn(), Math::max);
        }
        lastSn.putAll(emittedUpTo);
        return out;
    }
}
