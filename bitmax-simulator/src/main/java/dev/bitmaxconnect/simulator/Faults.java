package dev.bitmaxconnect.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The simulator's fault switches; each takes effect at once, on every connection. */
public final class Faults {

    /** What the next failed REST requests answer. */
    record RestFailure(int httpStatus, int bitmaxCode) {
    }

    private final AtomicBoolean ignorePings = new AtomicBoolean();
    private final AtomicBoolean marketDataPaused = new AtomicBoolean();
    private final AtomicBoolean authRefused = new AtomicBoolean();
    private final AtomicInteger restFailuresLeft = new AtomicInteger();
    private final AtomicReference<RestFailure> restFailure = new AtomicReference<>(new RestFailure(503, 510001));
    private final AtomicReference<Duration> responseDelay = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger applyThenDropLeft = new AtomicInteger();
    private volatile Runnable connectionDropper = () -> { };

    Faults() {
    }

    void connectionDropper(Runnable dropper) {
        this.connectionDropper = dropper;
    }

    /** Drops every open WebSocket connection now, without a close frame (like a network failure). */
    public Faults dropAllConnections() {
        connectionDropper.run();
        return this;
    }

    /** While on, client pings get no pong and quiet sessions get no server ping (so the server never drops them). */
    public Faults stopAnsweringPings(boolean on) {
        ignorePings.set(on);
        return this;
    }

    /** While on, no public market data is generated or sent. */
    public Faults pauseMarketData(boolean on) {
        marketDataPaused.set(on);
        return this;
    }

    /**
     * The next {@code n} REST requests (public or private, not admin) are answered with {@code httpStatus} and the
     * body {@code {"code":bitmaxCode,...}} and have no effect.
     */
    public Faults failNextRestRequests(int n, int httpStatus, int bitmaxCode) {
        restFailure.set(new RestFailure(httpStatus, bitmaxCode));
        restFailuresLeft.set(n);
        return this;
    }

    /** Every REST response and WebSocket request answer is delayed by {@code delay} (zero turns it off). */
    public Faults delayResponses(Duration delay) {
        responseDelay.set(delay == null ? Duration.ZERO : delay);
        return this;
    }

    /** While on, every authentication (REST signature, WebSocket header or op:auth) fails. */
    public Faults refuseAuth(boolean on) {
        authRefused.set(on);
        return this;
    }

    /**
     * The next {@code n} order placements (REST single or batch, WebSocket place-order) are applied, then the
     * connection is dropped before the response is written: the ambiguous outcome.
     */
    public Faults applyThenDropNextOrders(int n) {
        applyThenDropLeft.set(n);
        return this;
    }

    /** Turns every switch off. */
    public Faults reset() {
        ignorePings.set(false);
        marketDataPaused.set(false);
        authRefused.set(false);
        restFailuresLeft.set(0);
        responseDelay.set(Duration.ZERO);
        applyThenDropLeft.set(0);
        return this;
    }

    public boolean pingsIgnored() {
        return ignorePings.get();
    }

    public boolean marketDataPaused() {
        return marketDataPaused.get();
    }

    public boolean authRefused() {
        return authRefused.get();
    }

    public Duration responseDelay() {
        return responseDelay.get();
    }

    /** The failure to answer with, consuming one of the N, or null when no failure is pending. */
    RestFailure takeRestFailure() {
        while (true) {
            int left = restFailuresLeft.get();
            if (left <= 0) {
                return null;
            }
            if (restFailuresLeft.compareAndSet(left, left - 1)) {
                return restFailure.get();
            }
        }
    }

    /** True when this order placement is to be applied and its connection dropped, consuming one of the N. */
    boolean takeApplyThenDrop() {
        while (true) {
            int left = applyThenDropLeft.get();
            if (left <= 0) {
                return false;
            }
            if (applyThenDropLeft.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    void sleepForDelay() {
        Duration delay = responseDelay.get();
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The state of every switch, for the admin endpoint. */
    public Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("stopAnsweringPings", ignorePings.get());
        state.put("pauseMarketData", marketDataPaused.get());
        state.put("refuseAuth", authRefused.get());
        state.put("failNextRestRequests", restFailuresLeft.get());
        state.put("failHttpStatus", restFailure.get().httpStatus());
        state.put("failBitmaxCode", restFailure.get().bitmaxCode());
        state.put("delayMillis", responseDelay.get().toMillis());
        state.put("applyThenDropNextOrders", applyThenDropLeft.get());
        return state;
    }
}
