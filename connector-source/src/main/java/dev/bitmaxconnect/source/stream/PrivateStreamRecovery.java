package dev.bitmaxconnect.source.stream;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.bitmaxconnect.client.model.HistoryOrdersQuery;
import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.client.stream.BitMaxStream;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.common.concurrent.DaemonThreads;
import dev.bitmaxconnect.common.retry.Backoff;
import dev.bitmaxconnect.common.retry.Retrier;
import dev.bitmaxconnect.source.auth.AuthFailures;
import dev.bitmaxconnect.source.config.BitMaxSourceConfig;
import dev.bitmaxconnect.source.config.Channel;

/**
 * After each private session is subscribed, reads what the stream may have missed: the account snapshot (over the
 * WebSocket), the open orders, the current order history, and by orderId (in batches) every other order the order
 * topic last showed as not final (over REST); and queues them as one {@link TaskEvent.Recovery}. Runs on its own
 * thread, retrying transient failures with backoff.
 */
public final class PrivateStreamRecovery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PrivateStreamRecovery.class);

    private final BitMaxRestClient rest;
    private final EventQueue queue;
    private final PrivateStreamListener listener;
    private final NotFinalOrders notFinalOrders;
    private final Settings settings;
    private final Retrier retrier;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named("bitmax-source-private-recovery"));
    private volatile BitMaxStream stream;
    private volatile boolean closed;

    /**
     * What a recovery reads, and how patiently.
     *
     * @param channels         the private channels configured: order states are read for {@link Channel#ORDER}, the
     *                         account snapshot for {@link Channel#ACCOUNT}
     * @param historySize      how many orders of the current order history to read
     * @param lookupBatchSize  how many orderIds one look-up asks for
     * @param requestTimeoutMs how long a request, the subscription or the poll thread's hand-off may take
     * @param backoff          the wait after a failed attempt
     */
    public record Settings(Set<Channel> channels, int historySize, int lookupBatchSize, long requestTimeoutMs,
            Backoff backoff) {

        public static Settings from(BitMaxSourceConfig config) {
            return new Settings(Set.copyOf(config.channels()), config.recoveryHistorySize(),
                    config.recoveryLookupBatchSize(), config.requestTimeoutMs(), config.reconnectBackoff());
        }

        boolean orders() {
            return channels.contains(Channel.ORDER);
        }

        boolean account() {
            return channels.contains(Channel.ACCOUNT);
        }
    }

    public PrivateStreamRecovery(BitMaxRestClient rest, EventQueue queue, PrivateStreamListener listener,
            NotFinalOrders notFinalOrders, Settings settings) {
        this.rest = rest;
        this.queue = queue;
        this.listener = listener;
        this.notFinalOrders = notFinalOrders;
        this.settings = settings;
        this.retrier = Retrier.unbounded(settings.backoff());
    }

    public void stream(BitMaxStream stream) {
        this.stream = stream;
    }

    /** Schedules the recovery of the session that followed {@code generation} losses. */
    public void recoverAfterSubscribed(long generation) {
        if (!closed) {
            executor.execute(() -> recover(generation));
        }
    }

    private void recover(long generation) {
        Retrier.Retries retries = retrier.begin();
        while (!closed && listener.generation() == generation) {
            try {
                // so that nothing can happen between the REST reads and the stream
                listener.awaitSubscribed(generation, settings.requestTimeoutMs());
                List<PrivateEvent> events = read(generation);
                queue.put(new TaskEvent.Recovery(generation, events));
                log.info("Private stream recovery read {} order and account states", events.size());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Optional<String> auth = AuthFailures.describe(e);
                if (auth.isPresent()) {
                    queue.putFatal(auth.get());
                    return;
                }
                if (closed) {
                    return;
                }
                long wait = retries.next();
                log.warn("Private stream recovery failed, retrying in {} ms: {}", wait, e.toString());
                try {
                    if (!retrier.await(wait)) {
                        return;
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private List<PrivateEvent> read(long generation) throws InterruptedException {
        List<PrivateEvent> events = new ArrayList<>();
        if (settings.account()) {
            StreamMessage.AccountSnapshot snapshot;
            try {
                snapshot = stream.accountSnapshot().get(settings.requestTimeoutMs(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the account snapshot did not arrive within " + settings.requestTimeoutMs()
                        + " ms");
            }
            if (snapshot.sn() != null && snapshot.accountId() != null) {
                events.add(PrivateEvent.account(snapshot.accountId(), snapshot.sn(), false, snapshot));
            }
        }
        if (settings.orders()) {
            List<String> notFinal = notFinalOrders.await(generation, settings.requestTimeoutMs());
            if (notFinal == null) {
                throw new IllegalStateException("the task had not emitted what the lost private session sent within "
                        + settings.requestTimeoutMs() + " ms");
            }
            List<OrderInfo> states = new ArrayList<>(rest.openOrders());
            states.addAll(rest.currentHistoryOrders(new HistoryOrdersQuery(null, settings.historySize(), false)));
            states.addAll(lookUpTheRest(notFinal, states));
            for (OrderInfo order : states) {
                if (order.orderId() != null && order.seqNum() != null) {
                    events.add(PrivateEvent.order(order));
                }
            }
        }
        return events;
    }

    /**
     * The orders the topic shows as not final and that neither the open orders nor the history listed: they ended
     * (or moved on) while nobody listened, however long ago they were placed. Read by orderId, a batch at a time.
     */
    private List<OrderInfo> lookUpTheRest(List<String> notFinal, List<OrderInfo> listed) {
        Set<String> missing = new LinkedHashSet<>(notFinal);
        for (OrderInfo order : listed) {
            missing.remove(order.orderId());
        }
        List<OrderInfo> found = new ArrayList<>(missing.size());
        List<String> ids = new ArrayList<>(missing);
        int batchSize = settings.lookupBatchSize();
        for (int from = 0; from < ids.size(); from += batchSize) {
            found.addAll(rest.queryOrders(ids.subList(from, Math.min(ids.size(), from + batchSize))));
        }
        for (OrderInfo order : found) {
            missing.remove(order.orderId());
        }
        if (!missing.isEmpty()) {
            log.warn("The exchange does not know {} of the {} orders the order topic shows as not final, e.g. {}; "
                    + "their end cannot be recovered", missing.size(), notFinal.size(), missing.iterator().next());
        }
        return found;
    }

    @Override
    public void close() {
        closed = true;
        retrier.stop();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
