package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxException;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.model.BatchOrderAck;
import dev.bitmaxconnect.client.model.BatchOrderResult;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.model.OrderResult;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.client.stream.BitMaxStream;
import dev.bitmaxconnect.client.stream.StreamMessage.OrderAck;
import dev.bitmaxconnect.common.retry.Retrier;
import dev.bitmaxconnect.sink.command.CancelItem;
import dev.bitmaxconnect.sink.command.ClientIds;
import dev.bitmaxconnect.sink.command.OrderItem;
import dev.bitmaxconnect.sink.metrics.SinkMetrics;
import dev.bitmaxconnect.sink.result.ItemOutcome;
import dev.bitmaxconnect.sink.result.ResultStatus;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends orders and cancels to the exchange over REST, exactly once. Every order carries a deterministic
 * client id and a fixed request {@code time}, so its orderId is known before sending. A retriable failure
 * is retried with the same request (same time, same ids) after backoff; when the request may have reached
 * the exchange, the orders are looked up by orderId first and those found are not sent again. Cancels are
 * sent by {@link CancelSender}, the other requests by {@link OtherRequests}.
 */
public final class OrderExecutor {

    private static final Logger log = LoggerFactory.getLogger(OrderExecutor.class);
    /** The exchange ignores requests whose time is more than 30 s old; past this age a copy cannot land. */
    private static final long STALE_REQUEST_MS = 31_000;
    /** Younger than this, a request is sent again with its time; older, it could soon be refused as stale. */
    static final long FRESH_REQUEST_MS = 20_000;

    /**
     * The exchange session requests go through.
     *
     * @param ws the WebSocket session single places, single cancels and cancel-all go through, or null to
     *           send everything over REST
     * @param wsWaitMs how long to wait for a WebSocket reply
     * @param userUid the account's user id, part of every orderId the exchange gives
     * @param lookUpHistorySize how many orders of the current history a look-up reads
     */
    public record Exchange(BitMaxRestClient rest, BitMaxStream ws, long wsWaitMs, String userUid,
                           int lookUpHistorySize) {
    }

