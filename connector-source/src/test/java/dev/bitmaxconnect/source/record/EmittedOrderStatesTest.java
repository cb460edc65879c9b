package dev.bitmaxconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EmittedOrderStatesTest {

    @Test
    void everyStateTakesTheNextSlotAndFinalStatesLeaveWithTheOldest() {
        EmittedOrderStates states = new EmittedOrderStates(3);
        assertThat(states.emitted("a", "New|0", 10).slot(3)).isZero();
        states.emitted("b", "Filled|1", 11);
        states.emitted("a", "Filled|1", 12);
        assertThat(states.forgottenThrough()).isEqualTo(Long.MIN_VALUE);

        EmittedOrderStates.Entry fourth = states.emitted("c", "Canceled|0", 13);
        assertThat(fourth.slot(3)).isZero();
        assertThat(fourth.forgottenThrough()).as("a's older state went, a is still known").isEqualTo(Long.MIN_VALUE);
        assertThat(states.lastState("a")).isEqualTo("Filled|1");

        states.emitted("d", "Canceled|0", 14);
        assertThat(states.lastState("b")).isNull();
        assertThat(states.forgottenThrough()).isEqualTo(11);
        assertThat(states.notFinalOrderIds()).isEmpty();
    }

    @Test
    void aNotFinalOrderIsCarriedForwardHoweverManyStatesFollowIt() {
        EmittedOrderStates states = new EmittedOrderStates(8);
        states.emitted("old", "New|0", 1);
        states.emitted("stop", "PendingNew|0", 2);
        for (int i = 0; i < 1000; i++) {
            states.emitted("o" + i, "Canceled|0", 10 + i);
        }
        assertThat(states.lastState("old")).isEqualTo("New|0");
        assertThat(states.lastState("stop")).isEqualTo("PendingNew|0");
        assertThat(states.lastState("o0")).isNull();
        assertThat(states.notFinalOrderIds()).containsExactlyInAnyOrder("old", "stop");
        assertThat(states.forgottenThrough()).as("only final states left the ring").isEqualTo(10 + 991);

        states.emitted("old", "PartiallyFilled|0.5", 2000);
        states.emitted("stop", "Filled|1", 2001);
        assertThat(states.notFinalOrderIds()).containsExactly("old");
        states.emitted("old", "Canceled|0.5", 2002);
        assertThat(states.notFinalOrderIds()).isEmpty();
    }

    @Test
    void asManyNotFinalOrdersAsTheLimitStayKnown() {
        EmittedOrderStates states = new EmittedOrderStates(16);
        int limit = states.trackedNotFinalLimit();
        assertThat(limit).isEqualTo(EmittedOrderStates.CARRIED_PER_STATE * 8);
        for (int i = 0; i < limit; i++) {
            states.emitted("open" + i, "New|0", i);
        }
        for (int i = 0; i < 5000; i++) {
            states.emitted("done" + i, "Filled|1", 1000 + i);
        }
        assertThat(states.notFinalOrderIds()).hasSize(limit);
        for (int i = 0; i < limit; i++) {
            assertThat(states.lastState("open" + i)).isEqualTo("New|0");
        }
    }

    @Test
    void ordersOpenAtOnceUpToTheLimitStayKnownWhateverComesAndGoes() {
        EmittedOrderStates states = new EmittedOrderStates(16);
        int limit = states.trackedNotFinalLimit();
        java.util.Random random = new java.util.Random(7);
        Map<String, String> open = new HashMap<>();
        int next = 0;
        for (long time = 0; time < 20_000; time++) {
            double draw = random.nextDouble();
            if (open.size() < limit && draw < 0.3) {
                String orderId = "o" + next++;
                open.put(orderId, "New|0");
                states.emitted(orderId, "New|0", time);
            } else if (!open.isEmpty() && draw < 0.5) {
                String orderId = List.copyOf(open.keySet()).get(random.nextInt(open.size()));
                if (random.nextBoolean()) {
                    open.remove(orderId);
                    states.emitted(orderId, "Canceled|0", time);
                } else {
                    String filled = "PartiallyFilled|" + time;
                    open.put(orderId, filled);
                    states.emitted(orderId, filled, time);
                }
            } else {
                states.emitted("x" + next++, "Filled|1", time);
            }
            for (Map.Entry<String, String> order : open.entrySet()) {
                assertThat(states.lastState(order.getKey())).as("%s at %s", order.getKey(), time)
                        .isEqualTo(order.getValue());
            }
        }
        assertThat(states.notFinalOrderIds()).containsExactlyInAnyOrderElementsOf(open.keySet());
    }

    @Test
    void beyondTheLimitOrdersLeaveTheRingAndTheirTimeIsForgotten() {
        EmittedOrderStates states = new EmittedOrderStates(4);
        int open = states.trackedNotFinalLimit() * 3;
        for (int i = 0; i < open; i++) {
            states.emitted("open" + i, "New|0", i);
        }
        for (int i = 0; i < 100; i++) {
            states.emitted("done" + i, "Filled|1", 1000 + i);
        }
        List<String> known = states.notFinalOrderIds();
        assertThat(known).as("bounded by what the ring's entries hold")
                .hasSizeLessThan(open).hasSizeLessThanOrEqualTo(4 * (1 + EmittedOrderStates.CARRIED_PER_STATE));
        for (int i = 0; i < open; i++) {
            if (!known.contains("open" + i)) {
                assertThat(states.lastState("open" + i)).isNull();
                assertThat(states.forgottenThrough()).isGreaterThanOrEqualTo(i);
            }
        }
    }

    @Test
    void aRestartRestoresTheRingFromTheCommittedOffsets() {
        EmittedOrderStates before = new EmittedOrderStates(4);
        List<Map<String, Object>> committed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            committed.add(SourcePartitions.orderOffset(i, before.emitted(i % 2 == 0 ? "a" : "o" + i, "Filled|" + i, 100 + i)));
        }
        // one offset per slot: the last four states
        List<EmittedOrderStates.Entry> slots = committed.subList(2, 6).stream()
                .map(SourcePartitions::committedOrderState).toList();

        EmittedOrderStates after = new EmittedOrderStates(4);
        after.restore(slots);
        assertThat(after.lastState("a")).isEqualTo("Filled|4");
        assertThat(after.lastState("o1")).isNull();
        assertThat(after.lastState("o5")).isEqualTo("Filled|5");
        assertThat(after.forgottenThrough()).isEqualTo(before.forgottenThrough()).isEqualTo(101);
        EmittedOrderStates.Entry next = after.emitted("b", "Filled|0", 200);
        assertThat(next.seq()).isEqualTo(6);
        assertThat(next.forgottenThrough()).as("a's older state went, a is still known").isEqualTo(101);
        assertThat(after.lastState("a")).isEqualTo("Filled|4");
        after.emitted("c", "Filled|0", 201);
        assertThat(after.lastState("o3")).as("pushed out by the second state, as before the restart").isNull();
        assertThat(after.forgottenThrough()).isEqualTo(103);
    }

    @Test
    void aRestartKnowsTheCarriedOrdersAndCarriesThemOnAlike() {
        EmittedOrderStates before = new EmittedOrderStates(8);
        Map<Integer, Map<String, Object>> offsetPerSlot = new HashMap<>();
        before.emitted("x", "Filled|1", 0); // pushed out long ago, not committed anywhere below
        for (int i = 0; i < 50; i++) {
            String orderId = i % 10 == 3 ? "open" + i : "done" + i;
            EmittedOrderStates.Entry entry = before.emitted(orderId, orderId.startsWith("open") ? "New|0" : "Canceled|0", i);
            offsetPerSlot.put(entry.slot(8), SourcePartitions.orderOffset(i, entry));
        }
        assertThat(offsetPerSlot.values()).as("states are carried in the offsets")
                .anySatisfy(offset -> assertThat(offset).containsKey("carried.0.orderId"));

        EmittedOrderStates after = new EmittedOrderStates(8);
        after.restore(offsetPerSlot.values().stream().map(SourcePartitions::committedOrderState).toList());
        assertThat(after.notFinalOrderIds()).containsExactlyInAnyOrderElementsOf(before.notFinalOrderIds())
                .containsExactlyInAnyOrder("open3", "open13", "open23", "open33", "open43");
        assertThat(after.forgottenThrough()).isEqualTo(before.forgottenThrough());
        for (int i = 0; i < 40; i++) {
            assertThat(after.emitted("next" + i, "Filled|1", 100 + i))
                    .isEqualTo(before.emitted("next" + i, "Filled|1", 100 + i));
        }
        assertThat(after.lastState("open3")).isEqualTo("New|0");
    }

    @Test
    void offsetsWithoutAStateAreIgnored() {
        assertThat(SourcePartitions.committedOrderState(null)).isNull();
        assertThat(SourcePartitions.committedOrderState(Map.of("sn", 3L, "state", "New|0", "time", 1L))).isNull();
    }
}
