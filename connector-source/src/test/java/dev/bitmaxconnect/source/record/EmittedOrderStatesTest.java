package dev.bitmaxconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EmittedOrderStatesTest {

    @Test
    void everyStateTakesTheNextSlotAndPushesOutTheOldest() {
        EmittedOrderStates states = new EmittedOrderStates(3);
        assertThat(states.emitted("a", "New|0", 10).slot(3)).isZero();
        states.emitted("b", "New|0", 11);
        states.emitted("a", "Filled|1", 12);
        assertThat(states.forgottenThrough()).isEqualTo(Long.MIN_VALUE);

        EmittedOrderStates.Entry fourth = states.emitted("c", "New|0", 13);
        assertThat(fourth.slot(3)).isZero();
        assertThat(fourth.forgottenThrough()).isEqualTo(10);
        assertThat(states.lastState("a")).as("a's newer state is still in the ring").isEqualTo("Filled|1");

        states.emitted("d", "New|0", 14);
        assertThat(states.lastState("b")).isNull();
        assertThat(states.forgottenThrough()).isEqualTo(11);
    }

    @Test
    void aRestartRestoresTheRingFromTheCommittedOffsets() {
        EmittedOrderStates before = new EmittedOrderStates(4);
        List<Map<String, Object>> committed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            committed.add(SourcePartitions.orderOffset(i, before.emitted(i % 2 == 0 ? "a" : "o" + i, "New|" + i, 100 + i)));
        }
        // one offset per slot: the last four states
        List<EmittedOrderStates.Entry> slots = committed.subList(2, 6).stream()
                .map(SourcePartitions::committedOrderState).toList();

        EmittedOrderStates after = new EmittedOrderStates(4);
        after.restore(slots);
        assertThat(after.lastState("a")).isEqualTo("New|4");
        assertThat(after.lastState("o1")).isNull();
        assertThat(after.lastState("o5")).isEqualTo("New|5");
        assertThat(after.forgottenThrough()).isEqualTo(before.forgottenThrough()).isEqualTo(101);
        EmittedOrderStates.Entry next = after.emitted("b", "New|0", 200);
        assertThat(next.seq()).isEqualTo(6);
        assertThat(next.forgottenThrough()).as("a's older state went out").isEqualTo(102);
        assertThat(after.lastState("a")).isEqualTo("New|4");
        after.emitted("c", "New|0", 201);
        assertThat(after.lastState("o3")).as("pushed out by the second state, as before the restart").isNull();
    }

    @Test
    void offsetsWithoutAStateAreIgnored() {
        assertThat(SourcePartitions.committedOrderState(null)).isNull();
        assertThat(SourcePartitions.committedOrderState(Map.of("sn", 3L, "state", "New|0", "time", 1L))).isNull();
    }
}
