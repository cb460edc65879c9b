package dev.bitmaxconnect.source.stream;

import static dev.bitmaxconnect.source.stream.SequenceTracker.Verdict.EMIT;
import static dev.bitmaxconnect.source.stream.SequenceTracker.Verdict.EMIT_AFTER_GAP;
import static dev.bitmaxconnect.source.stream.SequenceTracker.Verdict.REPEAT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    @Test
    void repeatsAreRefusedPerStream() {
        SequenceTracker depth = new SequenceTracker();
        assertThat(depth.accept("depth:BTC-PERP", 10)).isEqualTo(EMIT);
        assertThat(depth.accept("depth:BTC-PERP", 14)).isEqualTo(EMIT);
        assertThat(depth.accept("depth:BTC-PERP", 14)).isEqualTo(REPEAT);
        assertThat(depth.accept("depth:BTC-PERP", 3)).isEqualTo(REPEAT);
        assertThat(depth.accept("depth:ETH-PERP", 3)).isEqualTo(EMIT);
    }

    @Test
    void increasingSequenceReportsInterruptionsOnly() {
        SequenceTracker trades = new SequenceTracker();
        assertThat(trades.accept("t", 100)).isEqualTo(EMIT);
        assertThat(trades.accept("t", 250)).isEqualTo(EMIT);
        trades.interrupted("t");
        assertThat(trades.accept("t", 251)).isEqualTo(EMIT_AFTER_GAP);
        assertThat(trades.accept("t", 252)).isEqualTo(EMIT);
    }

    @Test
    void resumingFromACommittedOffsetDropsEverythingUpToIt() {
        SequenceTracker depth = new SequenceTracker();
        depth.resumeFrom("d", 50);
        assertThat(depth.accept("d", 49)).isEqualTo(REPEAT);
        assertThat(depth.accept("d", 50)).isEqualTo(REPEAT);
        assertThat(depth.accept("d", 51)).isEqualTo(EMIT_AFTER_GAP);
        assertThat(depth.accept("d", 52)).isEqualTo(EMIT);
        SequenceTracker trades = new SequenceTracker();
        trades.resumeFrom("t", 50);
        assertThat(trades.accept("t", 60)).isEqualTo(EMIT_AFTER_GAP);
    }

    @Test
    void aSnapshotMakesEverythingUpToItARepeatAndReportsTheInterruptionBeforeIt() {
        SequenceTracker depth = new SequenceTracker();
        assertThat(depth.snapshotAt("d", 10)).isFalse();
        assertThat(depth.accept("d", 10)).isEqualTo(REPEAT);
        assertThat(depth.accept("d", 11)).isEqualTo(EMIT);
        depth.interrupted("d");
        assertThat(depth.snapshotAt("d", 20)).isTrue();
        assertThat(depth.accept("d", 19)).isEqualTo(REPEAT);
        assertThat(depth.accept("d", 21)).isEqualTo(EMIT);
        assertThat(depth.snapshotAt("d", 21)).isFalse();
        assertThat(depth.last("d")).isEqualTo(21);
    }
}
