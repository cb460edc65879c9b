package dev.bitmaxconnect.sink.config;

import dev.bitmaxconnect.common.config.ChoiceRecommender;
import dev.bitmaxconnect.common.config.ExchangeConfig;
import dev.bitmaxconnect.common.config.TopicNameValidator;
import dev.bitmaxconnect.common.retry.Backoff;
import dev.bitmaxconnect.common.retry.Retrier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/** The sink connector's settings: each key a constant beside its definition. */
public final class BitMaxSinkConfig extends ExchangeConfig {

    public static final String GROUP_RESULTS = "Results";
    public static final String GROUP_BATCH = "Batching";
    public static final String GROUP_RETRY = "Retries";
    public static final String GROUP_RISK = "Validation and risk";
    public static final String GROUP_RECORDS = "Records";

    public static final String TRANSPORT = "bitmax.transport";
    public static final String FILTERS_REFRESH_MS = "bitmax.contracts.refresh.ms";
    public static final String REQUESTS_PER_SECOND = "bitmax.requests.per.second";

    public static final String RESULTS_TOPIC = "topic.results";
    public static final String RESULTS_PRODUCER_PREFIX = "results.producer.";

    public static final String BATCH_ENABLED = "batch.enabled";
    public static final String BATCH_LINGER_MS = "batch.linger.ms";
    public static final String BATCH_MAX_SIZE = "batch.max.size";
    public static final String BUFFER_MAX_COMMANDS = "buffer.max.commands";

    public static final String RETRY_MAX = "retry.max.attempts";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String RETRY_MAX_TIME_MS = "retry.max.time.ms";

    public static final String RISK_ALLOWED_SYMBOLS = "risk.allowed.symbols";
    public static final String RISK_MAX_ORDER_QTY = "risk.max.order.qty";
    public static final String RISK_MAX_ORDER_NOTIONAL = "risk.max.order.notional";
    public static final String RISK_TRADING_ENABLED = "risk.trading.enabled";
    public static final String DRY_RUN = "dry.run";
    public static final String TRANSFERS_ENABLED = "transfers.enabled";
    public static final String TOMBSTONES = "tombstones";
    public static final String RECOVERY_HISTORY_SIZE = "recovery.history.size";
    public static final String RECOVERY_RESULTS_SIZE = "recovery.results.size";

    /** Connect's own key, read (not defined) here to choose between failing and carrying on. */
    public static final String ERRORS_TOLERANCE = "errors.tolerance";

    public static final ConfigDef CONFIG_DEF = configDef();

    /** Why an empty {@link #WS_URL} is refused with the WebSocket transport. */
    public static final String WS_URL_REQUIRED = "is required when " + TRANSPORT + " is websocket: orders go to the "
            + "exchange this URL names, and there is no default one";

