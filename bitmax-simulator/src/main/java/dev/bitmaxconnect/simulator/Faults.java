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
    public record RestFailure(int httpStatus, int bitmaxCode) {
    }

    /**
     * What the switches do to requests and sessions, as the simulator's servers ask it; only the simulator holds one.
     * The {@code take} methods consume one of the N requests a switch was set for.
     */
    public interface Effects {
        boolean pingsIgnored();

        boolean clientFramesLost();

        boolean marketDataPaused();

        boolean authRefused();

        /** Waits for the response delay, if one is set. */
        void sleepForDelay();

        /** The failure to answer with, or null when no failure is pending. */
        RestFailure takeRestFailure();

        /** The body to answer instead of handling the request (malformed or oversized), or null. */
        String takeHostileRestBody();

        /** True when this order placement is to be applied and its connection dropped. */
        boolean takeApplyThenDrop();
    }

    private final AtomicBoolean ignorePings = new AtomicBoolean();
    private final AtomicBoolean clientFramesLost = new AtomicBoolean();
    private final AtomicBoolean marketDataPaused = new AtomicBoolean();
    private final AtomicBoolean authRefused = new AtomicBoolean();
    private final AtomicInteger restFailuresLeft = new AtomicInteger();
    private final AtomicReference<RestFailure> restFailure = new AtomicReference<>(new RestFailure(503, 510001));
    private final AtomicReference<Duration> responseDelay = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger applyThenDropLeft = new AtomicInteger();
    private final AtomicInteger malformedRestLeft = new AtomicInteger();
    private final AtomicInteger oversizedRestLeft = new AtomicInteger();
    private final AtomicInteger oversizedRestBytes = new AtomicInteger(1 << 20);
    private volatile Runnable connectionDropper = () -> { };
    private volatile StreamFrameSender frameSender = (frame, count) -> 0;

    /** Writes raw text frames to every open WebSocket session; returns the number of sessions reached. */
    interface StreamFrameSender {
        int send(String frame, int count);
    }

    private final Effects effects = new Effects() {
        @Override
        public boolean pingsIgnored() {
            return Faults.this.pingsIgnored();
        }

        @Override
        public boolean clientFramesLost() {
            return Faults.this.clientFramesLost();
        }

        @Override
        public boolean marketDataPaused() {
            return Faults.this.marketDataPaused();
        }

        @Override
        public boolean authRefused() {
            return Faults.this.authRefused();
        }

        @Override
        public void sleepForDelay() {
            Faults.this.sleepForDelay();
        }

        @Override
        public RestFailure takeRestFailure() {
            return Faults.this.takeRestFailure();
        }

        @Override
        public String takeHostileRestBody() {
            return Faults.this.takeHostileRestBody();
        }

        @Override
        public boolean takeApplyThenDrop() {
            return Faults.this.takeApplyThenDrop();
        }
    };

    Faults() {
    }

    Effects effects() {
        return effects;
    }

    void connectionDropper(Runnable dropper) {
        this.connectionDropper = dropper;
    }

    void frameSender(StreamFrameSender sender) {
        this.frameSender = sender;
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

    /**
     * While on, every WebSocket frame a client sends is lost on its way (as if the client's uplink failed): nothing
     * is answered, and nothing counts as a sign of life, so quiet sessions get server pings whose pongs never
     * arrive and are disconnected after two of them.
     */
    public Faults loseClientFrames(boolean on) {
        clientFramesLost.set(on);
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

    /**
     * Every REST response, WebSocket upgrade and WebSocket request answer is delayed by {@code delay} (zero turns it
     * off).
     */
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

    /**
     * The next {@code n} REST requests (not admin) have no effect and are answered HTTP 200 with a body that is not
     * valid JSON (cut off in the middle of an object).
     */
    public Faults malformNextRestResponses(int n) {
        malformedRestLeft.set(requireNonNegative(n, "n"));
        return this;
    }

    /**
     * The next {@code n} REST requests (not admin) have no effect and are answered HTTP 200 with a JSON body of about
     * {@code bytes} bytes ({@code {"code":0,"data":"xxx..."}}).
     */
    public Faults oversizeNextRestResponses(int n, int bytes) {
        oversizedRestBytes.set(requirePositive(bytes, "bytes"));
        oversizedRestLeft.set(requireNonNegative(n, "n"));
        return this;
    }

    /**
     * Sends {@code n} malformed text frames now to every open WebSocket session (cut-off JSON, not JSON, known
     * message types with fields of the wrong type); returns the number of sessions reached.
     */
    public int sendMalformedFrames(int n) {
        requireNonNegative(n, "n");
        int reached = 0;
        for (int i = 0; i < n; i++) {
            reached = frameSender.send(MALFORMED_FRAMES[i % MALFORMED_FRAMES.length], 1);
        }
        return reached;
    }

    /**
     * Sends {@code n} text frames of about {@code bytes} bytes now to every open WebSocket session
     * ({@code {"m":"trades","symbol":"BTC-PERP","data":"xxx..."}}); returns the number of sessions reached.
     */
    public int sendOversizedFrames(int n, int bytes) {
        requireNonNegative(n, "n");
        String frame = padded("{\"m\":\"trades\",\"symbol\":\"BTC-PERP\",\"data\":\"", requirePositive(bytes, "bytes"));
        return frameSender.send(frame, n);
    }

    private static final String[] MALFORMED_FRAMES = {
        "{\"m\":\"trades\",\"symbol\":\"BTC-PERP\",\"data\":[{\"p\":\"3",
        "not json at all",
        "{\"m\":\"trades\",\"symbol\":7,\"data\":{\"p\":[]}}",
        "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"seqnum\":\"x\",\"asks\":[[\"1\"]],\"bids\":5}}",
        "{\"m\":\"futures-order\",\"data\":null}",
        "[1,2,3]",
        "",
        "{\"m\":\"bbo\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":-1,\"bid\":[\"NaN\",\"-\"],\"ask\":[]}}",
    };

    /** {@code prefix} followed by x up to {@code bytes} characters, closed as a JSON string and object. */
    static String padded(String prefix, int bytes) {
        StringBuilder sb = new StringBuilder(Math.max(bytes, prefix.length() + 2));
        sb.append(prefix);
        while (sb.length() < bytes - 2) {
            sb.append('x');
        }
        return sb.append("\"}").toString();
    }

    private static int requireNonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
        return value;
    }

    private static int requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    /** Turns every switch off. */
    public Faults reset() {
        ignorePings.set(false);
        clientFramesLost.set(false);
        marketDataPaused.set(false);
        authRefused.set(false);
        restFailuresLeft.set(0);
        responseDelay.set(Duration.ZERO);
        applyThenDropLeft.set(0);
        malformedRestLeft.set(0);
        oversizedRestLeft.set(0);
        return this;
    }

    public boolean pingsIgnored() {
        return ignorePings.get();
    }

    public boolean clientFramesLost() {
        return clientFramesLost.get();
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
    private RestFailure takeRestFailure() {
        return take(restFailuresLeft) ? restFailure.get() : null;
    }

    /** The body to answer instead of handling the request (malformed or oversized), or null; consumes one. */
    private String takeHostileRestBody() {
        if (take(malformedRestLeft)) {
            return "{\"code\":0,\"data\":{\"orderId\":\"a1";
        }
        if (take(oversizedRestLeft)) {
            return padded("{\"code\":0,\"data\":\"", oversizedRestBytes.get());
        }
        return null;
    }

    private static boolean take(AtomicInteger left) {
        while (true) {
            int n = left.get();
            if (n <= 0) {
                return false;
            }
            if (left.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }

    /** True when this order placement is to be applied and its connection dropped, consuming one of the N. */
    private boolean takeApplyThenDrop() {
        return take(applyThenDropLeft);
    }

    private void sleepForDelay() {
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
        state.put("loseClientFrames", clientFramesLost.get());
        state.put("pauseMarketData", marketDataPaused.get());
        state.put("refuseAuth", authRefused.get());
        state.put("failNextRestRequests", restFailuresLeft.get());
        state.put("failHttpStatus", restFailure.get().httpStatus());
        state.put("failBitmaxCode", restFailure.get().bitmaxCode());
        state.put("delayMillis", responseDelay.get().toMillis());
        state.put("applyThenDropNextOrders", applyThenDropLeft.get());
        state.put("malformNextRestResponses", malformedRestLeft.get());
        state.put("oversizeNextRestResponses", oversizedRestLeft.get());
        state.put("oversizedRestBytes", oversizedRestBytes.get());
        return state;
    }
}
