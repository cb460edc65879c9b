package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxException;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.model.BatchOrderAck;
import dev.bitmaxconnect.client.model.BatchOrderResult;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.ExecInst;
import dev.bitmaxconnect.client.model.HistoryOrdersQuery;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.model.OrderResult;
import dev.bitmaxconnect.client.model.OrderStatus;
import dev.bitmaxconnect.client.model.OrderType;
import dev.bitmaxconnect.client.model.RespInst;
import dev.bitmaxconnect.client.model.Side;
import dev.bitmaxconnect.client.model.TimeInForce;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends orders and cancels to the exchange over REST, exactly once. Every order carries a deterministic
 * client id and a fixed request {@code time}, so its orderId is known before sending. A retriable failure
 * is retried with the same request (same time, same ids) after backoff; when the request may have reached
 * the exchange, the orders are looked up by orderId first and those found are not sent again.
 */
public final class OrderExecutor {

    private static final Logger log = LoggerFactory.getLogger(OrderExecutor.class);
    /** The exchange ignores requests whose time is more than 30 s old; past this age a copy cannot land. */
    private static final long STALE_REQUEST_MS = 31_000;
    private static final long FRESH_REQUEST_MS = 20_000;

    private final BitMaxRestClient rest;
    private final BitMaxStream ws;
    private final long wsWaitMs;
    private final String userUid;
    private final Retrier retrier;
    private final SinkMetrics metrics;
    private final Clock clock;
    private final int historySize;
    private final Map<String, String> placedByClientId = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > 100_000;
                }
            });

    /**
     * @param ws the WebSocket session single places, single cancels and cancel-all go through, or null to
     *           send everything over REST
     */
    public OrderExecutor(BitMaxRestClient rest, BitMaxStream ws, long wsWaitMs, String userUid, Retrier retrier,
                         SinkMetrics metrics, Clock clock, int historySize) {
        this.rest = rest;
        this.ws = ws;
        this.wsWaitMs = wsWaitMs;
        this.userUid = userUid;
        this.retrier = retrier;
        this.metrics = metrics;
        this.clock = clock;
        this.historySize = historySize;
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
        long time = clock.millis();
        // every request time used so far: a copy sent under any of them may have landed, so look-ups cover all
        List<Long> times = new ArrayList<>(List.of(time));
        boolean viaWs = ws != null && items.size() == 1;
        Map<String, PlaceItem> pending = new LinkedHashMap<>();
        for (PlaceItem i : items) {
            pending.put(i.clientId(), i);
        }
        Map<String, ItemOutcome> done = new HashMap<>();
        boolean ambiguous = false;
        int attempts = 0;
        Retrier.Retries retries = retrier.begin();
        while (!pending.isEmpty()) {
            attempts++;
            List<NewOrderRequest> requests = new ArrayList<>();
            for (PlaceItem i : pending.values()) {
                requests.add(request(i, time));
            }
            try {
                metrics.request(requests.size());
                if (requests.size() == 1 && items.size() == 1) {
                    PlaceItem only = pending.values().iterator().next();
                    String orderId;
                    if (viaWs) {
                        OrderAck ack = await(ws.placeOrder(requests.get(0)));
                        orderId = ack != null && ack.info() != null && ack.info().orderId() != null
                                ? ack.info().orderId() : null;
                    } else {
                        OrderResult r = rest.placeOrder(requests.get(0));
                        orderId = r != null && r.order() != null && r.order().orderId() != null
                                ? r.order().orderId() : expectedOrderId(time, only.clientId());
                    }
                    done.put(only.clientId(), accepted(only.clientId(), orderId));
                } else {
                    BatchOrderResult r = rest.placeBatch(requests);
                    Map<String, String> acked = new HashMap<>();
                    if (r != null && r.orders() != null) {
                        for (BatchOrderAck ack : r.orders()) {
                            if (ack.id() != null && ack.orderId() != null) {
                                acked.put(ack.id(), ack.orderId());
                            }
                        }
                    }
                    for (PlaceItem i : pending.values()) {
                        String orderId = acked.getOrDefault(i.clientId(), expectedOrderId(time, i.clientId()));
                        done.put(i.clientId(), accepted(i.clientId(), orderId));
                    }
                }
                pending.clear();
            } catch (BitMaxApiException e) {
                if (AccessDeniedException.isAccessDenied(e)) {
                    throw AccessDeniedException.of(e);
                }
                if (unreadableSuccess(e)) {
                    // The exchange answered 2xx but not in a form we can read: the orders may well be placed,
                    // so this is an ambiguous outcome to look up, not a refusal.
                    ambiguous = true;
                    if (!retryOrGiveUp(e, retries, pending, done, time, times, true, viaWs)) {
                        break;
                    }
                    time = refreshTimeIfStale(time, times, pending, done, ambiguous, viaWs);
                    continue;
                }
                if (!e.isRetriable()) {
                    if (ambiguous) {
                        // Our earlier copy may be what the exchange is objecting to (a duplicate orderId):
                        // the verdict only counts once the look-up says none of these orders is there.
                        Optional<Map<String, String>> found = lookUpPlaced(pending.keySet(), times, viaWs);
                        if (found.isEmpty()) {
                            if (!retryOrGiveUp(e, retries, pending, done, time, times, true, viaWs)) {
                                break;
                            }
                            continue;
                        }
                        int before = pending.size();
                        takeDuplicates(found.get(), pending, done, "after an ambiguous outcome");
                        if (pending.isEmpty()) {
                            break;
                        }
                        if (pending.size() < before) {
                            continue; // the rest again, same time: the verdict may have been about the others
                        }
                        if (clock.millis() - time >= STALE_REQUEST_MS) {
                            // Refused as too old, and none of our copies is there: none can land any more,
                            // so a new time (new orderIds) cannot make a second order.
                            time = clock.millis();
                            times.add(time);
                            continue;
                        }
                    }
                    if (pending.size() > 1 && splitOnVerdict) {
                        log.info("Batch of {} orders refused ({}); sending them one by one", pending.size(),
                                e.getMessage());
                        for (PlaceItem i : new ArrayList<>(pending.values())) {
                            Sent one = place(List.of(i), false);
                            done.put(i.clientId(), one.items().get(0));
                            attempts += one.attempts();
                        }
                    } else {
                        for (String id : pending.keySet()) {
                            done.put(id, refused(id, e));
                        }
                    }
                    pending.clear();
                    break;
                }
                ambiguous |= e.httpStatus() != 429;
                if (!retryOrGiveUp(e, retries, pending, done, time, times, ambiguous, viaWs)) {
                    break;
                }
                time = refreshTimeIfStale(time, times, pending, done, ambiguous, viaWs);
            } catch (BitMaxTransportException e) {
                ambiguous |= e.mayHaveReachedExchange();
                if (!retryOrGiveUp(e, retries, pending, done, time, times, ambiguous, viaWs)) {
                    break;
                }
                time = refreshTimeIfStale(time, times, pending, done, ambiguous, viaWs);
            }
        }
        List<ItemOutcome> out = new ArrayList<>();
        for (PlaceItem i : items) {
            ItemOutcome o = done.get(i.clientId());
            out.add(o);
            if (o != null && o.orderId() != null && o.status() != ResultStatus.REJECTED) {
                placedByClientId.put(i.clientId(), o.orderId());
            }
        }
        return new Sent(out, time, attempts);
    }

    /**
     * After a retriable failure: wait and look up what may have landed, or give up. Returns whether to go on,
     * false when the remaining items have been given an outcome.
     */
    private boolean retryOrGiveUp(BitMaxException e, Retrier.Retries retries, Map<String, PlaceItem> pending,
                                  Map<String, ItemOutcome> done, long time, List<Long> times, boolean ambiguous,
                                  boolean viaWs) {
        int tries = retries.done() + 1;
        if (!retries.canRetry()) {
            if (ambiguous) {
                Optional<Map<String, String>> found = lookUpPlaced(pending.keySet(), times, viaWs);
                found.ifPresent(f -> takeDuplicates(f, pending, done, "after an ambiguous outcome"));
                for (String id : pending.keySet()) {
                    String where = !ClientIds.usable(id) ? "an order placed with client id \"" + id + "\""
                            : viaWs ? "an orderId ending in " + ClientIds.orderIdSuffix(id)
                            : "orderId " + expectedOrderId(time, id);
                    done.put(id, new ItemOutcome(id, found.isPresent() || viaWs ? null : expectedOrderId(time, id),
                            ResultStatus.FAILED, code(e), found.isPresent() ? "RETRIES_EXHAUSTED" : "OUTCOME_UNKNOWN",
                            found.isPresent() ? "not at the exchange after " + tries + " tries: " + e.getMessage()
                                    : "the exchange could not be asked whether the order landed; look for "
                                            + where + ": " + e.getMessage()));
                }
            } else {
                for (String id : pending.keySet()) {
                    done.put(id, new ItemOutcome(id, null, ResultStatus.FAILED, code(e), "RETRIES_EXHAUSTED",
                            e.getMessage()));
                }
            }
            pending.clear();
            return false;
        }
        metrics.retry();
        log.info("Retriable failure sending {} order(s), retry {} of {}: {}", pending.size(), tries,
                retrier.maxRetries(), e.getMessage());
        await(retries.next());
        if (ambiguous) {
            lookUpPlaced(pending.keySet(), times, viaWs)
                    .ifPresent(f -> takeDuplicates(f, pending, done, "after an ambiguous outcome"));
            giveUpUnknowable(e, pending, done);
            if (pending.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** A 2xx answer without an exchange error code that could not be read (cut off, not JSON, no data). */
    private static boolean unreadableSuccess(BitMaxApiException e) {
        return e.code() == 0 && e.httpStatus() >= 200 && e.httpStatus() < 300;
    }

    /**
     * After an ambiguous outcome, the orders whose orderId the exchange picked itself (a client id that is
     * not 9 to 32 letters and digits) cannot be looked up, and the exchange would take a second copy as a
     * new order: they are reported unknown rather than sent again.
     */
    private static void giveUpUnknowable(BitMaxException e, Map<String, PlaceItem> pending,
                                         Map<String, ItemOutcome> done) {
        for (String id : new ArrayList<>(pending.keySet())) {
            if (!ClientIds.usable(id)) {
                pending.remove(id);
                done.put(id, new ItemOutcome(id, null, ResultStatus.FAILED, code(e), "OUTCOME_UNKNOWN",
                        "the request may have reached the exchange, which picks the orderId for client id \"" + id
                                + "\" (not 9 to 32 letters and digits), so it cannot be looked up and is not sent "
                                + "again; look for an order placed with client id \"" + id + "\": " + e.getMessage()));
            }
        }
    }

    /**
     * Keeps the request time while a copy of the request could still land; once it is too old to be
     * accepted, looks up every time used and moves to a new time (new orderIds) for what is still missing.
     * When the exchange cannot be asked, the old time stays: a new orderId for an order that may have landed
     * under the old one would place it twice, whereas the old request is refused as stale at worst. When no
     * copy can have reached the exchange, there is nothing to wait for or look up.
     */
    private long refreshTimeIfStale(long time, List<Long> times, Map<String, PlaceItem> pending,
                                    Map<String, ItemOutcome> done, boolean ambiguous, boolean viaWs) {
        if (pending.isEmpty() || clock.millis() - time < FRESH_REQUEST_MS) {
            return time;
        }
        if (!ambiguous) {
            long fresh = clock.millis();
            times.add(fresh);
            return fresh;
        }
        long wait = time + STALE_REQUEST_MS - clock.millis();
        if (wait > 0) {
            await(wait);
        }
        Optional<Map<String, String>> found = lookUpPlaced(pending.keySet(), times, viaWs);
        if (found.isEmpty()) {
            return time;
        }
        takeDuplicates(found.get(), pending, done, "after an ambiguous outcome");
        long fresh = clock.millis();
        times.add(fresh);
        return fresh;
    }

    private void takeDuplicates(Map<String, String> found, Map<String, PlaceItem> pending,
                                Map<String, ItemOutcome> done, String when) {
        for (Map.Entry<String, String> f : found.entrySet()) {
            if (pending.remove(f.getKey()) != null) {
                done.put(f.getKey(), new ItemOutcome(f.getKey(), f.getValue(), ResultStatus.DUPLICATE, null,
                        "ALREADY_AT_EXCHANGE", "found at the exchange " + when + "; not sent again"));
            }
        }
    }

    /** Client id to orderId of the items the exchange holds, or empty when the exchange could not be asked. */
    private Optional<Map<String, String>> lookUpPlaced(java.util.Collection<String> clientIds, List<Long> times,
                                                       boolean viaWs) {
        if (viaWs) {
            // Nothing may rely on a WebSocket orderId being known in advance: match the client id's characters.
            return scanBySuffix(clientIds);
        }
        Map<String, String> expected = new HashMap<>();
        for (String id : clientIds) {
            if (ClientIds.usable(id)) {
                for (long time : times) {
                    expected.put(expectedOrderId(time, id), id);
                }
            }
        }
        if (expected.isEmpty()) {
            return Optional.of(Map.of());
        }
        Map<String, String> found = new HashMap<>();
        try {
            metrics.request(0);
            for (OrderInfo o : rest.queryOrders(new ArrayList<>(expected.keySet()))) {
                if (o != null && o.orderId() != null && expected.containsKey(o.orderId())) {
                    found.put(expected.get(o.orderId()), o.orderId());
                }
            }
            return Optional.of(found);
        } catch (BitMaxApiException e) {
            if (e.isRetriable()) {
                return Optional.empty();
            }
            // Some exchanges answer "not found" for the whole query: read the open orders and history instead.
        } catch (BitMaxTransportException e) {
            return Optional.empty();
        }
        try {
            metrics.request(0);
            List<OrderInfo> seen = new ArrayList<>(rest.openOrders());
            metrics.request(0);
            seen.addAll(rest.currentHistoryOrders(new HistoryOrdersQuery(null, historySize, null)));
            for (OrderInfo o : seen) {
                if (o.orderId() != null && expected.containsKey(o.orderId())) {
                    found.put(expected.get(o.orderId()), o.orderId());
                }
            }
            return Optional.of(found);
        } catch (BitMaxException e) {
            return Optional.empty();
        }
    }

    private Optional<Map<String, String>> scanBySuffix(java.util.Collection<String> clientIds) {
        Map<String, String> bySuffix = new HashMap<>();
        for (String id : clientIds) {
            if (ClientIds.usable(id)) {
                bySuffix.put(ClientIds.orderIdSuffix(id), id);
            }
        }
        if (bySuffix.isEmpty()) {
            return Optional.of(Map.of());
        }
        try {
            metrics.request(0);
            List<OrderInfo> seen = new ArrayList<>(rest.openOrders());
            metrics.request(0);
            seen.addAll(rest.currentHistoryOrders(new HistoryOrdersQuery(null, historySize, null)));
            Map<String, String> found = new HashMap<>();
            for (OrderInfo o : seen) {
                String id = o.orderId();
                if (id != null && id.length() > 9 && id.contains(userUid)) {
                    String client = bySuffix.get(id.substring(id.length() - 9));
                    if (client != null) {
                        found.put(client, id);
                    }
                }
            }
            return Optional.of(found);
        } catch (BitMaxException e) {
            return Optional.empty();
        }
    }

    /** Waits for a WebSocket reply, turning its failure back into the client's exception. */
    private <T> T await(CompletableFuture<T> future) {
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
            throw new org.apache.kafka.connect.errors.ConnectException("interrupted while waiting for the exchange", e);
        }
    }

    /** Cancels every open order (of one symbol when given), over the WebSocket session when there is one. */
    public void cancelAll(String symbol) {
        if (ws != null) {
            await(symbol == null ? ws.cancelAll() : ws.cancelAll(symbol));
        } else if (symbol == null) {
            rest.cancelAll();
        } else {
            rest.cancelAll(symbol);
        }
    }

    private NewOrderRequest request(PlaceItem i, long time) {
        OrderItem o = i.order();
        return new NewOrderRequest(i.clientId(), time, o.symbol(), o.price(), o.orderQty(),
                OrderType.of(o.orderType()), Side.of(o.side()),
                o.respInst() == null ? null : RespInst.of(o.respInst()), o.postOnly(), o.stopPrice(),
                o.timeInForce() == null ? null : TimeInForce.of(o.timeInForce()),
                o.execInst() == null ? null : ExecInst.of(o.execInst()), o.posStopLossPrice(),
                o.posTakeProfitPrice());
    }

    /** The orderId the exchange gives a REST order, or null when it picks part of it at random. */
    private String expectedOrderId(long time, String clientId) {
        return ClientIds.usable(clientId) ? ClientIds.restOrderId(time, userUid, clientId) : null;
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
        String suffix = ClientIds.orderIdSuffix(clientId);
        Retrier.Retries retries = retrier.begin();
        while (true) {
            BitMaxException failure;
            try {
                metrics.request(0);
                List<OrderInfo> seen = new ArrayList<>(rest.openOrders());
                metrics.request(0);
                seen.addAll(rest.currentHistoryOrders(new HistoryOrdersQuery(null, historySize, null)));
                return seen.stream().map(OrderInfo::orderId)
                        .filter(id -> id != null && id.endsWith(suffix) && id.contains(userUid)).findFirst()
                        .map(id -> new Resolved(id, false));
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
            await(retries.next());
        }
    }

    /** The exchange could not tell where an order is: its look-up kept failing or was refused. */
    public static final class LookUpFailedException extends RuntimeException {

        private final transient BitMaxException failure;
        private final boolean refused;

        LookUpFailedException(BitMaxException failure, boolean refused) {
            super(failure.getMessage(), failure);
            this.failure = failure;
            this.refused = refused;
        }

        /** The last failure of the look-up. */
        public BitMaxException failure() {
            return failure;
        }

        /** Whether the exchange refused the look-up (an API error not worth retrying) rather than kept failing. */
        public boolean refused() {
            return refused;
        }
    }

    /**
     * Cancels the orders, in one batch request when there are several (split one by one when refused and
     * {@code splitOnVerdict}). A cancel the exchange refuses because the order is already canceled is a
     * duplicate; so is one whose order, {@linkplain CancelTarget#lookFirst looked at first}, is already
     * canceled, and nothing is sent for it.
     */
    public Sent cancel(List<CancelTarget> targets, boolean splitOnVerdict) {
        List<ItemOutcome> canceled = new ArrayList<>();
        List<CancelTarget> toSend = new ArrayList<>();
        for (CancelTarget t : targets) {
            ItemOutcome already = t.lookFirst() ? alreadyCanceled(t).orElse(null) : null;
            canceled.add(already);
            if (already == null) {
                toSend.add(t);
            }
        }
        if (toSend.size() == targets.size()) {
            return send(targets, splitOnVerdict);
        }
        Sent sent = toSend.isEmpty() ? new Sent(List.of(), null, 0) : send(toSend, splitOnVerdict);
        List<ItemOutcome> out = new ArrayList<>();
        Iterator<ItemOutcome> sentItems = sent.items().iterator();
        for (ItemOutcome already : canceled) {
            out.add(already != null ? already : sentItems.next());
        }
        return new Sent(out, sent.requestTime(), sent.attempts());
    }

    private Sent send(List<CancelTarget> targets, boolean splitOnVerdict) {
        long time = clock.millis();
        int attempts = 0;
        Retrier.Retries retries = retrier.begin();
        boolean ambiguous = false;
        while (true) {
            attempts++;
            List<CancelOrderRequest> requests = new ArrayList<>();
            for (CancelTarget t : targets) {
                requests.add(new CancelOrderRequest(t.clientId(), t.cancel().orderId(), t.cancel().symbol(), time,
                        null));
            }
            try {
                metrics.request(requests.size());
                if (targets.size() == 1 && ws != null) {
                    await(ws.cancelOrder(requests.get(0)));
                } else if (targets.size() == 1) {
                    rest.cancelOrder(requests.get(0));
                } else {
                    rest.cancelBatch(requests);
                }
                List<ItemOutcome> out = new ArrayList<>();
                for (CancelTarget t : targets) {
                    out.add(accepted(t.clientId(), t.cancel().orderId()));
                }
                return new Sent(out, time, attempts);
            } catch (BitMaxApiException e) {
                if (AccessDeniedException.isAccessDenied(e)) {
                    throw AccessDeniedException.of(e);
                }
                if (!e.isRetriable()) {
                    if (targets.size() > 1 && splitOnVerdict) {
                        List<ItemOutcome> out = new ArrayList<>();
                        for (CancelTarget t : targets) {
                            Sent one = send(List.of(t), false);
                            out.add(one.items().get(0));
                            attempts += one.attempts();
                        }
                        return new Sent(out, time, attempts);
                    }
                    List<ItemOutcome> out = new ArrayList<>();
                    for (CancelTarget t : targets) {
                        out.add(alreadyCanceled(t).orElse(refused(t.clientId(), t.cancel().orderId(), e)));
                    }
                    return new Sent(out, time, attempts);
                }
                ambiguous |= e.httpStatus() != 429;
            } catch (BitMaxTransportException e) {
                ambiguous |= e.mayHaveReachedExchange();
                if (!retries.canRetry()) {
                    List<ItemOutcome> out = new ArrayList<>();
                    for (CancelTarget t : targets) {
                        out.add(alreadyCanceled(t).orElse(new ItemOutcome(t.clientId(), t.cancel().orderId(),
                                ResultStatus.FAILED, null, ambiguous ? "OUTCOME_UNKNOWN" : "RETRIES_EXHAUSTED",
                                e.getMessage())));
                    }
                    return new Sent(out, time, attempts);
                }
            }
            if (!retries.canRetry()) {
                List<ItemOutcome> out = new ArrayList<>();
                for (CancelTarget t : targets) {
                    out.add(alreadyCanceled(t).orElse(new ItemOutcome(t.clientId(), t.cancel().orderId(),
                            ResultStatus.FAILED, null, "RETRIES_EXHAUSTED", "the exchange kept failing")));
                }
                return new Sent(out, time, attempts);
            }
            metrics.retry();
            await(retries.next());
            if (ambiguous) {
                List<CancelTarget> still = new ArrayList<>();
                for (CancelTarget t : targets) {
                    if (alreadyCanceled(t).isEmpty()) {
                        still.add(t);
                    }
                }
                if (still.isEmpty()) {
                    List<ItemOutcome> out = new ArrayList<>();
                    for (CancelTarget t : targets) {
                        out.add(alreadyCanceled(t).orElseThrow());
                    }
                    return new Sent(out, time, attempts);
                }
            }
            if (clock.millis() - time > FRESH_REQUEST_MS) {
                time = clock.millis();
            }
        }
    }

    private Optional<ItemOutcome> alreadyCanceled(CancelTarget t) {
        try {
            metrics.request(0);
            OrderInfo o = rest.queryOrder(t.cancel().orderId());
            if (o != null && o.status() != null && o.status().is(OrderStatus.Known.CANCELED)) {
                return Optional.of(new ItemOutcome(t.clientId(), t.cancel().orderId(), ResultStatus.DUPLICATE, null,
                        "ALREADY_CANCELED", "the order is already canceled; nothing sent"));
            }
        } catch (BitMaxException e) {
            // Unknown: the caller reports the cancel's own outcome.
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------- other requests

    /**
     * Runs a request whose repetition does no harm (cancel-all, leverage, margin type), retrying retriable
     * failures.
     */
    public Sent idempotent(String clientId, Supplier<?> call) {
        return run(clientId, call, true);
    }

    /**
     * Runs a transfer: retried only when the request certainly did not take effect (never sent, or HTTP 429);
     * any other failure leaves the outcome unknown and is reported, not repeated.
     */
    public Sent transfer(String clientId, Supplier<?> call) {
        return run(clientId, call, false);
    }

    private Sent run(String clientId, Supplier<?> call, boolean repeatable) {
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
                return new Sent(List.of(accepted(clientId, null)), time, attempts);
            } catch (BitMaxApiException e) {
                if (AccessDeniedException.isAccessDenied(e)) {
                    throw AccessDeniedException.of(e);
                }
                if (!e.isRetriable()) {
                    return new Sent(List.of(refused(clientId, e)), time, attempts);
                }
                failure = e;
                safeToRepeat = repeatable || e.httpStatus() == 429;
            } catch (BitMaxTransportException e) {
                failure = e;
                safeToRepeat = repeatable || !e.mayHaveReachedExchange();
            }
            if (!safeToRepeat) {
                return new Sent(List.of(new ItemOutcome(clientId, null, ResultStatus.FAILED, code(failure),
                        "OUTCOME_UNKNOWN", "the transfer may or may not have happened; check the account before "
                                + "sending it again: " + failure.getMessage())), time, attempts);
            }
            if (!retries.canRetry()) {
                return new Sent(List.of(new ItemOutcome(clientId, null, ResultStatus.FAILED, code(failure),
                        "RETRIES_EXHAUSTED", failure.getMessage())), time, attempts);
            }
            metrics.retry();
            await(retries.next());
            time = clock.millis();
        }
    }

    // ---------------------------------------------------------------------------------------- helpers

    private static ItemOutcome accepted(String clientId, String orderId) {
        return ItemOutcome.accepted(clientId, orderId);
    }

    private static ItemOutcome refused(String clientId, BitMaxApiException e) {
        return refused(clientId, null, e);
    }

    private static ItemOutcome refused(String clientId, String orderId, BitMaxApiException e) {
        return new ItemOutcome(clientId, orderId, ResultStatus.REJECTED, e.code(),
                e.reason() == null ? "HTTP_" + e.httpStatus() : e.reason(), e.apiMessage());
    }

    private static Integer code(BitMaxException e) {
        return e instanceof BitMaxApiException api ? api.code() : null;
    }

    /** Waits before a retry; an interrupted lane (its partition is closing) or a stopped task sends nothing more. */
    private void await(long ms) {
        boolean waited;
        try {
            waited = retrier.await(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.connect.errors.ConnectException(
                    "stopped while waiting to retry: the partition is closing; the command will be re-delivered", e);
        }
        if (!waited || Thread.currentThread().isInterrupted()) {
            throw new org.apache.kafka.connect.errors.ConnectException(
                    "stopped before retrying: the partition is closing; the command will be re-delivered");
        }
    }
}