    private final BitMaxRestClient rest;
    private final BitMaxStream ws;
    private final String userUid;
    private final OrderLookUp lookUp;
    private final Retrier retrier;
    private final ExchangeWaits waits;
    private final CancelSender cancels;
    private final OtherRequests other;
    private final SinkMetrics metrics;
    private final Clock clock;
    private final Map<String, String> placedByClientId = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > 100_000;
                }
            });

    public OrderExecutor(Exchange exchange, Retrier retrier, SinkMetrics metrics, Clock clock) {
        this.rest = exchange.rest();
        this.ws = exchange.ws();
        this.userUid = exchange.userUid();
        this.lookUp = new OrderLookUp(rest, metrics, userUid, exchange.lookUpHistorySize());
        this.retrier = retrier;
        this.waits = new ExchangeWaits(retrier, exchange.wsWaitMs());
        this.cancels = new CancelSender(exchange, lookUp, retrier, waits, metrics, clock);
        this.other = new OtherRequests(retrier, waits, metrics, clock);
        this.metrics = metrics;
        this.clock = clock;
    }

    /** An order to place with the client id it is sent under. */
    public record PlaceItem(String clientId, OrderItem order) {
    }

    /**
     * A cancel with the client id it is sent under.
     *
     * @param lookFirst read the order's state before sending: it was placed before this task started, and
     *                  may already be canceled, by this very command delivered once before
     */
    public record CancelTarget(String clientId, CancelItem cancel, boolean lookFirst) {

        public CancelTarget(String clientId, CancelItem cancel) {
            this(clientId, cancel, false);
        }
    }

    /** The order a cancel by {@code origId} names, and whether this task placed it. */
    public record Resolved(String orderId, boolean placedHere) {
    }

    /** The outcome of a request: one outcome per item, the request time and the number of sends. */
    public record Sent(List<ItemOutcome> items, Long requestTime, int attempts) {
    }

    // ------------------------------------------------------------------------------------------- place

    /**
     * Places the items, in one batch request when there are several. When the exchange refuses a batch and
     * {@code splitOnVerdict} is set (a batch the sink coalesced), the orders are sent one by one so that one
     * bad order does not sink the others; a batch the user asked for stays all-or-none.
     */
    public Sent place(List<PlaceItem> items, boolean splitOnVerdict) {
        Placement p = new Placement(items, ws != null && items.size() == 1, userUid, clock.millis());
        Retrier.Retries retries = retrier.begin();
        while (p.hasPending()) {
            List<NewOrderRequest> requests = p.nextRequests();
            try {
                metrics.request(requests.size());
                send(p, requests);
            } catch (BitMaxApiException e) {
                if (AccessDeniedException.isAccessDenied(e)) {
                    throw AccessDeniedException.of(e);
                }
                if (unreadableSuccess(e)) {
                    // The exchange answered 2xx but not in a form we can read: the orders may well be placed,
                    // so this is an ambiguous outcome to look up, not a refusal.
                    p.markAmbiguous(true);
                    retryOrGiveUp(p, e, retries);
                    renewTimeIfStale(p);
                } else if (!e.isRetriable()) {
                    onVerdict(p, e, retries, splitOnVerdict);
                } else {
                    p.markAmbiguous(e.httpStatus() != 429);
                    retryOrGiveUp(p, e, retries);
                    renewTimeIfStale(p);
                }
            } catch (BitMaxTransportException e) {
                p.markAmbiguous(e.mayHaveReachedExchange());
                retryOrGiveUp(p, e, retries);
                renewTimeIfStale(p);
            }
        }
        List<ItemOutcome> out = p.outcomes();
        for (ItemOutcome o : out) {
            if (o != null && o.orderId() != null && o.status() != ResultStatus.REJECTED) {
                placedByClientId.put(o.clientId(), o.orderId());
            }
        }
        return new Sent(out, p.time(), p.attempts());
    }

    /** Sends the waiting orders: one alone over WebSocket or REST, several in a batch request. */
    private void send(Placement p, List<NewOrderRequest> requests) {
        if (p.single()) {
            String clientId = requests.get(0).id();
            if (p.viaWs()) {
                OrderAck ack = waits.reply(ws.placeOrder(requests.get(0)));
                p.accept(clientId, ack != null && ack.info() != null ? ack.info().orderId() : null);
            } else {
                OrderResult r = rest.placeOrder(requests.get(0));
                p.accept(clientId, r != null && r.order() != null && r.order().orderId() != null
                        ? r.order().orderId() : p.expectedOrderId(clientId));
            }
            return;
        }
        BatchOrderResult r = rest.placeBatch(requests);
        Map<String, String> acked = new HashMap<>();
        if (r != null && r.orders() != null) {
            for (BatchOrderAck ack : r.orders()) {
                if (ack.id() != null && ack.orderId() != null) {
                    acked.put(ack.id(), ack.orderId());
                }
            }
        }
        for (PlaceItem i : p.pendingItems()) {
            p.accept(i.clientId(), acked.getOrDefault(i.clientId(), p.expectedOrderId(i.clientId())));
        }
    }

    /**
     * The exchange refused the request. After an ambiguous outcome, our earlier copy may be what it objects
     * to (a duplicate orderId): the verdict only counts once the look-up says none of these orders is there.
     */
    private void onVerdict(Placement p, BitMaxApiException e, Retrier.Retries retries, boolean splitOnVerdict) {
        if (p.ambiguous()) {
            Optional<Map<String, String>> found = lookUpPlaced(p);
            if (found.isEmpty()) {
                retryOrGiveUp(p, e, retries);
                return;
            }
            int before = p.pendingCount();
            p.takeDuplicates(found.get());
            if (!p.hasPending() || p.pendingCount() < before) {
                return; // the rest again, same time: the verdict may have been about the others
            }
            if (clock.millis() - p.time() >= STALE_REQUEST_MS) {
                // Refused as too old, and none of our copies is there: none can land any more,
                // so a new time (new orderIds) cannot make a second order.
                p.renewTime(clock.millis());
                return;
            }
        }
        if (p.pendingCount() > 1 && splitOnVerdict) {
            log.info("Batch of {} orders refused ({}); sending them one by one", p.pendingCount(), e.getMessage());
            for (PlaceItem i : p.pendingItems()) {
                Sent one = place(List.of(i), false);
                p.settle(i.clientId(), one.items().get(0));
                p.addAttempts(one.attempts());
            }
        } else {
            p.refuseAll(e);
        }
    }

    /**
     * After a retriable failure: wait, and look up what may have landed before sending again; or, with no
     * retry left, give the waiting orders their outcome.
     */
    private void retryOrGiveUp(Placement p, BitMaxException e, Retrier.Retries retries) {
        int tries = retries.done() + 1;
        if (!retries.canRetry()) {
            p.giveUp(e, tries, p.ambiguous() ? lookUpPlaced(p) : Optional.empty());
            return;
        }
        metrics.retry();
        log.info("Retriable failure sending {} order(s), retry {} of {}: {}", p.pendingCount(), tries,
                retrier.maxRetries(), e.getMessage());
        waits.backoff(retries.next());
        if (p.ambiguous()) {
            lookUpPlaced(p).ifPresent(p::takeDuplicates);
            p.giveUpUnknowable(e);
        }
    }

    /** A 2xx answer without an exchange error code that could not be read (cut off, not JSON, no data). */
    private static boolean unreadableSuccess(BitMaxApiException e) {
        return e.code() == 0 && e.httpStatus() >= 200 && e.httpStatus() < 300;
    }

    /**
     * Keeps the request time while a copy of the request could still land; once it is too old to be
     * accepted, looks up every time used and moves to a new time (new orderIds) for what is still missing.
     * When the exchange cannot be asked, the old time stays: a new orderId for an order that may have landed
     * under the old one would place it twice, whereas the old request is refused as stale at worst. When no
     * copy can have reached the exchange, there is nothing to wait for or look up.
     */
    private void renewTimeIfStale(Placement p) {
        if (!p.hasPending() || clock.millis() - p.time() < FRESH_REQUEST_MS) {
            return;
        }
        if (!p.ambiguous()) {
            p.renewTime(clock.millis());
            return;
        }
        long wait = p.time() + STALE_REQUEST_MS - clock.millis();
        if (wait > 0) {
            waits.backoff(wait);
        }
        Optional<Map<String, String>> found = lookUpPlaced(p);
        if (found.isEmpty()) {
            return;
        }
        p.takeDuplicates(found.get());
        p.renewTime(clock.millis());
    }

    /** Client id to orderId of the waiting orders the exchange holds, or empty when it could not be asked. */
    private Optional<Map<String, String>> lookUpPlaced(Placement p) {
        // Nothing may rely on a WebSocket orderId being known in advance: match the client id's characters.
        return p.viaWs() ? lookUp.byClientIds(p.pendingClientIds()) : lookUp.byOrderIds(p.expectedOrderIds());
    }

    /** Cancels every open order (of one symbol when given), over the WebSocket session when there is one. */
    public void cancelAll(String symbol) {
        if (ws != null) {
            waits.reply(symbol == null ? ws.cancelAll() : ws.cancelAll(symbol));
        } else if (symbol == null) {
            rest.cancelAll();
        } else {
            rest.cancelAll(symbol);
        }
    }

    // ------------------------------------------------------------------------------------------ cancel

    /**
     * The orderId an order placed with {@code clientId} got: from this task's memory, else from what earlier
     * tasks did (the results topic read back, the exchange's orders at the last assignment), else from the
     * exchange's open orders and current history now. A look-up the exchange fails retriably, or answers
     * unreadably, is retried like a request; one that keeps failing, or that the exchange refuses, is a
     * {@link LookUpFailedException}: the order may well be open, so it is not reported as unknown.
     */
    public Optional<Resolved> resolve(String clientId, RecoveryIndex recovery) {
        String known = placedByClientId.get(clientId);
        if (known != null) {
            return Optional.of(new Resolved(known, true));
        }
        Optional<String> recovered = recovery.orderIdOf(clientId);
        if (recovered.isPresent()) {
            return Optional.of(new Resolved(recovered.get(), false));
        }
        if (!ClientIds.usable(clientId)) {
            return Optional.empty();
        }
        Retrier.Retries retries = retrier.begin();
        while (true) {
            BitMaxException failure;
            try {
                return lookUp.byClientId(clientId).map(id -> new Resolved(id, false));
            } catch (BitMaxApiException e) {
                if (AccessDeniedException.isAccessDenied(e)) {
                    throw AccessDeniedException.of(e);
                }
                // A look-up changes nothing: an answer that could not be read is asked again.
                if (!e.isRetriable() && !unreadableSuccess(e)) {
                    throw new LookUpFailedException(e, true);
                }
                failure = e;
            } catch (BitMaxException e) {
                failure = e;
            }
            if (!retries.canRetry()) {
                throw new LookUpFailedException(failure, false);
            }
            log.info("Retriable failure looking up the order of client id {}, retry {} of {}: {}", clientId,
                    retries.done() + 1, retrier.maxRetries(), failure.getMessage());
            metrics.retry();
            waits.backoff(retries.next());
        }
    }

    /**
     * Cancels the orders, in one batch request when there are several (split one by one when refused and
     * {@code splitOnVerdict}). A cancel the exchange refuses because the order is already canceled is a
     * duplicate; so is one whose order, {@linkplain CancelTarget#lookFirst looked at first}, is already
     * canceled, and nothing is sent for it.
     */
    public Sent cancel(List<CancelTarget> targets, boolean splitOnVerdict) {
        return cancels.cancel(targets, splitOnVerdict);
    }

    // ------------------------------------------------------------------------------- other requests

    /**
     * Runs a request whose repetition does no harm (cancel-all, leverage, margin type), retrying retriable
     * failures.
     */
    public Sent idempotent(String clientId, Supplier<?> call) {
        return other.run(clientId, call, true);
    }

    /**
     * Runs a transfer: retried only when the request certainly did not take effect (never sent, or HTTP 429);
     * any other failure leaves the outcome unknown and is reported, not repeated.
     */
    public Sent transfer(String clientId, Supplier<?> call) {
        return other.run(clientId, call, false);
    }
}
