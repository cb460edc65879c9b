package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.sink.result.ItemOutcome;
import dev.bitmaxconnect.sink.send.OrderExecutor.CancelTarget;
import dev.bitmaxconnect.sink.send.OrderExecutor.Sent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The state of canceling one set of orders across its sends: the request time, the number of sends, and
 * whether a copy may have reached the exchange (then a retry looks at the orders first).
 */
final class Cancellation {

    private final List<CancelTarget> targets;
    private long time;
    private int attempts;
    private boolean ambiguous;

    Cancellation(List<CancelTarget> targets, long time) {
        this.targets = targets;
        this.time = time;
    }

    List<CancelTarget> targets() {
        return targets;
    }

    /** One order canceled on its own (not in a batch request). */
    boolean single() {
        return targets.size() == 1;
    }

    boolean ambiguous() {
        return ambiguous;
    }

    /** A copy of the request may have reached the exchange: from now on, look before sending again. */
    void markAmbiguous(boolean mayHaveLanded) {
        ambiguous |= mayHaveLanded;
    }

    /** Counts a send and gives its requests: every cancel under the current time. */
    List<CancelOrderRequest> nextRequests() {
        attempts++;
        List<CancelOrderRequest> requests = new ArrayList<>();
        for (CancelTarget t : targets) {
            requests.add(new CancelOrderRequest(t.clientId(), t.cancel().orderId(), t.cancel().symbol(), time, null));
        }
        return requests;
    }

    void addAttempts(int more) {
        attempts += more;
    }

    /** A cancel is harmless to repeat: past the fresh age, the next send simply carries a new time. */
    void renewTimeIfOld(long now) {
        if (now - time > OrderExecutor.FRESH_REQUEST_MS) {
            time = now;
        }
    }

    /** The outcome {@code outcome} gives each cancel, in the targets' order. */
    List<ItemOutcome> each(Function<CancelTarget, ItemOutcome> outcome) {
        List<ItemOutcome> out = new ArrayList<>();
        for (CancelTarget t : targets) {
            out.add(outcome.apply(t));
        }
        return out;
    }

    Sent sent(List<ItemOutcome> outcomes) {
        return new Sent(outcomes, time, attempts);
    }
}
