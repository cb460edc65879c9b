package dev.bitmaxconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DepthSnapshotGateTest {
    private final List<String> requests = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private boolean connected = true;
    private final DepthSnapshotGate gate = new DepthSnapshotGate(symbol -> {
        requests.add(symbol);
        return connected;
    }, 3, 10_000, now::get);
    private final List<DepthSnapshotGate.DepthRecord> out = new ArrayList<>();

    private static DepthSnapshotGate.DepthRecord update(long seqnum) {
        return new DepthSnapshotGate.DepthRecord("BTC-PERP", seqnum, seqnum, null, false);
    }

    private static DepthSnapshotGate.DepthRecord snapshot(long seqnum) {
        return new DepthSnapshotGate.DepthRecord("BTC-PERP", seqnum, seqnum, null, true);
    }

    private List<String> released() {
        List<String> names = new ArrayList<>();
        for (DepthSnapshotGate.DepthRecord record : out) {
            names.add((record.snapshot() ? "S" : "u") + record.seqnum());
        }
        out.clear();
        return names;
    }

    @Test
    void theFirstUpdateAsksForASnapshotAndUpdatesWaitForIt() {
        gate.onUpdate(update(10), out);
        gate.onUpdate(update(11), out);
        assertThat(requests).containsExactly("BTC-PERP");
        assertThat(released()).isEmpty();
        gate.onSnapshot(snapshot(10), Long.MIN_VALUE, out);
        assertThat(released()).containsExactly("S10", "u10", "u11"); // the tracker drops u10 behind S10
        gate.onUpdate(update(12), out);
        assertThat(released()).containsExactly("u12");
        assertThat(requests).hasSize(1);
    }

    @Test
    void anAnswerToARequestSentBeforeALossIsDiscardedAndAskedForAgain() {
        gate.onUpdate(update(10), out);
        gate.messagesLost("BTC-PERP");
        gate.onUpdate(update(12), out);
        gate.onSnapshot(snapshot(10), Long.MIN_VALUE, out);
        assertThat(released()).isEmpty();
        assertThat(requests).hasSize(2);
        gate.onSnapshot(snapshot(13), Long.MIN_VALUE, out);
        assertThat(released()).containsExactly("S13", "u10", "u12");
    }

    @Test
    void aLossWhileLiveAsksAtOnceAndHoldsTheUpdatesThatFollow() {
        gate.onUpdate(update(10), out);
        gate.onSnapshot(snapshot(10), Long.MIN_VALUE, out);
        released();
        gate.messagesLost("BTC-PERP");
        assertThat(requests).hasSize(2);
        gate.onUpdate(update(15), out);
        assertThat(released()).isEmpty();
        gate.onSnapshot(snapshot(16), 10, out);
        assertThat(released()).containsExactly("S16", "u15");
    }

    @Test
    void aLostSessionForgetsTheHeldUpdatesAndTheRequest() {
        gate.onUpdate(update(10), out);
        gate.sessionLost();
        gate.onSnapshot(snapshot(10), Long.MIN_VALUE, out);
        assertThat(released()).isEmpty();
        assertThat(gate.heldCount()).isZero();
        gate.onUpdate(update(20), out);
        assertThat(requests).hasSize(2);
        gate.onSnapshot(snapshot(21), Long.MIN_VALUE, out);
        assertThat(released()).containsExactly("S21", "u20");
    }

    @Test
    void aSnapshotOlderThanWhatWasWrittenIsDiscarded() {
        gate.onUpdate(update(30), out);
        gate.onSnapshot(snapshot(25), 28, out);
        assertThat(released()).isEmpty();
        assertThat(requests).hasSize(2);
    }

    @Test
    void aRequestThatCouldNotBeSentOrWasNotAnsweredIsSentAgain() {
        connected = false;
        gate.onUpdate(update(1), out);
        connected = true;
        gate.onUpdate(update(2), out);
        assertThat(requests).hasSize(2);
        gate.onUpdate(update(3), out);
        assertThat(requests).hasSize(2);
        now.addAndGet(10_001);
        gate.onUpdate(update(4), out); // over the bound of 3 held: the held updates go, the request is renewed
        assertThat(requests).hasSize(3);
        assertThat(gate.heldCount()).isEqualTo(1);
    }
}
