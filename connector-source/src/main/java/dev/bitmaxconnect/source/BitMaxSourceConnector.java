package dev.bitmaxconnect.source;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.bitmaxconnect.client.model.FuturesContract;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.common.concurrent.DaemonThreads;
import dev.bitmaxconnect.source.config.BitMaxSourceConfig;
import dev.bitmaxconnect.source.config.Channel;
import dev.bitmaxconnect.source.config.ExchangeClientConfig;
import dev.bitmaxconnect.source.config.ProducerOverrides;
import dev.bitmaxconnect.source.config.TaskAssignment;
import dev.bitmaxconnect.source.config.ValueFormat;

/**
 * Kafka Connect source connector for BitMax Futures Pro (v2): market data, order and account updates, and
 * reference data into Kafka topics.
 */
public class BitMaxSourceConnector extends SourceConnector {
    private static final Logger log = LoggerFactory.getLogger(BitMaxSourceConnector.class);

    private final Function<BitMaxSourceConfig, List<String>> contractLister;
    private final ListedSymbolsCheck symbolsCheck = new ListedSymbolsCheck(ListedSymbolsCheck.TIMEOUT);
    private BitMaxSourceConfig config;
    private volatile List<String> symbols;
    private ScheduledExecutorService symbolRefresh;

    public BitMaxSourceConnector() {
        this(BitMaxSourceConnector::listNormalContracts);
    }

