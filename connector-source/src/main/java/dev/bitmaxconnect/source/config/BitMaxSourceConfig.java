package dev.bitmaxconnect.source.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import dev.bitmaxconnect.common.config.ChoiceRecommender;
import dev.bitmaxconnect.common.config.ExchangeConfig;
import dev.bitmaxconnect.common.config.TopicNameValidator;

/** The settings of {@code BitMaxSourceConnector}: what to stream from the exchange, and where to write it. */
public class BitMaxSourceConfig extends ExchangeConfig {

    public static final String ALL_SYMBOLS = "*";

    static final String GROUP_STREAMS = "Streams";
    static final String GROUP_TOPICS = "Topics";
    static final String GROUP_RECORDS = "Records";
    static final String GROUP_QUEUE = "Queue";

    public static final String SYMBOLS = "symbols";
    private static final String SYMBOLS_DOC = "Contracts to stream market data for, e.g. BTC-PERP,ETH-PERP, or * for "
            + "every contract with status Normal (new contracts are picked up by a periodic refresh and a task "
            + "reconfiguration).";

    public static final String SUBSCRIPTION_REFUSED_BEHAVIOR = "subscription.refused.behavior";
    private static final String SUBSCRIPTION_REFUSED_BEHAVIOR_DOC = "What a task does when the exchange refuses one of "
            + "its market-data subscriptions (an unknown symbol, say): 'fail' fails the task with the exchange's reason, "
            + "'warn' logs it, counts it (metric refused-subscriptions-total) and streams the rest. A refused private "
            + "subscription always fails the task.";

    public static final String SYMBOLS_REFRESH_INTERVAL_MS = "symbols.refresh.interval.ms";
    private static final String SYMBOLS_REFRESH_INTERVAL_MS_DOC = "With symbols=*, how often the contract list is "
            + "read again to find new or delisted contracts.";

    public static final String CHANNELS = "channels";
    private static final String CHANNELS_DOC = "Channels to stream: pricing (futures pricing data, all contracts), "
            + "bbo, depth, trades, bar (per symbol), book (the top book.levels levels of each symbol's book, kept "
            + "from the depth subscription, which it opens even when depth is not listed), order and account "
            + "(private: need the API key and secret; they run on exactly one task).";

    public static final String BAR_INTERVALS = "bar.intervals";
    private static final String BAR_INTERVALS_DOC = "Bar intervals to subscribe to with the bar channel: minutes "
            + "(1, 5, 15, 30, 60, 120, 240, 360, 720) or 1d, 1w, 1m.";

    public static final String RECOVERY_HISTORY_SIZE = "private.recovery.history.size";
    private static final String RECOVERY_HISTORY_SIZE_DOC = "How many orders of the current order history are read "
            + "over REST, with the open orders, when a private stream (re)starts, to recover missed order states.";

    public static final String RECOVERY_LOOKUP_BATCH_SIZE = "private.recovery.lookup.batch.size";
    private static final String RECOVERY_LOOKUP_BATCH_SIZE_DOC = "How many orderIds one REST order-status request "
            + "asks for when a private stream (re)starts and the recovery reads, by orderId, every order the order "
            + "topic last showed as not final that neither the open orders nor the history listed (each id adds "
            + "about 33 characters to the request line).";

    public static final String DEPTH_SNAPSHOT_ENABLED = "depth.snapshot.enabled";
    private static final String DEPTH_SNAPSHOT_ENABLED_DOC = "Whether the depth topic carries a snapshot of a "
            + "symbol's whole book (a record with snapshot=true) before its updates: when the subscription starts, after "
            + "every reconnect and after every gap, so that a consumer can rebuild the book from the topic alone. "
            + "Updates wait while the snapshot is requested; those it already contains are dropped. false: updates only.";

    public static final String BOOK_LEVELS = "book.levels";
    private static final String BOOK_LEVELS_DOC = "With the book channel: how many price levels of each side a book "
            + "record holds (the best ones).";

    public static final String BOOK_INTERVAL_MS = "book.interval.ms";
    private static final String BOOK_INTERVAL_MS_DOC = "With the book channel: the shortest time between two book "
            + "records of a symbol. A book is written only when its top levels changed since the last one written, and "
            + "once this interval has passed; 0 writes every change.";

