package dev.bitmaxconnect.source.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.client.stream.StreamMessageDecoder;
import dev.bitmaxconnect.source.config.QueueFullBehavior;
import dev.bitmaxconnect.source.config.SubscriptionRefusedBehavior;
import dev.bitmaxconnect.source.metrics.SourceTaskMetrics;

/** A refused market-data subscription is counted, explained, and fails the task unless the operator tolerates it. */
class PublicStreamListenerTest {

    /** The simulator's refusal of an unknown symbol, as it sends it. */
    private static final String REFUSED = "{\"m\":\"sub\",\"id\":\"3\",\"ch\":\"trades:FOO-PERP\",\"code\":100008,"
            + "\"reason\":\"SYMBOL_ERROR\",\"info\":\"Invalid symbol: 'FOO-PERP'\"}";

    private final SourceTaskMetrics metrics = new SourceTaskMetrics();
    private final EventQueue queue = new EventQueue(10, QueueFullBehavior.BLOCK, metrics);

    @Test
    void failByDefaultQueuesAFatalErrorWithTheExchangesReason() throws Exception {
        new PublicStreamListener(queue, metrics, SubscriptionRefusedBehavior.FAIL)
                .onMessage(new StreamMessageDecoder().decode(REFUSED));

        assertThat(metrics.refusedSubscriptions()).isEqualTo(1);
        assertThat(drained()).singleElement().isInstanceOfSatisfying(TaskEvent.Fatal.class, fatal ->
                assertThat(fatal.message()).contains("trades:FOO-PERP")
                        .contains("code 100008 SYMBOL_ERROR: Invalid symbol: 'FOO-PERP'")
                        .contains("subscription.refused.behavior=warn"));
    }

    @Test
    void warnCountsTheRefusalAndKeepsStreaming() throws Exception {
        new PublicStreamListener(queue, metrics, SubscriptionRefusedBehavior.WARN)
                .onMessage(new StreamMessageDecoder().decode(REFUSED));

        assertThat(metrics.refusedSubscriptions()).isEqualTo(1);
        assertThat(drained()).isEmpty();
    }

    @Test
    void anAcceptedSubscriptionIsNoRefusal() throws Exception {
        new PublicStreamListener(queue, metrics, SubscriptionRefusedBehavior.FAIL).onMessage(
                new StreamMessageDecoder().decode("{\"m\":\"sub\",\"id\":\"1\",\"ch\":\"trades:BTC-PERP\",\"code\":0}"));

        assertThat(metrics.refusedSubscriptions()).isZero();
        assertThat(drained()).isEmpty();
    }

    @Test
    void marketDataTravelsWithItsFrameTextOnlyWhenTheStreamHandsItOver() throws Exception {
        String trades = "{\"m\":\"trades\",\"symbol\":\"BTC-PERP\",\"data\":[{\"p\":\"1\",\"q\":\"1\",\"ts\":1,"
                + "\"bm\":true,\"seqnum\":2}]}";
        PublicStreamListener listener = new PublicStreamListener(queue, metrics, SubscriptionRefusedBehavior.FAIL);
        listener.onMessage(new StreamMessageDecoder().decode(trades), trades);
        listener.onMessage(new StreamMessageDecoder().decode(trades));

        assertThat(drained()).extracting(event -> ((TaskEvent.Message) event).frameText()).containsExactly(trades, null);
    }

    private List<TaskEvent> drained() throws InterruptedException {
        List<TaskEvent> events = new ArrayList<>();
        queue.drainTo(events, 10, 1);
        return events;
    }
}
