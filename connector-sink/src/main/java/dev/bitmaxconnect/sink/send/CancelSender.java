package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.client.stream.BitMaxStream;
import dev.bitmaxconnect.common.retry.Retrier;
import dev.bitmaxconnect.sink.metrics.SinkMetrics;
import dev.bitmaxconnect.sink.result.ItemOutcome;
import dev.bitmaxconnect.sink.result.ResultStatus;
import dev.bitmaxconnect.sink.send.OrderExecutor.CancelTarget;
import dev.bitmaxconnect.sink.send.OrderExecutor.Sent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Cancels orders: one alone over WebSocket or REST, several in a batch request. A cancel whose order is
 * already canceled is a duplicate, whether the exchange says so by refusing it or a look at the order does.
 */
final class CancelSender {

    private final BitMaxRestClient rest;
    private final BitMaxStream ws;
    private final OrderLookUp lookUp;
    private final Retrier retrier;
    private final ExchangeWaits waits;
    private final SinkMetrics metrics;
    private final Clock clock;

    CancelSender(OrderExecutor.Exchange exchange, OrderLookUp lookUp, Retrier retrier, ExchangeWaits waits,
                 SinkMetrics metrics, Clock clock) {
        this.rest = exchange.rest();
        this.ws = exchange.ws();
        this.lookUp = lookUp;
        this.retrier = retrier;
        this.waits = waits;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** See {@link OrderExecutor#cancel}. */
    Sent cancel(List<CancelTarget> targets, boolean splitOnVerdict) {
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
        Cancellation c = new Cancellation(targets, clock.millis());
        Retrier.Retries retries = retrier.begin();
        while (true) {
            List<CancelOrderRequest> requests = c.nextRequests();
            try {
                metrics.request(requests.size());
                if (c.single() && ws != null) {
                    waits.reply(ws.cancelOrder(requests.get(0)));
                } else if (c.single()) {
                    rest.cancelOrder(requests.get(0));
                } else {
                    rest.cancelBatch(requests);
                }
                return c.sent(c.each(t -> ItemOutcome.accepted(t.clientId(), t.cancel().orderId())));
            } catch (BitMaxApiException e) {
                if (AccessDeniedException.isAccessDenied(e)) {
                    throw AccessDeniedException.of(e);
                }
                if (!e.isRetriable()) {
                    return onVerdict(c, e, splitOnVerdict);
                }
                c.markAmbiguous(e.httpStatus() != 429);
            } catch (BitMaxTransportException e) {
                c.markAmbiguous(e.mayHaveReachedExchange());
                if (!retries.canRetry()) {
                    String reason = c.ambiguous() ? "OUTCOME_UNKNOWN" : "RETRIES_EXHAUSTED";
                    return c.sent(c.each(t -> alreadyCanceled(t).orElse(new ItemOutcome(t.clientId(),
                            t.cancel().orderId(), ResultStatus.FAILED, null, reason, e.getMessage()))));
                }
            }
            if (!retries.canRetry()) {
                return c.sent(c.each(t -> alreadyCanceled(t).orElse(new ItemOutcome(t.clientId(),
                        t.cancel().orderId(), ResultStatus.FAILED, null, "RETRIES_EXHAUSTED",
                        "the exchange kept failing"))));
            }
            metrics.retry();
            waits.backoff(retries.next());
            if (c.ambiguous()) {
                List<ItemOutcome> found = c.each(t -> alreadyCanceled(t).orElse(null));
                if (!found.contains(null)) {
                    return c.sent(found);
                }
            }
            c.renewTimeIfOld(clock.millis());
        }
    }

    /** The exchange refused the cancels: one by one when it was a batch the sink coalesced, else each refused. */
    private Sent onVerdict(Cancellation c, BitMaxApiException e, boolean splitOnVerdict) {
        if (!c.single() && splitOnVerdict) {
            List<ItemOutcome> out = new ArrayList<>();
            for (CancelTarget t : c.targets()) {
                Sent one = send(List.of(t), false);
                out.add(one.items().get(0));
                c.addAttempts(one.attempts());
            }
            return c.sent(out);
        }
        return c.sent(c.each(t -> alreadyCanceled(t)
                .orElse(ItemOutcome.refused(t.clientId(), t.cancel().orderId(), e))));
    }

    private Optional<ItemOutcome> alreadyCanceled(CancelTarget t) {
        if (!lookUp.isCanceled(t.cancel().orderId())) {
            return Optional.empty(); // unknown or not canceled: the caller reports the cancel's own outcome
        }
        return Optional.of(new ItemOutcome(t.clientId(), t.cancel().orderId(), ResultStatus.DUPLICATE, null,
                "ALREADY_CANCELED", "the order is already canceled; nothing sent"));
    }
}
