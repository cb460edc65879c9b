package dev.bitmaxconnect.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.simulator.auth.Authenticator;
import dev.bitmaxconnect.simulator.auth.SignatureVerifier;
import dev.bitmaxconnect.simulator.engine.Contract;
import dev.bitmaxconnect.simulator.engine.ErrorCode;
import dev.bitmaxconnect.simulator.engine.Exchange;
import dev.bitmaxconnect.simulator.engine.ExchangeException;
import dev.bitmaxconnect.simulator.market.MarketActivity;
import dev.bitmaxconnect.simulator.market.SyntheticMarketData;
import dev.bitmaxconnect.simulator.rest.AdminHandler;
import dev.bitmaxconnect.simulator.rest.RestHandler;
import dev.bitmaxconnect.simulator.stream.StreamHub;
import dev.bitmaxconnect.simulator.stream.StreamPublisher;
import dev.bitmaxconnect.simulator.stream.StreamService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.pathmap.RegexPathSpec;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local BitMax Futures Pro (v2) exchange: the reference's REST and WebSocket API on one port, a matching engine,
 * built-in market activity from a seeded random walk, fault switches and the ground truth of what happened.
 */
public final class BitMaxSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BitMaxSimulator.class);

    private final Builder config;
    private final Faults faults = new Faults();
    private final GroundTruth truth;
    private final StreamHub hub = new StreamHub();
    private final Exchange exchange;
    private final MarketActivity market;
    private Server server;
    private ScheduledExecutorService pinger;
    private StreamService streams;
    private Authenticator restAuth;
    private AdminHandler admin;
    private ObjectMapper json;
    private int port = -1;

    private BitMaxSimulator(Builder config) {
        this.config = config;
        StreamPublisher publisher = new StreamPublisher(hub);
        this.truth = new GroundTruth(config.bookHistory);
        this.exchange = new Exchange(config.seed, publisher, truth.recorder(), System.currentTimeMillis());
        List<AccountSpec> accounts = new ArrayList<>(config.accounts);
        if (accounts.isEmpty() || config.defaultKeySet) {
            accounts.add(0, AccountSpec.defaults().withKey(config.apiKey, config.apiSecret));
        }
        for (AccountSpec spec : accounts) {
            exchange.addAccount(spec);
        }
        SyntheticMarketData synthetic = config.syntheticMarketData
                ? new SyntheticMarketData(exchange.contracts(), publisher) : null;
        if (synthetic != null) {
            exchange.depthSnapshotSource(synthetic);
        }
        exchange.depthSnapshotLevels(config.depthSnapshotLevels);
        this.market = new MarketActivity(exchange, synthetic, faults.effects(), config.marketDataRate, config.seed);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server and the market activity; returns this simulator. */
    public synchronized BitMaxSimulator start() {
        if (server != null || streams != null) {
            return this;
        }
        ObjectMapper json = new ObjectMapper();
        restAuth = new Authenticator(exchange, faults.effects(), new SignatureVerifier(config.restKeyEncoding),
                ErrorCode.AUTHENTICATION_FAILED);
        Authenticator wsAuth = new Authenticator(exchange, faults.effects(), new SignatureVerifier(config.wsKeyEncoding),
                ErrorCode.USER_ACCOUNT_NOT_FOUND);
        streams = new StreamService(exchange, hub, faults.effects(), truth.recorder(), wsAuth, config.wsSignedPath,
                config.pingInterval, config.webSocketCompression, json);
        faults.connectionDropper(streams::dropAll);
        faults.frameSender(streams::sendRaw);
        admin = new AdminHandler(this::stopNetworkSoonFor, exchange, faults, truth);
        this.json = json;
        pinger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bitmax-simulator-ping");
            t.setDaemon(true);
            return t;
        });
        listen(config.port);
        long checkMillis = Math.max(10, config.pingInterval.toMillis() / 4);
        pinger.scheduleAtFixedRate(this::checkPings, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        market.start();
        LOG.info("BitMax simulator listening on {} (seed {}, {} market data messages/s)", restUrl(), config.seed,
                config.marketDataRate);
        return this;
    }

    /** Opens the port: a new Jetty server in front of the same exchange, streams and fault switches. */
    private void listen(int listenPort) {
        RestHandler rest = new RestHandler(exchange, faults.effects(), truth.recorder(), restAuth, admin, json);
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("bitmax-simulator");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.host);
        connector.setPort(listenPort);
        connector.setReuseAddress(true);
        connector.setAcceptQueueSize(1024);
        jetty.addConnector(connector);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(jetty, container -> {
            container.setIdleTimeout(Duration.ofMinutes(30));
            container.setMaxTextMessageSize(1 << 20);
            container.addMapping(new RegexPathSpec("^(/\\d+)?/api/pro/v2/stream$"), streams.creator());
        });
        ws.setHandler(rest);
        jetty.setHandler(ws);
        jetty.setStopTimeout(0); // no graceful drain: tests start and stop simulators often
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            throw new IllegalStateException("Cannot start the simulator on " + config.host + ":" + listenPort, e);
        }
        server = jetty;
        port = connector.getLocalPort();
    }

    /**
     * Takes the simulator off the network, as if its host went away: every WebSocket is dropped without a close frame,
     * the port stops listening, and connections are refused. The exchange itself keeps running (the market moves,
     * accounts, orders, sequence numbers and the ground truth are kept) until {@link #startNetwork()}.
     */
    public synchronized BitMaxSimulator stopNetwork() {
        if (streams == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        if (server == null) {
            return this;
        }
        streams.dropAll();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Simulator network did not stop cleanly: {}", e.toString());
        }
        server = null;
        LOG.info("Fault: simulator network stopped (port {} closed)", port);
        return this;
    }

    /** Listens again on the same port after {@link #stopNetwork()}, with all the state it had. */
    public synchronized BitMaxSimulator startNetwork() {
        if (streams == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        if (server == null) {
            listen(port);
            LOG.info("Simulator network started again on {}", restUrl());
        }
        return this;
    }

    /** {@link #stopNetwork()} now and {@link #startNetwork()} after {@code downtime}, on a simulator thread. */
    public BitMaxSimulator stopNetworkFor(Duration downtime) {
        ScheduledExecutorService scheduler = scheduler(downtime);
        stopNetwork();
        scheduler.schedule(this::startNetwork, downtime.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** For the admin endpoint, which goes down with the network: stops it shortly after answering. */
    private void stopNetworkSoonFor(Duration downtime) {
        ScheduledExecutorService scheduler = scheduler(downtime);
        scheduler.schedule(this::stopNetwork, 200, TimeUnit.MILLISECONDS);
        scheduler.schedule(this::startNetwork, 200 + downtime.toMillis(), TimeUnit.MILLISECONDS);
    }

    private ScheduledExecutorService scheduler(Duration downtime) {
        if (downtime.isNegative() || downtime.isZero()) {
            throw new IllegalArgumentException("downtime must be positive, got " + downtime);
        }
        ScheduledExecutorService scheduler = pinger;
        if (scheduler == null || streams == null) {
            throw new IllegalStateException("The simulator is not started");
        }
        return scheduler;
    }

    /** True while the port listens (started, and not taken off the network). */
    public synchronized boolean networkUp() {
        return server != null;
    }

    private void checkPings() {
        try {
            streams.checkPings();
        } catch (RuntimeException e) {
            LOG.warn("Ping check failed: {}", e.toString());
        }
    }

    /** Stops the server; open connections are closed. */
    @Override
    public synchronized void close() {
        market.stop();
        if (pinger != null) {
            pinger.shutdownNow();
        }
        if (streams != null) {
            streams.dropAll();
        }
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("Simulator did not stop cleanly: {}", e.toString());
            }
            server = null;
        }
    }

    /** The port the server listens on (after {@link #start()}). */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("The simulator is not started");
        }
        return port;
    }

    /** REST base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String restUrl() {
        return "http://" + config.host + ":" + port();
    }

    /** WebSocket base URL, e.g. {@code ws://127.0.0.1:8080}; append {@code /api/pro/v2/stream} or the private path. */
    public String wsUrl() {
        return "ws://" + config.host + ":" + port();
    }

    public Faults faults() {
        return faults;
    }

    public GroundTruth groundTruth() {
        return truth;
    }

    /** The contracts the simulator trades. */
    public List<String> symbols() {
        return exchange.contracts().stream().map(Contract::symbol).toList();
    }

    public BigDecimal markPrice(String symbol) {
        return exchange.prices().markPrice(symbol);
    }

    /** Best bid and best ask of a symbol (an element is null when that side is empty). */
    public BigDecimal[] bestBidAsk(String symbol) {
        return exchange.engine(symbol).bestBidAsk();
    }

    /** Pins the mark price of {@code symbol} (triggering stops at once); null lets the random walk move it again. */
    public void setMarkPrice(String symbol, BigDecimal price) {
        try {
            exchange.pinMarkPrice(symbol, price, System.currentTimeMillis());
        } catch (ExchangeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** WebSocket sessions the simulator disconnected because they left two server pings unanswered. */
    public long sessionsDisconnectedForMissedPings() {
        return streams.disconnectedForMissedPings();
    }

    /** WebSocket sessions the simulator disconnected because they read market data too slowly. */
    public long sessionsDisconnectedForSlowReading() {
        return hub.slowReadersDisconnected();
    }

    /** Configures a simulator. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private long seed = SimulatorDefaults.SEED;
        private int marketDataRate = SimulatorDefaults.MARKET_DATA_RATE;
        private String apiKey = SimulatorDefaults.API_KEY;
        private String apiSecret = SimulatorDefaults.API_SECRET;
        private boolean defaultKeySet;
        private final List<AccountSpec> accounts = new ArrayList<>();
        private String wsSignedPath = "v2/stream";
        private KeyEncoding restKeyEncoding = KeyEncoding.RAW;
        private KeyEncoding wsKeyEncoding = KeyEncoding.RAW;
        private Duration pingInterval = Duration.ofSeconds(15);
        private boolean webSocketCompression;
        private boolean syntheticMarketData;
        private int bookHistory = GroundTruth.DEFAULT_BOOK_HISTORY;
        private int depthSnapshotLevels;

        private Builder() {
        }

        /** Port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Interface to listen on (default 127.0.0.1). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Seed of the market random walk and of random orderId parts. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Public market data messages per second, all symbols together; 0 leaves the book still. */
        public Builder marketDataRate(int messagesPerSecond) {
            if (messagesPerSecond < 0) {
                throw new IllegalArgumentException("marketDataRate must not be negative, got " + messagesPerSecond);
            }
            this.marketDataRate = messagesPerSecond;
            return this;
        }

        /**
         * Replaces the random walk by synthetic depth and trades messages (fixed prices, live times and sequence
         * numbers), much cheaper to make, for throughput tests whose feed must not be the limit; no bbo, bars or
         * pricing data then. Default false.
         */
        public Builder syntheticMarketData(boolean synthetic) {
            this.syntheticMarketData = synthetic;
            return this;
        }

        /** Key and secret of the default account ({@link SimulatorDefaults} for its other ids). */
        public Builder apiKey(String key, String secret) {
            this.apiKey = Objects.requireNonNull(key, "key");
            this.apiSecret = Objects.requireNonNull(secret, "secret");
            this.defaultKeySet = true;
            return this;
        }

        /**
         * Adds an account. When accounts are added and {@link #apiKey} is not called, only the added accounts exist.
         */
        public Builder account(AccountSpec spec) {
            accounts.add(Objects.requireNonNull(spec, "spec"));
            return this;
        }

        /** The path in the WebSocket prehash {@code <timestamp>+<path>}: {@code v2/stream} (default) or {@code stream}. */
        public Builder wsSignedPath(String path) {
            this.wsSignedPath = Objects.requireNonNull(path, "path");
            return this;
        }

        /** How REST signatures are keyed: the secret's bytes (RAW, default) or its base64 decoding. */
        public Builder restKeyEncoding(KeyEncoding encoding) {
            this.restKeyEncoding = Objects.requireNonNull(encoding, "encoding");
            return this;
        }

        /** How WebSocket signatures are keyed: the secret's bytes (RAW, default) or its base64 decoding. */
        public Builder wsKeyEncoding(KeyEncoding encoding) {
            this.wsKeyEncoding = Objects.requireNonNull(encoding, "encoding");
            return this;
        }

        /** Quiet time before the server pings a WebSocket client (default 15 s); two missed pings disconnect. */
        public Builder pingInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("pingInterval must be positive, got " + interval);
            }
            this.pingInterval = interval;
            return this;
        }

        /**
         * Whether WebSocket sessions may negotiate permessage-deflate (default off): compressing every market data
         * frame costs both ends more CPU than loopback bandwidth saves, and would make the simulator the bottleneck.
         */
        public Builder webSocketCompression(boolean enabled) {
            this.webSocketCompression = enabled;
            return this;
        }

        /**
         * Depth changes the ground truth keeps per symbol to answer {@link GroundTruth#bookAt} (default
         * {@value GroundTruth#DEFAULT_BOOK_HISTORY}, a few hundred bytes each).
         */
        public Builder bookHistory(int changes) {
            if (changes < 1) {
                throw new IllegalArgumentException("bookHistory must be positive, got " + changes);
            }
            this.bookHistory = changes;
            return this;
        }

        /**
         * Levels of each side a {@code depth-snapshot} answer holds: the best {@code levels} asks and bids, at the
         * same seqnum as the whole book; 0 (the default) answers with the whole book. An exchange that caps its
         * snapshots so, to test what a consumer makes of a book known only near the top.
         */
        public Builder depthSnapshotLevels(int levels) {
            if (levels < 0) {
                throw new IllegalArgumentException("depthSnapshotLevels must not be negative, got " + levels);
            }
            this.depthSnapshotLevels = levels;
            return this;
        }

        public BitMaxSimulator build() {
            return new BitMaxSimulator(this);
        }
    }
}
