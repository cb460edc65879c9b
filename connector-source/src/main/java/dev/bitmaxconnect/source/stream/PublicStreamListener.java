package dev.bitmaxconnect.source.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.bitmaxconnect.client.stream.StreamListener;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.source.config.BitMaxSourceConfig;
import dev.bitmaxconnect.source.config.Channel;
import dev.bitmaxconnect.source.config.SubscriptionRefusedBehavior;
import dev.bitmaxconnect.source.metrics.SourceTaskMetrics;

/** Hands the public WebSocket's market data to the task's queue, and notes lost sessions. */
public final class PublicStreamListener implements StreamListener {
    private static final Logger log = LoggerFactory.getLogger(PublicStreamListener.class);

    private final EventQueue queue;
    private final SourceTaskMetrics metrics;
    private final SubscriptionRefusedBehavior onRefusal;

    public PublicStreamListener(EventQueue queue, SourceTaskMetrics metrics, SubscriptionRefusedBehavior onRefusal) {
        this.queue = queue;
        this.metrics = metrics;
        this.onRefusal = onRefusal;
    }

    @Override
    public void onMessage(StreamMessage message) {
        onMessage(message, null);
    }

    /** A message with its frame's text, which the stream hands over only when the records carry it. */
    @Override
    public void onMessage(StreamMessage message, String frameText) {
        try {
            if (message instanceof StreamMessage.Trades t) {
                queue.offerMarketData(marketData(message, frameText), Channel.TRADES, t.symbol());
            } else if (message instanceof StreamMessage.DepthUpdate d) {
                queue.offerMarketData(marketData(message, frameText), Channel.DEPTH, d.symbol());
            } else if (message instanceof StreamMessage.DepthSnapshot) {
                queue.put(marketData(message, frameText)); // rare, never dropped
            } else if (message instanceof StreamMessage.Bbo || message instanceof StreamMessage.Bar
                    || message instanceof StreamMessage.PricingData) {
                queue.offerMarketData(marketData(message, frameText), null, null);
            } else if (message instanceof StreamMessage.SubscriptionAck ack && ack.code() != null && ack.code() != 0) {
                refused(ack);
            } else if (message instanceof StreamMessage.Unknown || message instanceof StreamMessage.ErrorMessage) {
                queue.put(new TaskEvent.Message(message, false, System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TaskEvent.Message marketData(StreamMessage message, String frameText) {
        return new TaskEvent.Message(message, false, System.currentTimeMillis(), frameText);
    }

    /** A subscription that will never deliver: counted, logged with the exchange's reason, fatal unless tolerated. */
    private void refused(StreamMessage.SubscriptionAck ack) throws InterruptedException {
        metrics.refusedSubscription();
        String refusal = "The exchange refused the subscription to " + ack.channel() + " (code " + ack.code() + " "
                + ack.refusal() + ")";
        if (onRefusal == SubscriptionRefusedBehavior.WARN) {
            log.warn("{}; streaming the other subscriptions ({}=warn)", refusal,
                    BitMaxSourceConfig.SUBSCRIPTION_REFUSED_BEHAVIOR);
            return;
        }
        log.error("{}; failing the task", refusal);
        queue.put(new TaskEvent.Fatal(refusal + ": check " + BitMaxSourceConfig.SYMBOLS + " and "
                + BitMaxSourceConfig.CHANNELS + ", or set " + BitMaxSourceConfig.SUBSCRIPTION_REFUSED_BEHAVIOR
                + "=warn to stream the rest", null));
    }

    @Override
    public void onReconnected() {
        metrics.reconnect();
    }

    @Override
    public void onDisconnected(String reason) {
        try {
            queue.put(new TaskEvent.SessionLost(false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onError(Throwable error) {
        log.warn("Public stream error: {}", error.toString());
    }
}
