package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.client.BitMaxException;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.common.retry.Retrier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;

/** The two waits of a send: for a WebSocket reply, and before a retry. */
final class ExchangeWaits {

    private final Retrier retrier;
    private final long wsWaitMs;

    ExchangeWaits(Retrier retrier, long wsWaitMs) {
        this.retrier = retrier;
        this.wsWaitMs = wsWaitMs;
    }

    /** Waits for a WebSocket reply, turning its failure back into the client's exception. */
    <T> T reply(CompletableFuture<T> future) {
        try {
            return future.get(wsWaitMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BitMaxException be) {
                throw be;
            }
            throw new BitMaxTransportException("WebSocket request failed: " + e.getCause(), true, e.getCause());
        } catch (TimeoutException e) {
            throw new BitMaxTransportException("WebSocket request got no reply in " + wsWaitMs + " ms", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for the exchange", e);
        }
    }

    /** Waits before a retry; an interrupted lane (its partition is closing) or a stopped task sends nothing more. */
    void backoff(long ms) {
        boolean waited;
        try {
            waited = retrier.await(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException(
                    "stopped while waiting to retry: the partition is closing; the command will be re-delivered", e);
        }
        if (!waited || Thread.currentThread().isInterrupted()) {
            throw new ConnectException(
                    "stopped before retrying: the partition is closing; the command will be re-delivered");
        }
    }
}