    public static final String TOPIC_PREFIX = "topic.prefix";
    private static final String TOPIC_PREFIX_DOC = "Prefix of every default topic name: <prefix>.<channel>, "
            + "<prefix>.ref.<reference data>.";

    public static final String TOPIC_PREFIX_CHANNEL = "topic.";
    /** The longest name {@link #TOPIC_PREFIX} is completed with; the whole must still be a legal topic name. */
    private static final String LONGEST_TOPIC_SUFFIX = ".ref.collateral-pricing";

    public static final String REFERENCE_DATA = "reference.data";
    private static final String REFERENCE_DATA_DOC = "Reference data read over REST on an interval, each into a "
            + "topic keyed so that log compaction keeps the latest per key: contracts (by symbol), collateral (by "
            + "asset), pricing (per contract by symbol, and collateral reference prices by asset). Empty: none.";

    public static final String REFERENCE_REFRESH_INTERVAL_MS = "reference.refresh.interval.ms";
    private static final String REFERENCE_REFRESH_INTERVAL_MS_DOC = "How often reference data is read again.";

    public static final String TOPIC_REF_CONTRACTS = "topic.ref.contracts";
    public static final String TOPIC_REF_COLLATERAL = "topic.ref.collateral";
    public static final String TOPIC_REF_CONTRACT_PRICING = "topic.ref.contract.pricing";
    public static final String TOPIC_REF_COLLATERAL_PRICING = "topic.ref.collateral.pricing";

    public static final String DECIMAL_HANDLING_MODE = "decimal.handling.mode";
    private static final String DECIMAL_HANDLING_MODE_DOC = "How prices, quantities and balances are written: "
            + "'string' (the exchange's decimal text, exact), 'double' (inexact), 'precise' (Connect Decimal at "
            + "decimal.precise.scale, rounded half-even).";

    public static final String DECIMAL_PRECISE_SCALE = "decimal.precise.scale";
    private static final String DECIMAL_PRECISE_SCALE_DOC = "Scale of every Decimal field with "
            + "decimal.handling.mode=precise. Choose at least the exchange's precision, or values are rounded.";

    public static final String VALUE_FORMAT = "value.format";
    private static final String VALUE_FORMAT_DOC = "What a market-data record (pricing, bbo, depth, trades, bar) carries "
            + "as its value: 'typed', a Struct of the connector's schemas, one record per trade; 'exchange-json', the "
            + "exchange's JSON text of the message verbatim (a string), one record per message, for "
            + "value.converter=org.apache.kafka.connect.storage.StringConverter: no schema, no mapping to Structs. "
            + "Keys, timestamps, headers and offsets are the same in both. exchange-json refuses the private channels, "
            + "the book channel and reference data, which stay typed.";

    public static final String RECORD_HEADERS = "record.headers";
    public static final String RECORD_HEADERS_ALL = "all";
    public static final String RECORD_HEADERS_GAP = "gap";
    private static final String RECORD_HEADERS_DOC = "The headers of market-data records (pricing, bbo, depth, trades, "
            + "bar): 'all', bitmax.channel, bitmax.seqnum where the stream has one and bitmax.gap on the first record "
            + "after a gap; 'gap', only bitmax.gap, for consumers that read the channel and seqnum from the value "
            + "(Connect converts every header of every record). Order, account and book records keep all theirs.";

    public static final String QUEUE_CAPACITY = "queue.capacity";
    private static final String QUEUE_CAPACITY_DOC = "Messages a task buffers between its WebSocket connection and "
            + "poll(). The queue is bounded; its depth is a metric.";

    public static final String QUEUE_FULL_BEHAVIOR = "queue.full.behavior";
    private static final String QUEUE_FULL_BEHAVIOR_DOC = "What a full queue does to a market-data message: 'block' "
            + "waits for room (back-pressure on the socket), 'drop' drops it, counts it and marks a gap on the "
            + "channel's next record. Private messages always wait: they are never dropped.";

    public static final String POLL_MAX_RECORDS = "poll.max.records";
    private static final String POLL_MAX_RECORDS_DOC = "Most records one poll() returns.";

