package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxException;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.common.retry.Retrier;
import dev.bitmaxconnect.sink.metrics.SinkMetrics;
import dev.bitmaxconnect.sink.result.ItemOutcome;
import dev.bitmaxconnect.sink.send.OrderExecutor.Sent;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sends the requests that are neither orders nor cancels of orders (cancel-all, leverage, margin type,
 * transfers), each with one outcome, retried as far as repeating it is safe.
 */
final class OtherRequests {

    private final Retrier retrier;
    private final ExchangeWaits waits;
    private final SinkMetrics metrics;
    private final Clock clock;

    OtherRequests(Retrier retrier, ExchangeWaits waits, SinkMetrics metrics, Clock clock) {
        this.retrier = retrier;
        this.waits = waits;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Runs the call; a retriable failure is retried when {@code repeatable}, or otherwise only when the
     * request certainly did not take effect (never sent, or HTTP 429).
     */
    Sent run(String clientId, Supplier<?> call, boolean repeatable) {
        long time = clock.millis();
        Retrier.Retries retries = retrier.begin();
        int attempts = 0;
        while (true) {
            attempts++;
            BitMaxException failure;
            boolean safeToRepeat;
            try {
                metrics.request(0);
                call.get();
                return new Sent(List.of(ItemOutcome.accepted(clientId, null)), time, attempts);
            } catch (BitMaxApiException e) {
                if (AccessDeniedException.isAccessDenied(e)) {
                    throw AccessDeniedException.of(e);
                }
                if (!e.isRetriable()) {
                    return new Sent(List.of(ItemOutcome.refused(clientId, null, e)), time, attempts);
                }
                failure = e;
                safeToRepeat = repeatable || e.httpStatus() == 429;
            } catch (BitMaxTransportException e) {
                failure = e;
                safeToRepeat = repeatable || !e.mayHaveReachedExchange();
            }
            if (!safeToRepeat) {
                return new Sent(List.of(ItemOutcome.failed(clientId, null, failure, "OUTCOME_UNKNOWN",
                        "the transfer may or may not have happened; check the account before sending it again: "
                                + failure.getMessage())), time, attempts);
            }
            if (!retries.canRetry()) {
                return new Sent(List.of(ItemOutcome.failed(clientId, null, failure, "RETRIES_EXHAUSTED",
                        failure.getMessage())), time, attempts);
            }
            metrics.retry();
            waits.backoff(retries.next());
            time = clock.millis();
        }
    }
}
