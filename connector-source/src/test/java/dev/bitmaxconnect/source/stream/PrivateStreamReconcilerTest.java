package dev.bitmaxconnect.source.stream;

import static dev.bitmaxconnect.source.stream.PrivateEvent.Kind.ACCOUNT;
import static dev.bitmaxconnect.source.stream.PrivateEvent.Kind.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.source.record.EmittedOrderStates;

class PrivateStreamReconcilerTest {

    /** A stream event; its time follows its sn. */
    private static PrivateEvent ws(String id, long sn, String state) {
        return new PrivateEvent(ORDER, id, sn, state, sn, true, "ws");
    }

    /** A state read over REST; its time follows its seqNum. */
    private static PrivateEvent rest(String id, long seqNum, String state) {
        return new PrivateEvent(ORDER, id, seqNum, state, seqNum, false, "rest");
    }

    private static List<String> describe(List<PrivateEvent> events) {
        return events.stream().map(e -> e.id() + ":" + e.state() + ":" + e.message()).toList();
    }

    @Test
    void streamEventsPassOnceInOrder() {
        PrivateStreamReconciler reconciler = new PrivateStreamReconciler(100);
        assertThat(reconciler.onStreamEvent(ws("a", 1, "New|0"))).hasSize(1);
        assertThat(reconciler.onStreamEvent(ws("a", 1, "New|0"))).isEmpty();
        assertThat(reconciler.onStreamEvent(ws("b", 2, "New|0"))).hasSize(1);
        assertThat(reconciler.lastSn(ORDER)).isEqualTo(2);
    }

    @Test
    void recoveryEmitsMissedOrderStatesThenHeldEventsWithoutRepeats() {
        PrivateStreamReconciler reconciler = new PrivateStreamReconciler(100);
        reconciler.onStreamEvent(ws("a", 5, "New|0"));
        reconciler.onStreamEvent(ws("c", 6, "New|0"));
        // connection lost: a was filled and b placed meanwhile; the new session delivers c's fill before REST answers
        reconciler.sessionStarted();
        assertThat(reconciler.onStreamEvent(ws("c", 20, "Filled|1"))).isEmpty();
        List<PrivateEvent> emitted = reconciler.onRecovery(List.of(
                rest("a", 100, "Filled|2"), rest("b", 101, "New|0"), rest("c", 102, "Filled|1"),
                rest("a", 100, "PartiallyFilled|1")));

        assertThat(describe(emitted)).containsExactly("a:Filled|2:rest", "b:New|0:rest", "c:Filled|1:ws");
        assertThat(reconciler.isHolding()).isFalse();
        assertThat(reconciler.onStreamEvent(ws("c", 20, "Filled|1"))).isEmpty();
        assertThat(reconciler.onStreamEvent(ws("b", 21, "Canceled|0"))).hasSize(1);
    }

    @Test
    void streamEventsStillInFlightWhenRestAnsweredAreNotRepeated() {
        PrivateStreamReconciler reconciler = new PrivateStreamReconciler(100);
        reconciler.sessionStarted();
        // a was placed and filled after the subscription; REST already shows it filled, the stream has sent only New
        assertThat(reconciler.onStreamEvent(ws("a", 1, "New|0"))).isEmpty();
        assertThat(describe(reconciler.onRecovery(List.of(rest("a", 50, "Filled|2"), rest("b", 51, "New|0")))))
                .containsExactly("a:Filled|2:rest", "b:New|0:rest");
        // the rest of the stream arrives after the recovery
        assertThat(reconciler.onStreamEvent(ws("b", 2, "New|0"))).isEmpty();
        assertThat(reconciler.onStreamEvent(ws("a", 3, "PartiallyFilled|1"))).isEmpty();
        assertThat(reconciler.onStreamEvent(ws("a", 4, "Filled|2"))).isEmpty();
        assertThat(reconciler.onStreamEvent(ws("b", 5, "PartiallyFilled|0.5"))).hasSize(1);
        assertThat(reconciler.onStreamEvent(ws("b", 6, "Canceled|0.5"))).hasSize(1);
    }

    @Test
    void progressOrdersStatesOfAnOrder() {
        assertThat(PrivateStreamReconciler.compareProgress("New|0", "PartiallyFilled|0.1")).isNegative();
        assertThat(PrivateStreamReconciler.compareProgress("PartiallyFilled|0.2", "PartiallyFilled|0.1")).isPositive();
        assertThat(PrivateStreamReconciler.compareProgress("Canceled|0.1", "PartiallyFilled|0.1")).isPositive();
        assertThat(PrivateStreamReconciler.compareProgress("Filled|2", "Filled|2")).isZero();
        assertThat(PrivateStreamReconciler.compareProgress("New|0", "PendingNew|0")).as("a stop triggered").isPositive();
        assertThat(PrivateStreamReconciler.compareProgress("Expired|0", "PendingNew|0")).isPositive();
        assertThat(PrivateStreamReconciler.compareProgress("SomethingNew|0", "Filled|0")).as("unknown: not final")
                .isNegative();
    }

