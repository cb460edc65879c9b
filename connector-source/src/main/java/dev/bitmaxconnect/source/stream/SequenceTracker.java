package dev.bitmaxconnect.source.stream;

import java.util.HashMap;
import java.util.Map;

/**
 * Tracks the last sequence number emitted per stream (one tracker per channel, a stream per symbol): refuses
 * numbers at or below it (repeats, or records committed before a restart) and reports a gap before the next
 * accepted number when the stream was interrupted (reconnect, restart, message dropped by a full queue). A jump
 * alone proves nothing: depth and trades of a symbol share one increasing {@code seqnum}, and the exchange
 * aggregates trades.
 */
public final class SequenceTracker {

    /** The verdict on one sequence number. */
    public enum Verdict {
        /** New, stream not interrupted since the last one: emit it. */
        EMIT,
        /** New, but messages were missed before it: emit it marked with a gap. */
        EMIT_AFTER_GAP,
        /** At or below the last emitted number: drop it. */
        REPEAT
    }

    private static final class State {
        long last = Long.MIN_VALUE;
        boolean interrupted;
    }

    private final Map<String, State> states = new HashMap<>();

    /** Starts a stream from a committed sequence number (after a restart): anything up to it is a repeat. */
    public void resumeFrom(String stream, long committed) {
        State state = states.computeIfAbsent(stream, s -> new State());
        state.last = Math.max(state.last, committed);
        state.interrupted = true;
    }

    /** Notes that messages of the stream may have been lost (reconnect, message dropped by a full queue). */
    public void interrupted(String stream) {
        State state = states.get(stream);
        if (state != null && state.last != Long.MIN_VALUE) {
            state.interrupted = true;
        }
    }

    public void interruptedAll() {
        for (State state : states.values()) {
            if (state.last != Long.MIN_VALUE) {
                state.interrupted = true;
            }
        }
    }

    public Verdict accept(String stream, long sequence) {
        State state = states.computeIfAbsent(stream, s -> new State());
        if (state.last != Long.MIN_VALUE && sequence <= state.last) {
            return Verdict.REPEAT;
        }
        boolean gap = state.last != Long.MIN_VALUE && state.interrupted;
        state.last = sequence;
        state.interrupted = false;
        return gap ? Verdict.EMIT_AFTER_GAP : Verdict.EMIT;
    }

    /**
     * A snapshot at {@code sequence} was emitted: numbers up to it are repeats from now on. Returns whether the stream
     * was interrupted before it (messages missed, which the snapshot makes good).
     */
    public boolean snapshotAt(String stream, long sequence) {
        State state = states.computeIfAbsent(stream, s -> new State());
        boolean gap = state.last != Long.MIN_VALUE && state.interrupted;
        state.last = Math.max(state.last, sequence);
        state.interrupted = false;
        return gap;
    }

    public long last(String stream) {
        State state = states.get(stream);
        return state == null ? Long.MIN_VALUE : state.last;
    }
}
