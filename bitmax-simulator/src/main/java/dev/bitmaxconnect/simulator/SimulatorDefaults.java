package dev.bitmaxconnect.simulator;

import java.math.BigDecimal;
import java.util.Map;

/** The default account of the simulator and its other defaults, shared by tests, the quickstart and benchmarks. */
public final class SimulatorDefaults {

    /** API key of the default account (the reference's sample key). */
    public static final String API_KEY = "CEcrjGyipqt0OflgdQQSRGdrDXdDUY2x";
    /** API secret of the default account (the reference's sample secret, also valid base64). */
    public static final String API_SECRET = "hV8FgjyJtpvVeAcMAgzgAFQCN36wmbWuN7o3WPcYcYhFd8qvE43gzFGVsFcCqMNk";
    /** userUID of the default account: 'U' and ten digits, part of every orderId. */
    public static final String USER_UID = "U0123456789";
    /** Account group of the default account: the first path segment of private REST and WebSocket paths. */
    public static final int ACCOUNT_GROUP = 1;
    /** Futures account id of the default account. */
    public static final String FUTURES_ACCOUNT_ID = "futH9N59hR0BMVEjHnBleHLn0mfUl5lo";
    /** E-mail reported by account info for the default account. */
    public static final String EMAIL = "simulator@bitmax.local";

    /** Initial collateral of every account unless its {@link AccountSpec} says otherwise. */
    public static final Map<String, BigDecimal> COLLATERAL = Map.of(
            "USDT", new BigDecimal("1000000"),
            "BTC", new BigDecimal("10"),
            "ETH", new BigDecimal("100"));

    /** Seed of the market random walk when none is given. */
    public static final long SEED = 42L;
    /** Public market data messages per second (all symbols together) when none is given. */
    public static final int MARKET_DATA_RATE = 50;
    /** Leverage of every contract of a new account. */
    public static final int LEVERAGE = 10;
    /** Maker fee rate (fraction of the notional). */
    public static final BigDecimal MAKER_FEE_RATE = new BigDecimal("0.0005");
    /** Taker fee rate (fraction of the notional). */
    public static final BigDecimal TAKER_FEE_RATE = new BigDecimal("0.001");
    /** The largest accepted distance between a request's timestamp and server time, in milliseconds. */
    public static final long TIME_WINDOW_MILLIS = 30_000L;
    /** How many closed orders per account the current-history endpoint keeps. */
    public static final int ORDER_HISTORY_LIMIT = 1000;
    /** Admin endpoints live under this prefix, which no BitMax path uses. */
    public static final String ADMIN_PREFIX = "/_sim";

    private SimulatorDefaults() {
    }
}
