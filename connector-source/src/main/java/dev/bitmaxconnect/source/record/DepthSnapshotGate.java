package dev.bitmaxconnect.source.record;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a snapshot of a symbol's whole book before its depth updates: when its stream starts, after a lost session
 * and after messages were dropped. Until the snapshot is in, the symbol's updates are held; then the snapshot and
 * the held updates are let through together (the {@link dev.bitmaxconnect.source.stream.SequenceTracker} drops
 * those at or below the snapshot's seqnum).
 *
 * <p>The exchange answers a {@code depth-snapshot} request on the same connection as the updates, in order, so an
 * answer reflects every update read before it. An answer to a request sent before the latest interruption is
 * too early (it misses what was dropped): it is discarded and the snapshot asked for again. Runs on the poll thread.
 */
public final class DepthSnapshotGate {
    private static final Logger log = LoggerFactory.getLogger(DepthSnapshotGate.class);

    /** Sends a {@code depth-snapshot} request for a symbol; its answer comes back through {@link #onSnapshot}. */
    public interface Requester {
        /** Sends the request; false when it could not be sent (no session): the next update asks again. */
        boolean request(String symbol);
    }

    /** A depth record waiting for, or let through by, the gate; its value is a Struct or the exchange's text. */
    record DepthRecord(String symbol, long seqnum, long time, Object value, boolean snapshot) {
    }

    private static final class SymbolState {
        final ArrayDeque<DepthRecord> held = new ArrayDeque<>();
        /** A snapshot was let through and nothing was lost since. */
        boolean live;
        /** A request is on its way. */
        boolean requested;
        /** Messages were lost after the request was sent: its answer is too early. */
        boolean stale;
        long requestedAtMs;
    }

    private final Requester requester;
    private final int maxHeld;
    private final long requestTimeoutMs;
    private final LongSupplier clock;
    private final Map<String, SymbolState> symbols = new HashMap<>();

    DepthSnapshotGate(Requester requester, int maxHeld, long requestTimeoutMs, LongSupplier clock) {
        this.requester = requester;
        this.maxHeld = maxHeld;
        this.requestTimeoutMs = requestTimeoutMs;
        this.clock = clock;
    }

    /** A depth update: let through into {@code out} when its symbol's book is live, otherwise held. */
    void onUpdate(DepthRecord update, List<DepthRecord> out) {
        SymbolState state = symbols.computeIfAbsent(update.symbol(), s -> new SymbolState());
        if (state.live) {
            out.add(update);
            return;
        }
        if (state.held.size() >= maxHeld) {
            // everything held was read before the next request goes out, so its answer will contain it
            log.warn("Dropped {} depth updates of {} held while waiting for a snapshot; asking again",
                    state.held.size(), update.symbol());
            state.held.clear();
            request(update.symbol(), state);
        }
        state.held.addLast(update);
        if (!state.requested || clock.getAsLong() - state.requestedAtMs > requestTimeoutMs) {
            request(update.symbol(), state);
        }
    }

    /**
     * A snapshot answer: let through into {@code out} with the held updates when it answers the latest request and is
     * not older than {@code lastEmittedSeqnum}; otherwise discarded (and asked for again when needed).
     */
    void onSnapshot(DepthRecord snapshot, long lastEmittedSeqnum, List<DepthRecord> out) {
        SymbolState state = symbols.get(snapshot.symbol());
        if (state == null || !state.requested) {
            log.debug("Discarded a depth snapshot of {} no request waits for", snapshot.symbol());
            return;
        }
        if (state.stale) {
            request(snapshot.symbol(), state);
            return;
        }
        if (lastEmittedSeqnum != Long.MIN_VALUE && snapshot.seqnum() < lastEmittedSeqnum) {
            log.warn("Discarded a depth snapshot of {} at seqnum {}, older than the last update written ({}); asking again",
                    snapshot.symbol(), snapshot.seqnum(), lastEmittedSeqnum);
            request(snapshot.symbol(), state);
            return;
        }
        state.requested = false;
        state.live = true;
        out.add(snapshot);
        out.addAll(state.held);
        state.held.clear();
    }

    /** Messages of {@code symbol} were dropped (a full queue): ask for a snapshot now, whose answer follows them. */
    void messagesLost(String symbol) {
        SymbolState state = symbols.computeIfAbsent(symbol, s -> new SymbolState());
        state.live = false;
        if (state.requested) {
            state.stale = true;
        } else {
            request(symbol, state);
        }
    }

    /** The session was lost: every book waits for a snapshot on the next session, asked for by its first update. */
    void sessionLost() {
        for (SymbolState state : symbols.values()) {
            state.live = false;
            state.requested = false;
            state.stale = false;
            state.held.clear();
        }
    }

    /** Updates held now, all symbols together. */
    int heldCount() {
        int count = 0;
        for (SymbolState state : symbols.values()) {
            count += state.held.size();
        }
        return count;
    }

    private void request(String symbol, SymbolState state) {
        state.stale = false;
        state.requestedAtMs = clock.getAsLong();
        state.requested = requester.request(symbol);
    }
}