    @Test
    void aSecondRecoveryDoesNotRepeatWhatTheFirstEmitted() {
        PrivateStreamReconciler reconciler = new PrivateStreamReconciler(100);
        reconciler.sessionStarted();
        assertThat(reconciler.onRecovery(List.of(rest("a", 1, "New|0")))).hasSize(1);
        reconciler.sessionStarted();
        assertThat(reconciler.onRecovery(List.of(rest("a", 1, "New|0")))).isEmpty();
    }

    @Test
    void afterRestartCommittedStatesAndSequencesAreNotRepeated() {
        PrivateStreamReconciler reconciler = new PrivateStreamReconciler(100);
        reconciler.resumeFrom(ACCOUNT, 18);
        reconciler.emittedOrders().restore(List.of(
                new EmittedOrderStates.Entry("x", "Filled|3", 12, 0, Long.MIN_VALUE),
                new EmittedOrderStates.Entry("y", "New|0", 11, 1, Long.MIN_VALUE)));
        reconciler.sessionStarted();
        List<PrivateEvent> emitted = reconciler.onRecovery(List.of(rest("x", 12, "Filled|3"), rest("y", 13, "Canceled|0"),
                PrivateEvent.account("acc", 18, false, "snapshot"),
                PrivateEvent.account("acc", 22, false, "snapshot2")));
        assertThat(emitted).extracting(e -> e.id() + "@" + e.sn()).containsExactly("y@13", "acc@22");
        assertThat(emitted.get(0).emission().seq()).as("the ring goes on after the restored states").isEqualTo(2);
    }

    @Test
    void aRestStateBehindTheLastEmittedIsNotEmitted() {
        PrivateStreamReconciler reconciler = new PrivateStreamReconciler(100);
        reconciler.onStreamEvent(ws("a", 5, "Filled|2"));
        reconciler.sessionStarted();
        assertThat(reconciler.onRecovery(List.of(rest("a", 4, "PartiallyFilled|1")))).isEmpty();
    }

    @Test
    void ordersPushedOutOfTheRingAreRecoveredOnlyWhenLaterThanWhatItForgot() {
        PrivateStreamReconciler reconciler = new PrivateStreamReconciler(100, new EmittedOrderStates(2));
        reconciler.onStreamEvent(ws("a", 1, "Filled|1"));
        reconciler.onStreamEvent(ws("b", 2, "Canceled|0"));
        reconciler.onStreamEvent(ws("c", 3, "Filled|1"));
        reconciler.onStreamEvent(ws("d", 4, "Filled|1"));
        assertThat(reconciler.emittedOrders().lastState("a")).isNull();
        assertThat(reconciler.emittedOrders().lastState("b")).isNull();
        reconciler.sessionStarted();
        // a is as it was when forgotten; e ended at time 5, after everything forgotten
        List<PrivateEvent> emitted = reconciler.onRecovery(List.of(
                new PrivateEvent(ORDER, "a", 1, "Filled|1", 1, false, "rest"),
                new PrivateEvent(ORDER, "e", 5, "Canceled|0", 5, false, "rest")));
        assertThat(describe(emitted)).containsExactly("e:Canceled|0:rest");
    }

    @Test
    void anOrderStillOpenIsKnownHoweverManyStatesFollowedIt() {
        PrivateStreamReconciler reconciler = new PrivateStreamReconciler(100, new EmittedOrderStates(2));
        reconciler.onStreamEvent(ws("old", 1, "New|0"));
        for (int i = 0; i < 50; i++) {
            reconciler.onStreamEvent(ws("o" + i, 10 + i, "Filled|1"));
        }
        reconciler.sessionStarted();
        assertThat(describe(reconciler.onRecovery(List.of(rest("old", 1, "New|0"))))).isEmpty();
        reconciler.sessionStarted();
        // canceled at a time before later orders' states that left the ring: still emitted
        assertThat(describe(reconciler.onRecovery(List.of(rest("old", 2, "Canceled|0")))))
                .containsExactly("old:Canceled|0:rest");
    }

    @Test
    void tooManyHeldEventsFailLoudly() {
        PrivateStreamReconciler reconciler = new PrivateStreamReconciler(2);
        reconciler.sessionStarted();
        reconciler.onStreamEvent(ws("a", 1, "New|0"));
        reconciler.onStreamEvent(ws("a", 2, "New|0"));
        assertThatThrownBy(() -> reconciler.onStreamEvent(ws("a", 3, "New|0"))).hasMessageContaining("recovering");
    }
}