    /** With another source of the contract list (symbols=*); for tests. */
    BitMaxSourceConnector(Function<BitMaxSourceConfig, List<String>> contractLister) {
        this.contractLister = contractLister;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new BitMaxSourceConfig(props);
        ProducerOverrides.reorderingRisk(props).ifPresent(risk -> log.warn("Records may be reordered: {}", risk));
        if (config.allSymbols()) {
            symbols = contractLister.apply(config);
            log.info("symbols=* resolves to {} contracts", symbols.size());
            symbolRefresh = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("bitmax-source-symbol-refresh"));
            long every = config.symbolsRefreshIntervalMs();
            symbolRefresh.scheduleWithFixedDelay(this::refreshSymbols, every, every, TimeUnit.MILLISECONDS);
        } else {
            symbols = List.copyOf(config.symbols());
        }
    }

    /** The symbols of every contract with status Normal, sorted. */
    static List<String> listNormalContracts(BitMaxSourceConfig config) {
        try (BitMaxRestClient rest = new BitMaxRestClient(ExchangeClientConfig.from(config))) {
            return rest.futuresContracts().stream()
                    .filter(c -> "Normal".equalsIgnoreCase(c.status()))
                    .map(FuturesContract::symbol)
                    .filter(Objects::nonNull)
                    .sorted()
                    .collect(Collectors.toList());
        } catch (RuntimeException e) {
            throw new ConnectException("symbols=* needs the contract list from " + config.restUrl()
                    + "/api/pro/v2/futures/contract, which failed: " + e.getMessage(), e);
        }
    }

    /** Re-reads the contract list and asks Connect for new task configurations when it changed. */
    void refreshSymbols() {
        try {
            List<String> latest = contractLister.apply(config);
            if (!latest.equals(symbols)) {
                log.info("Contract list changed ({} -> {} contracts); reconfiguring tasks", symbols.size(), latest.size());
                symbols = latest;
                context.requestTaskReconfiguration();
            }
        } catch (RuntimeException e) {
            log.warn("Refreshing the contract list failed; keeping {} symbols: {}", symbols.size(), e.getMessage());
        }
    }

    List<String> symbols() {
        return symbols;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return BitMaxSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return TaskAssignment.taskConfigs(config, symbols, maxTasks);
    }

    @Override
    public void stop() {
        if (symbolRefresh != null) {
            symbolRefresh.shutdownNow();
        }
    }

    @Override
    public ConfigDef config() {
        return BitMaxSourceConfig.CONFIG_DEF;
    }

    /**
     * Adds the checks that span several keys: the private channels need the API key and secret, the value format
     * must be able to write the channels and reference data, and the symbols must be listed by the exchange at the
     * REST URL (when it answers in time).
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        Map<String, ConfigValue> values = result.configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, v -> v));
        ConfigValue channels = values.get(BitMaxSourceConfig.CHANNELS);
        if (channels != null && channels.errorMessages().isEmpty() && channels.value() instanceof List<?> list) {
            boolean wantsPrivate = list.stream().map(Object::toString)
                    .anyMatch(name -> name.trim().equals(Channel.ORDER.configName()) || name.trim().equals(Channel.ACCOUNT.configName()));
            String key = connectorConfigs.get(BitMaxSourceConfig.API_KEY);
            String secret = connectorConfigs.get(BitMaxSourceConfig.API_SECRET);
            if (wantsPrivate && (key == null || key.isBlank())) {
                values.get(BitMaxSourceConfig.API_KEY).addErrorMessage("the order and account channels need an API key");
            }
            if (wantsPrivate && (secret == null || secret.isBlank())) {
                values.get(BitMaxSourceConfig.API_SECRET).addErrorMessage("the order and account channels need an API secret");
            }
            ConfigValue snapshots = values.get(BitMaxSourceConfig.DEPTH_SNAPSHOT_ENABLED);
            boolean wantsBook = list.stream().anyMatch(name -> name.toString().trim().equals(Channel.BOOK.configName()));
            if (wantsBook && Boolean.FALSE.equals(snapshots.value())) {
                snapshots.addErrorMessage("the book channel keeps each book from depth snapshots: set "
                        + BitMaxSourceConfig.DEPTH_SNAPSHOT_ENABLED + "=true or remove book from " + BitMaxSourceConfig.CHANNELS);
            }
        }
        checkValueFormat(values);
        ConfigValue symbols = values.get(BitMaxSourceConfig.SYMBOLS);
        ConfigValue restUrl = values.get(BitMaxSourceConfig.REST_URL);
        if (symbols.errorMessages().isEmpty() && restUrl.errorMessages().isEmpty() && restUrl.value() != null) {
            symbolsCheck.check(symbols, restUrl.value().toString().trim());
        }
        return result;
    }

    /** A value format that cannot write a configured channel or reference data: the error goes on the format. */
    private static void checkValueFormat(Map<String, ConfigValue> values) {
        ConfigValue format = values.get(BitMaxSourceConfig.VALUE_FORMAT);
        Object channels = values.get(BitMaxSourceConfig.CHANNELS).value();
        Object referenceData = values.get(BitMaxSourceConfig.REFERENCE_DATA).value();
        if (format.errorMessages().isEmpty() && format.value() != null && channels instanceof List<?> channelList
                && referenceData instanceof List<?> referenceList) {
            ValueFormat.fromConfigName(format.value().toString())
                    .refusal(channelList.stream().map(Object::toString).toList(),
                            referenceList.stream().map(Object::toString).toList())
                    .ifPresent(format::addErrorMessage);
        }
    }

    /**
     * Exactly-once (KIP-618) holds only when every configured stream is sequenced: depth and trades resume after
     * their committed {@code seqnum}, order and account after their committed {@code sn} (with the REST
     * recovery). Bbo, bar, pricing and reference data carry no sequence, so a restart may repeat them. Book records
     * are states exact at their seqnum, written in the same transaction as the depth they follow; a restart writes
     * the next one from a snapshot at or above the last seqnum committed, so a symbol's books never go back.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        BitMaxSourceConfig parsed;
        try {
            parsed = new BitMaxSourceConfig(connectorConfig);
        } catch (ConfigException e) {
            return ExactlyOnceSupport.UNSUPPORTED;
        }
        boolean sequencedOnly = parsed.channels().stream().allMatch(c -> c.isSequenced() || c == Channel.BOOK)
                && parsed.referenceData().isEmpty();
        return sequencedOnly ? ExactlyOnceSupport.SUPPORTED : ExactlyOnceSupport.UNSUPPORTED;
    }

    /** Transactions follow Connect's own boundaries (each poll batch); the connector defines none. */
    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }
}
