package dev.bitmaxconnect.source.stream;

import static dev.bitmaxconnect.source.stream.PrivateEvent.Kind.ACCOUNT;
import static dev.bitmaxconnect.source.stream.PrivateEvent.Kind.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PrivateStreamReconcilerTest {

    private static PrivateEvent order(String id, long sn, String from) {
        return new PrivateEvent(ORDER, id, sn, from);
    }

    @Test
    void streamEventsPassOnceInOrder() {
        PrivateStreamReconciler reconciler = new PrivateStreamReconciler(100);
        assertThat(reconciler.onStreamEvent(order("a", 1, "ws"))).hasSize(1);
        assertThat(reconciler.onStreamEvent(order("a", 1, "ws"))).isEmpty();
        assertThat(reconciler.onStreamEvent(order("b", 2, "ws"))).hasSize(1);
        assertThat(reconciler.lastSn(ORDER)).isEqualTo(2);
    }

    @Test
    void recoveryMergesHeldAndRestStatesWithoutRepeats() {
        PrivateStreamReconciler reconciler = new PrivateStreamReconciler(100);
        reconciler.onStreamEvent(order("a", 5, "ws"));
        // connection lost: a@7 (filled) and b@6 were missed; the new session delivers c@9 before REST answers
        reconciler.sessionStarted();
        assertThat(reconciler.onStreamEvent(order("c", 9, "ws"))).isEmpty();
        assertThat(reconciler.onStreamEvent(order("a", 8, "ws"))).isEmpty();
        List<PrivateEvent> emitted = reconciler.onRecovery(List.of(
                order("a", 5, "rest"), order("b", 6, "rest"), order("a", 8, "rest"), order("c", 9, "rest")));

        assertThat(emitted).extracting(e -> e.id() + "@" + e.sn() + ":" + e.message())
                .containsExactly("b@6:rest", "a@8:ws", "c@9:ws");
        assertThat(reconciler.isHolding()).isFalse();
        assertThat(reconciler.onStreamEvent(order("c", 9, "ws"))).isEmpty();
        assertThat(reconciler.onStreamEvent(order("c", 10, "ws"))).hasSize(1);
    }

    @Test
    void afterRestartOnlyStatesAboveTheCommittedSequenceAreEmitted() {
        PrivateStreamReconciler reconciler = new PrivateStreamReconciler(100);
        reconciler.resumeFrom(ORDER, 20);
        reconciler.resumeFrom(ACCOUNT, 18);
        reconciler.sessionStarted();
        List<PrivateEvent> emitted = reconciler.onRecovery(List.of(order("x", 12, "rest"), order("y", 21, "rest"),
                new PrivateEvent(ACCOUNT, "acc", 18, "snapshot"), new PrivateEvent(ACCOUNT, "acc", 22, "snapshot2")));
        assertThat(emitted).extracting(e -> e.id() + "@" + e.sn()).containsExactly("y@21", "acc@22");
    }

    @Test
    void tooManyHeldEventsFailLoudly() {
        PrivateStreamReconciler reconciler = new PrivateStreamReconciler(2);
        reconciler.sessionStarted();
        reconciler.onStreamEvent(order("a", 1, "ws"));
        reconciler.onStreamEvent(order("a", 2, "ws"));
        assertThatThrownBy(() -> reconciler.onStreamEvent(order("a", 3, "ws"))).hasMessageContaining("recovering");
    }
}