    public BitMaxSinkConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props, true);
        if (!resultsTopic().isEmpty() && resultsProducerProps().get("bootstrap.servers") == null) {
            throw new ConfigException(RESULTS_PRODUCER_PREFIX + "bootstrap.servers", null,
                    "is required when " + RESULTS_TOPIC + " is set: the results are written by the task's own "
                            + "producer, which does not share the worker's settings");
        }
        if (websocketTransport() && wsUrl().isEmpty()) {
            throw new ConfigException(WS_URL + " " + WS_URL_REQUIRED);
        }
        ConsumedTopics.of(props).readBack(RESULTS_TOPIC, resultsTopic()).ifPresent(loop -> {
            throw new ConfigException(loop);
        });
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        Need wsUrl = Need.optional("Required when " + TRANSPORT + " is websocket.");
        Need credentials = Need.required("The key needs trade permission (and transfer permission if "
                + TRANSFERS_ENABLED + " is true).");
        ExchangeConfig.define(def, wsUrl, credentials);
        int o = ExchangeConfig.KEYS.size();
        def.define(TRANSPORT, Type.STRING, "rest", enumValidator("rest", "websocket"), Importance.MEDIUM,
                "How orders are sent: rest (batch requests available) or websocket (the WebSocket request API: "
                        + "place-order, cancel-order, cancel-all; other actions still go over REST).",
                ExchangeConfig.GROUP, ++o, Width.SHORT, "Transport",
                new ChoiceRecommender(List.of("rest", "websocket")));
        def.define(FILTERS_REFRESH_MS, Type.LONG, 300_000L, ConfigDef.Range.atLeast(1_000), Importance.LOW,
                "How often the contract filters (tick size, lot size, listed symbols) and mark prices are "
                        + "reloaded.", ExchangeConfig.GROUP, ++o, Width.SHORT, "Contract refresh");
        def.define(REQUESTS_PER_SECOND, Type.DOUBLE, 100.0, ConfigDef.Range.between(0.1, 100_000), Importance.MEDIUM,
                "Most REST requests per second this task sends (a batch of 10 orders is one request); keep the sum "
                        + "over tasks within the key's limitQuota.", ExchangeConfig.GROUP, ++o, Width.SHORT,
                "Request rate");

        o = 0;
        def.define(RESULTS_TOPIC, Type.STRING, "bitmax-results", TopicNameValidator.orEmpty(), Importance.HIGH,
                "Topic receiving one result record per command, keyed by the command's client id; never one the "
                        + "connector consumes (topics, topics.regex). Empty disables results (not recommended).",
                GROUP_RESULTS, ++o, Width.LONG, "Results topic");
        def.define(RESULTS_PRODUCER_PREFIX + "bootstrap.servers", Type.LIST, null, Importance.HIGH,
                "Brokers of the results producer. Any producer setting can be given with the prefix "
                        + RESULTS_PRODUCER_PREFIX + " (acks=all and idempotence are the defaults).",
                GROUP_RESULTS, ++o, Width.LONG, "Results brokers");

        o = 0;
        def.define(BATCH_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                "Coalesce consecutive place (or cancel) commands of a partition into batch requests (REST only).",
                GROUP_BATCH, ++o, Width.SHORT, "Batching");
        def.define(BATCH_LINGER_MS, Type.LONG, 5L, ConfigDef.Range.between(0, 10_000), Importance.MEDIUM,
                "Longest wait for more commands to fill a batch once one is waiting.", GROUP_BATCH, ++o,
                Width.SHORT, "Batch linger");
        def.define(BATCH_MAX_SIZE, Type.INT, 10, ConfigDef.Range.between(1, 10), Importance.MEDIUM,
                "Most orders in one batch request (the exchange allows 10).", GROUP_BATCH, ++o, Width.SHORT,
                "Batch size");
        def.define(BUFFER_MAX_COMMANDS, Type.INT, 10_000, ConfigDef.Range.atLeast(10), Importance.LOW,
                "Most commands held by the task before put() waits for the exchange to catch up.", GROUP_BATCH,
                ++o, Width.SHORT, "Buffer size");

        o = 0;
        def.define(RETRY_MAX, Type.INT, 5, ConfigDef.Range.between(0, 100), Importance.MEDIUM,
                "Retries of a retriable failure (transport, HTTP 5xx or 429, codes 100101 and 510001), each "
                        + "after looking at the exchange.", GROUP_RETRY, ++o, Width.SHORT, "Retries");
        def.define(RETRY_BACKOFF_MS, Type.LONG, 200L, ConfigDef.Range.atLeast(1), Importance.LOW,
                "First backoff before a retry; doubled each time, each wait drawn between half and all of it.", GROUP_RETRY,
                ++o, Width.SHORT, "Backoff");
        def.define(RETRY_BACKOFF_MAX_MS, Type.LONG, 5_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                "Largest backoff between retries.", GROUP_RETRY, ++o, Width.SHORT, "Max backoff");
        def.define(RETRY_MAX_TIME_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                "Longest time spent on one request including retries; then the command fails.", GROUP_RETRY, ++o,
                Width.SHORT, "Retry time");

        o = 0;
        def.define(RISK_ALLOWED_SYMBOLS, Type.LIST, "", Importance.HIGH,
                "Symbols that may be traded, e.g. BTC-PERP,ETH-PERP. Empty allows every listed contract.",
                GROUP_RISK, ++o, Width.LONG, "Allowed symbols");
        def.define(RISK_MAX_ORDER_QTY, Type.STRING, "", new DecimalValidator(), Importance.HIGH,
                "Largest quantity of one order, a decimal. Empty for no limit.", GROUP_RISK, ++o, Width.SHORT,
                "Max order quantity");
        def.define(RISK_MAX_ORDER_NOTIONAL, Type.STRING, "", new DecimalValidator(), Importance.HIGH,
                "Largest price times quantity of one order, a decimal (market orders use the stop price or the "
                        + "mark price). Empty for no limit.", GROUP_RISK, ++o, Width.SHORT, "Max order notional");
        def.define(RISK_TRADING_ENABLED, Type.BOOLEAN, true, Importance.HIGH,
                "The trading switch: false stops sending order commands; each gets a skipped result.", GROUP_RISK,
                ++o, Width.SHORT, "Trading enabled");
        def.define(DRY_RUN, Type.BOOLEAN, false, Importance.HIGH,
                "Validate every command and write its result (skipped, reason DRY_RUN) without sending anything.",
                GROUP_RISK, ++o, Width.SHORT, "Dry run");
        def.define(TRANSFERS_ENABLED, Type.BOOLEAN, false, Importance.HIGH,
                "Allow deposit and withdraw commands. Off by default: they are rejected.", GROUP_RISK, ++o,
                Width.SHORT, "Transfers enabled");

        o = 0;
        def.define(TOMBSTONES, Type.STRING, "ignore", enumValidator("ignore", "fail"), Importance.LOW,
                "What a record without a value means: ignore (skipped, counted) or fail (a bad command).",
                GROUP_RECORDS, ++o, Width.SHORT, "Tombstones", new ChoiceRecommender(List.of("ignore", "fail")));
        def.define(RECOVERY_HISTORY_SIZE, Type.INT, 1000, ConfigDef.Range.between(1, 10_000), Importance.LOW,
                "Orders of the current order history read, with the open orders, when partitions are assigned, to "
                        + "recognise commands a previous task already sent.", GROUP_RECORDS, ++o, Width.SHORT,
                "Recovery history");
        def.define(RECOVERY_RESULTS_SIZE, Type.INT, 100_000, ConfigDef.Range.between(0, 10_000_000), Importance.LOW,
                "Result records read back from the end of each partition of the results topic when partitions are "
                        + "assigned (later assignments read what was written since), so that after a restart a cancel "
                        + "by origId finds an order whatever its age and a place delivered again is not sent again; "
                        + "the newest this many orders are kept. 0 reads nothing back.", GROUP_RECORDS, ++o,
                Width.SHORT, "Recovery results");
        return def;
    }

    public double requestsPerSecond() {
        return getDouble(REQUESTS_PER_SECOND);
    }

    public long filtersRefreshMs() {
        return getLong(FILTERS_REFRESH_MS);
    }

    public boolean batchEnabled() {
        return getBoolean(BATCH_ENABLED);
    }

    public long batchLingerMs() {
        return getLong(BATCH_LINGER_MS);
    }

    public int batchMaxSize() {
        return getInt(BATCH_MAX_SIZE);
    }

    public int bufferMaxCommands() {
        return getInt(BUFFER_MAX_COMMANDS);
    }

    /** The retries of a failing request: {@link #RETRY_MAX} at most, within {@link #RETRY_MAX_TIME_MS}. */
    public Retrier retrier() {
        return new Retrier(getInt(RETRY_MAX), new Backoff(getLong(RETRY_BACKOFF_MS), getLong(RETRY_BACKOFF_MAX_MS)),
                getLong(RETRY_MAX_TIME_MS));
    }

    public boolean tradingEnabled() {
        return getBoolean(RISK_TRADING_ENABLED);
    }

    public boolean dryRun() {
        return getBoolean(DRY_RUN);
    }

    public boolean transfersEnabled() {
        return getBoolean(TRANSFERS_ENABLED);
    }

    public int recoveryHistorySize() {
        return getInt(RECOVERY_HISTORY_SIZE);
    }

    public int recoveryResultsSize() {
        return getInt(RECOVERY_RESULTS_SIZE);
    }

    public boolean websocketTransport() {
        return "websocket".equals(getString(TRANSPORT).toLowerCase(Locale.ROOT));
    }

    public String resultsTopic() {
        String t = getString(RESULTS_TOPIC);
        return t == null ? "" : t.trim();
    }

    /** The results producer's settings: everything under {@code results.producer.} with the prefix removed. */
    public Map<String, Object> resultsProducerProps() {
        return originalsWithPrefix(RESULTS_PRODUCER_PREFIX);
    }

    public Set<String> allowedSymbols() {
        return new HashSet<>(getList(RISK_ALLOWED_SYMBOLS));
    }

    public BigDecimal maxOrderQty() {
        return decimalOrNull(getString(RISK_MAX_ORDER_QTY));
    }

    public BigDecimal maxOrderNotional() {
        return decimalOrNull(getString(RISK_MAX_ORDER_NOTIONAL));
    }

    public boolean tombstonesFail() {
        return "fail".equalsIgnoreCase(getString(TOMBSTONES));
    }

    /** Whether Connect was told to carry on after errors ({@code errors.tolerance=all}). */
    public boolean toleratesErrors() {
        Object v = originals().get(ERRORS_TOLERANCE);
        return v != null && "all".equalsIgnoreCase(v.toString().trim());
    }

    private static BigDecimal decimalOrNull(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s.trim());
    }

    private static ConfigDef.Validator enumValidator(String... values) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null || Arrays.stream(values).noneMatch(v -> v.equalsIgnoreCase(value.toString()))) {
                    throw new ConfigException(name, value, "must be one of " + String.join(", ", values));
                }
            }

            @Override
            public String toString() {
                return String.join(", ", values);
            }
        };
    }

    /** An empty string or a positive decimal. */
    static final class DecimalValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || value.toString().isBlank()) {
                return;
            }
            try {
                if (new BigDecimal(value.toString().trim()).signum() <= 0) {
                    throw new ConfigException(name, value, "must be positive");
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(name, value, "must be a decimal number such as 0.5");
            }
        }

        @Override
        public String toString() {
            return "empty, or a positive decimal";
        }
    }
}