    public static final String POLL_TIMEOUT_MS = "poll.timeout.ms";
    private static final String POLL_TIMEOUT_MS_DOC = "Longest wait of poll() for a first message when the queue is "
            + "empty.";

    public static final String RECORD_LAG_WARN_MS = "record.lag.warn.ms";
    private static final String RECORD_LAG_WARN_MS_DOC = "Lag, from a streamed record's exchange time to the poll() "
            + "that returns it, above which the task logs a warning (at most one line a minute): the task is falling "
            + "behind the exchange. The lag is the record-lag-ms metric.";

    public static final ConfigDef CONFIG_DEF = configDef();

    private final List<Channel> channels;
    private final Set<ReferenceData> referenceData;

    public BitMaxSourceConfig(Map<?, ?> originals) {
        this(CONFIG_DEF, originals);
    }

    protected BitMaxSourceConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, originals, false);
        this.channels = parseChannels(getList(CHANNELS));
        this.referenceData = parseReferenceData(getList(REFERENCE_DATA));
        valueFormat().refusal(getList(CHANNELS), getList(REFERENCE_DATA)).ifPresent(refusal -> {
            throw new ConfigException(VALUE_FORMAT, getString(VALUE_FORMAT), refusal);
        });
        if (hasPrivateChannels() && !hasCredentials()) {
            throw new ConfigException(API_KEY, apiKey() == null ? null : "[hidden]",
                    "the private channels " + privateChannelNames() + " need " + API_KEY + " and " + API_SECRET);
        }
        if (channels.contains(Channel.BOOK) && !depthSnapshotEnabled()) {
            throw new ConfigException(DEPTH_SNAPSHOT_ENABLED, false, "the book channel (" + CHANNELS + "=" + String.join(",",
                    getList(CHANNELS)) + ") keeps each book from depth snapshots: set " + DEPTH_SNAPSHOT_ENABLED
                    + "=true or remove book from " + CHANNELS);
        }
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        Need wsUrl = Need.required();
        Need credentials = Need.optional("Needed only for the private channels (order, account).");
        ExchangeConfig.define(def, wsUrl, credentials);

        int order = 0;
        def.define(SYMBOLS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new SymbolListValidator(), Importance.HIGH,
                SYMBOLS_DOC, GROUP_STREAMS, ++order, Width.LONG, "Symbols");
        def.define(SYMBOLS_REFRESH_INTERVAL_MS, Type.LONG, 300_000L, Range.atLeast(1_000L), Importance.LOW,
                SYMBOLS_REFRESH_INTERVAL_MS_DOC, GROUP_STREAMS, ++order, Width.SHORT, "Symbols refresh (ms)",
                ChoiceRecommender.visibleWhen(s -> List.of(ALL_SYMBOLS).equals(s.get(SYMBOLS))));
        def.define(CHANNELS, Type.LIST, "bbo,depth,trades", new ChoiceListValidator(Channel.configNames()),
                Importance.HIGH, CHANNELS_DOC, GROUP_STREAMS, ++order, Width.LONG, "Channels",
                new ChoiceRecommender(Channel.configNames()));
        List<String> intervals = List.of("1", "5", "15", "30", "60", "120", "240", "360", "720", "1d", "1w", "1m");
        def.define(BAR_INTERVALS, Type.LIST, "1", new ChoiceListValidator(intervals), Importance.MEDIUM,
                BAR_INTERVALS_DOC, GROUP_STREAMS, ++order, Width.MEDIUM, "Bar intervals",
                new ChoiceRecommender(intervals, s -> listContains(s.get(CHANNELS), Channel.BAR.configName())));
        def.define(RECOVERY_HISTORY_SIZE, Type.INT, 500, Range.between(1, 10_000), Importance.LOW,
                RECOVERY_HISTORY_SIZE_DOC, GROUP_STREAMS, ++order, Width.SHORT, "Recovery history size");
        def.define(SUBSCRIPTION_REFUSED_BEHAVIOR, Type.STRING, SubscriptionRefusedBehavior.FAIL.configName(),
                ValidString.in(SubscriptionRefusedBehavior.configNames().toArray(new String[0])), Importance.MEDIUM,
                SUBSCRIPTION_REFUSED_BEHAVIOR_DOC, GROUP_STREAMS, ++order, Width.SHORT, "Refused subscription",
                new ChoiceRecommender(SubscriptionRefusedBehavior.configNames()));
        def.define(RECOVERY_LOOKUP_BATCH_SIZE, Type.INT, 100, Range.between(1, 200), Importance.LOW,
                RECOVERY_LOOKUP_BATCH_SIZE_DOC, GROUP_STREAMS, ++order, Width.SHORT, "Recovery lookup batch size");
        def.define(DEPTH_SNAPSHOT_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM, DEPTH_SNAPSHOT_ENABLED_DOC,
                GROUP_STREAMS, ++order, Width.SHORT, "Depth snapshots",
                ChoiceRecommender.visibleWhen(s -> listContains(s.get(CHANNELS), Channel.DEPTH.configName())
                        || listContains(s.get(CHANNELS), Channel.BOOK.configName())));
        def.define(BOOK_LEVELS, Type.INT, 10, Range.atLeast(1), Importance.MEDIUM, BOOK_LEVELS_DOC,
                GROUP_STREAMS, ++order, Width.SHORT, "Book levels",
                ChoiceRecommender.visibleWhen(s -> listContains(s.get(CHANNELS), Channel.BOOK.configName())));
        def.define(BOOK_INTERVAL_MS, Type.LONG, 1_000L, Range.atLeast(0L), Importance.MEDIUM, BOOK_INTERVAL_MS_DOC,
                GROUP_STREAMS, ++order, Width.SHORT, "Book interval (ms)",
                ChoiceRecommender.visibleWhen(s -> listContains(s.get(CHANNELS), Channel.BOOK.configName())));

        order = 0;
        def.define(TOPIC_PREFIX, Type.STRING, "bitmax", TopicNameValidator.prefixOf(LONGEST_TOPIC_SUFFIX),
                Importance.MEDIUM,
                TOPIC_PREFIX_DOC, GROUP_TOPICS, ++order, Width.MEDIUM, "Topic prefix");
        for (Channel channel : Channel.values()) {
            def.define(channelTopicKey(channel), Type.STRING, "", TopicNameValidator.orEmpty(), Importance.LOW,
                    "Topic of the " + channel.configName() + " channel. Empty: <prefix>." + channel.configName() + ".",
                    GROUP_TOPICS, ++order, Width.MEDIUM, channel.configName() + " topic");
        }
        def.define(REFERENCE_DATA, Type.LIST, "", new ChoiceListValidator(ReferenceData.configNames()),
                Importance.MEDIUM, REFERENCE_DATA_DOC, GROUP_TOPICS, ++order, Width.MEDIUM, "Reference data",
                new ChoiceRecommender(ReferenceData.configNames()));
        def.define(REFERENCE_REFRESH_INTERVAL_MS, Type.LONG, 60_000L, Range.atLeast(1_000L), Importance.LOW,
                REFERENCE_REFRESH_INTERVAL_MS_DOC, GROUP_TOPICS, ++order, Width.SHORT, "Reference refresh (ms)");
        def.define(TOPIC_REF_CONTRACTS, Type.STRING, "", TopicNameValidator.orEmpty(), Importance.LOW,
                "Topic of the contracts reference data. Empty: <prefix>.ref.contracts.", GROUP_TOPICS, ++order,
                Width.MEDIUM, "Contracts topic");
        def.define(TOPIC_REF_COLLATERAL, Type.STRING, "", TopicNameValidator.orEmpty(), Importance.LOW,
                "Topic of the collateral assets reference data. Empty: <prefix>.ref.collateral.", GROUP_TOPICS,
                ++order, Width.MEDIUM, "Collateral topic");
        def.define(TOPIC_REF_CONTRACT_PRICING, Type.STRING, "", TopicNameValidator.orEmpty(), Importance.LOW,
                "Topic of the per-contract pricing reference data. Empty: <prefix>.ref.contract-pricing.",
                GROUP_TOPICS, ++order, Width.MEDIUM, "Contract pricing topic");
        def.define(TOPIC_REF_COLLATERAL_PRICING, Type.STRING, "", TopicNameValidator.orEmpty(), Importance.LOW,
                "Topic of the collateral reference prices. Empty: <prefix>.ref.collateral-pricing.", GROUP_TOPICS,
                ++order, Width.MEDIUM, "Collateral pricing topic");

        order = 0;
        def.define(DECIMAL_HANDLING_MODE, Type.STRING, DecimalHandlingMode.STRING.configName(),
                ValidString.in(DecimalHandlingMode.configNames().toArray(new String[0])), Importance.MEDIUM,
                DECIMAL_HANDLING_MODE_DOC, GROUP_RECORDS, ++order, Width.SHORT, "Decimal handling mode",
                new ChoiceRecommender(DecimalHandlingMode.configNames()));
        def.define(DECIMAL_PRECISE_SCALE, Type.INT, 12, Range.between(0, 38), Importance.LOW,
                DECIMAL_PRECISE_SCALE_DOC, GROUP_RECORDS, ++order, Width.SHORT, "Decimal scale",
                ChoiceRecommender.visibleWhen(s -> DecimalHandlingMode.PRECISE.configName()
                        .equals(String.valueOf(s.get(DECIMAL_HANDLING_MODE)))));
        def.define(VALUE_FORMAT, Type.STRING, ValueFormat.TYPED.configName(),
                ValidString.in(ValueFormat.configNames().toArray(new String[0])), Importance.MEDIUM, VALUE_FORMAT_DOC,
                GROUP_RECORDS, ++order, Width.SHORT, "Value format", new ChoiceRecommender(ValueFormat.configNames()));
        def.define(RECORD_HEADERS, Type.STRING, RECORD_HEADERS_ALL, ValidString.in(RECORD_HEADERS_ALL, RECORD_HEADERS_GAP),
                Importance.LOW, RECORD_HEADERS_DOC, GROUP_RECORDS, ++order, Width.SHORT, "Record headers",
                new ChoiceRecommender(List.of(RECORD_HEADERS_ALL, RECORD_HEADERS_GAP)));

        order = 0;
        def.define(QUEUE_CAPACITY, Type.INT, 10_000, Range.between(1, 1_000_000), Importance.LOW,
                QUEUE_CAPACITY_DOC, GROUP_QUEUE, ++order, Width.SHORT, "Queue capacity");
        def.define(QUEUE_FULL_BEHAVIOR, Type.STRING, QueueFullBehavior.BLOCK.configName(),
                ValidString.in(QueueFullBehavior.configNames().toArray(new String[0])), Importance.LOW,
                QUEUE_FULL_BEHAVIOR_DOC, GROUP_QUEUE, ++order, Width.SHORT, "Queue full behavior",
                new ChoiceRecommender(QueueFullBehavior.configNames()));
        def.define(POLL_MAX_RECORDS, Type.INT, 2_000, Range.between(1, 100_000), Importance.LOW,
                POLL_MAX_RECORDS_DOC, GROUP_QUEUE, ++order, Width.SHORT, "Poll max records");
        def.define(POLL_TIMEOUT_MS, Type.INT, 100, Range.between(1, 10_000), Importance.LOW,
                POLL_TIMEOUT_MS_DOC, GROUP_QUEUE, ++order, Width.SHORT, "Poll timeout (ms)");
        def.define(RECORD_LAG_WARN_MS, Type.LONG, 10_000L, Range.between(1, 86_400_000), Importance.LOW,
                RECORD_LAG_WARN_MS_DOC, GROUP_QUEUE, ++order, Width.SHORT, "Record lag warning (ms)");
        return def;
    }

    public static String channelTopicKey(Channel channel) {
        return TOPIC_PREFIX_CHANNEL + channel.configName();
    }

    private static boolean listContains(Object list, String value) {
        return list instanceof List && ((List<?>) list).contains(value);
    }

    private static List<Channel> parseChannels(List<String> names) {
        Set<Channel> set = EnumSet.noneOf(Channel.class);
        for (String name : names) {
            set.add(Channel.fromConfigName(name));
        }
        return List.copyOf(set);
    }

    private static Set<ReferenceData> parseReferenceData(List<String> names) {
        Set<ReferenceData> set = EnumSet.noneOf(ReferenceData.class);
        for (String name : names) {
            set.add(ReferenceData.fromConfigName(name));
        }
        return set;
    }

    public List<Channel> channels() {
        return channels;
    }

    public boolean hasPrivateChannels() {
        return channels.stream().anyMatch(Channel::isPrivate);
    }

    private List<String> privateChannelNames() {
        List<String> names = new ArrayList<>();
        for (Channel channel : channels) {
            if (channel.isPrivate()) {
                names.add(channel.configName());
            }
        }
        return names;
    }

    public boolean allSymbols() {
        return List.of(ALL_SYMBOLS).equals(getList(SYMBOLS));
    }

    public List<String> symbols() {
        return getList(SYMBOLS);
    }

    public List<String> barIntervals() {
        return getList(BAR_INTERVALS);
    }

    public Set<ReferenceData> referenceData() {
        return referenceData;
    }

    public String topicFor(Channel channel) {
        String override = getString(channelTopicKey(channel));
        return override == null || override.isBlank() ? prefixed(channel.configName()) : override.trim();
    }

    public String contractsTopic() {
        return topicOrDefault(TOPIC_REF_CONTRACTS, "ref.contracts");
    }

    public String collateralTopic() {
        return topicOrDefault(TOPIC_REF_COLLATERAL, "ref.collateral");
    }

    public String contractPricingTopic() {
        return topicOrDefault(TOPIC_REF_CONTRACT_PRICING, "ref.contract-pricing");
    }

    public String collateralPricingTopic() {
        return topicOrDefault(TOPIC_REF_COLLATERAL_PRICING, "ref.collateral-pricing");
    }

    private String topicOrDefault(String key, String suffix) {
        String override = getString(key);
        return override == null || override.isBlank() ? prefixed(suffix) : override.trim();
    }

    private String prefixed(String suffix) {
        return getString(TOPIC_PREFIX) + "." + suffix;
    }

    public DecimalHandlingMode decimalHandlingMode() {
        return DecimalHandlingMode.fromConfigName(getString(DECIMAL_HANDLING_MODE));
    }

    public int decimalPreciseScale() {
        return getInt(DECIMAL_PRECISE_SCALE);
    }

    public ValueFormat valueFormat() {
        return ValueFormat.fromConfigName(getString(VALUE_FORMAT));
    }

    /** Whether market-data records carry all their headers ({@code record.headers=all}), not only the gap marker. */
    public boolean allRecordHeaders() {
        return RECORD_HEADERS_ALL.equals(getString(RECORD_HEADERS));
    }

    public int queueCapacity() {
        return getInt(QUEUE_CAPACITY);
    }

    public QueueFullBehavior queueFullBehavior() {
        return QueueFullBehavior.fromConfigName(getString(QUEUE_FULL_BEHAVIOR));
    }

    public int pollMaxRecords() {
        return getInt(POLL_MAX_RECORDS);
    }

    public long recordLagWarnMs() {
        return getLong(RECORD_LAG_WARN_MS);
    }

    public int pollTimeoutMs() {
        return getInt(POLL_TIMEOUT_MS);
    }

    public long symbolsRefreshIntervalMs() {
        return getLong(SYMBOLS_REFRESH_INTERVAL_MS);
    }

    public long referenceRefreshIntervalMs() {
        return getLong(REFERENCE_REFRESH_INTERVAL_MS);
    }

    public SubscriptionRefusedBehavior subscriptionRefusedBehavior() {
        return SubscriptionRefusedBehavior.fromConfigName(getString(SUBSCRIPTION_REFUSED_BEHAVIOR));
    }

    public int recoveryHistorySize() {
        return getInt(RECOVERY_HISTORY_SIZE);
    }

    public boolean depthSnapshotEnabled() {
        return getBoolean(DEPTH_SNAPSHOT_ENABLED);
    }

    public int bookLevels() {
        return getInt(BOOK_LEVELS);
    }

    public long bookIntervalMs() {
        return getLong(BOOK_INTERVAL_MS);
    }

    public int recoveryLookupBatchSize() {
        return getInt(RECOVERY_LOOKUP_BATCH_SIZE);
    }
}
