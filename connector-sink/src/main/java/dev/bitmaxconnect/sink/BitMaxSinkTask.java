package dev.bitmaxconnect.sink;

import dev.bitmaxconnect.client.BitMaxApiException;
import dev.bitmaxconnect.client.BitMaxException;
import dev.bitmaxconnect.client.model.AccountInfo;
import dev.bitmaxconnect.client.model.HistoryOrdersQuery;
import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.client.stream.BitMaxStream;
import dev.bitmaxconnect.common.concurrent.DaemonThreads;
import dev.bitmaxconnect.common.metrics.TaskMetricsRegistry;
import dev.bitmaxconnect.common.retry.Retrier;
import dev.bitmaxconnect.sink.command.CommandFormatException;
import dev.bitmaxconnect.sink.command.OrderCommand;
import dev.bitmaxconnect.sink.command.OrderCommandParser;
import dev.bitmaxconnect.sink.config.BitMaxSinkConfig;
import dev.bitmaxconnect.sink.metrics.SinkMetrics;
import dev.bitmaxconnect.sink.result.ResultsReader;
import dev.bitmaxconnect.sink.result.ResultsWriter;
import dev.bitmaxconnect.sink.send.AccessDeniedException;
import dev.bitmaxconnect.sink.send.CommandProcessor;
import dev.bitmaxconnect.sink.send.OrderExecutor;
import dev.bitmaxconnect.sink.send.PartitionLane;
import dev.bitmaxconnect.sink.send.PendingCommand;
import dev.bitmaxconnect.sink.send.RecoveryIndex;
import dev.bitmaxconnect.sink.validate.CommandValidator;
import dev.bitmaxconnect.sink.validate.ContractFilters;
import dev.bitmaxconnect.sink.validate.RiskLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes the commands of its partitions: each partition in its own lane, in offset order, partitions
 * in parallel. Offsets are committed only up to the last command whose outcome is known and whose
 * result record Kafka has acknowledged.
 */
public class BitMaxSinkTask extends SinkTask {

    static final String TASK_ID = "bitmax.task.id";
    private static final long LANE_STOP_WAIT_MS = 3_000;
    private static final Duration RESULTS_READ_TIMEOUT = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(BitMaxSinkTask.class);

    private final OrderCommandParser parser = new OrderCommandParser();
    private final Map<TopicPartition, PartitionLane> lanes = new ConcurrentHashMap<>();
    /** Signalled by the lanes after each unit (and when one stops): put() waits on it for room in the buffer. */
    private final ReentrantLock progressLock = new ReentrantLock();
    private final Condition progress = progressLock.newCondition();
    private BitMaxSinkConfig config;
    private String connector;
    private BitMaxRestClient rest;
    private TaskExchange exchange;
    private BitMaxStream stream;
    private ContractFilters filters;
    private ResultsWriter results;
    private ResultsReader resultsReader;
    private SinkMetrics metrics;
    private RecoveryIndex recovery;
    private CommandProcessor processor;
    private ScheduledExecutorService refresher;
    private int bufferMax;
    private Retrier retrier;
    private volatile ConnectException resultsFailure;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new BitMaxSinkConfig(props);
        connector = props.getOrDefault("name", "bitmax-sink");
        String taskId = props.getOrDefault(TASK_ID, "0");
        rest = new BitMaxRestClient(config.clientConfig()
                .requestsPerSecond(config.requestsPerSecond())
                .build());
        retrier = config.retrier();
        exchange = new TaskExchange(config, rest);
        AccountInfo account = withRetries("reading account info", exchange::checkAccount);
        filters = new ContractFilters();
        withRetries("reading the futures contracts", () -> {
            exchange.refreshContracts(filters);
            return null;
        });
        metrics = new SinkMetrics(
                TaskMetricsRegistry.forTask(context, SinkTaskContext.class, SinkMetrics.GROUP, connector, taskId));
        if (!config.resultsTopic().isEmpty()) {
            results = ResultsWriter.create(config.resultsTopic(), config.resultsProducerProps(),
                    connector + "-results-" + taskId);
        } else {
            log.warn("{} is empty: command outcomes are only logged", BitMaxSinkConfig.RESULTS_TOPIC);
        }
        int resultsReadBack = config.recoveryResultsSize();
        recovery = new RecoveryIndex(account.userUID(), resultsReadBack);
        if (results != null && resultsReadBack > 0) {
            resultsReader = ResultsReader.create(config.resultsTopic(), config.resultsProducerProps(),
                    connector + "-results-reader-" + taskId, resultsReadBack, RESULTS_READ_TIMEOUT);
        }
        if (config.websocketTransport()) {
            stream = exchange.connectStream();
        }
        OrderExecutor executor = new OrderExecutor(new OrderExecutor.Exchange(rest, stream,
                config.requestTimeoutMs() + 5_000L, account.userUID(), config.recoveryHistorySize()),
                retrier, metrics, Clock.systemUTC());
        RiskLimits limits = new RiskLimits(config.allowedSymbols(), config.maxOrderQty(), config.maxOrderNotional(),
                config.tradingEnabled(), config.transfersEnabled());
        processor = new CommandProcessor(
                new CommandProcessor.Settings(connector, config.dryRun(),
                        limits.tradingEnabled(), config.toleratesErrors()),
                new CommandValidator(filters, limits), new CommandProcessor.Sending(executor, rest, recovery),
                new CommandProcessor.Reporting(results, errantRecordReporter(), metrics, Clock.systemUTC()));
        bufferMax = config.bufferMaxCommands();
        long refreshMs = config.filtersRefreshMs();
        refresher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(connector + "-contracts-" + taskId));
        refresher.scheduleWithFixedDelay(this::refreshQuietly, refreshMs, refreshMs, TimeUnit.MILLISECONDS);
        log.info("BitMax sink task {} of {} started against {} (dry run {}, trading {}, transfers {})", taskId,
                connector, config.restUrl(), config.dryRun(), limits.tradingEnabled(),
                limits.transfersEnabled());
    }

    private void refreshQuietly() {
        try {
            exchange.refreshContracts(filters);
        } catch (RuntimeException e) {
            log.warn("Could not refresh the contract filters (keeping the previous ones): {}", e.getMessage());
        }
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context == null ? null : context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null;
        }
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        // What a previous owner of these partitions may have sent without committing: look before sending.
        Retrier.Retries retries = retrier.begin();
        while (true) {
            try {
                List<OrderInfo> seen = new ArrayList<>(rest.openOrders());
                seen.addAll(rest.currentHistoryOrders(new HistoryOrdersQuery(null, config.recoveryHistorySize(), null)));
                recovery.addAll(seen);
                break;
            } catch (BitMaxException e) {
                if (e instanceof BitMaxApiException api && AccessDeniedException.isAccessDenied(api)) {
                    throw AccessDeniedException.of(api);
                }
                if (!e.isRetriable() || !retries.canRetry()) {
                    throw new ConnectException("Cannot read the open orders and order history needed to avoid "
                            + "sending a command twice: " + e.getMessage(), e);
                }
                log.info("Reading open orders failed, retry {}: {}", retries.done() + 1, e.getMessage());
                backOff(retries);
            }
        }
        readResultsBack();
        // The WebSocket request API has no batch: over it every single command is its own request.
        boolean batching = config.batchEnabled() && stream == null;
        for (TopicPartition tp : partitions) {
            lanes.computeIfAbsent(tp, p -> {
                PartitionLane lane = new PartitionLane(p, processor,
                        batching ? config.batchMaxSize() : 1, config.batchLingerMs(), connector + "-" + p,
                        this::signalProgress);
                lane.start();
                return lane;
            });
        }
        log.info("Opened {} partition(s); {} orders known at the exchange, {} from the results topic",
                partitions.size(), recovery.size(), recovery.placedSize());
    }

    /** The orders placed through the sink, as its results topic records them, written since the last read. */
    private void readResultsBack() {
        if (resultsReader == null) {
            return;
        }
        try {
            long read = resultsReader.readToEnd(recovery::addPlaced);
            log.debug("Read {} result records back from {}", read, config.resultsTopic());
        } catch (AuthorizationException e) {
            // Writing results needs no read permission: carry on as before, with the exchange's history only.
            log.warn("Cannot read the results topic {} back ({}): a cancel by origId after a restart finds only "
                    + "orders open or in the exchange's current history; grant READ on the topic or set {}=0",
                    config.resultsTopic(), e.getMessage(), BitMaxSinkConfig.RECOVERY_RESULTS_SIZE);
            resultsReader.close();
            resultsReader = null;
        } catch (KafkaException e) {
            throw new ConnectException("Cannot read the results topic " + config.resultsTopic() + " back, needed to "
                    + "find orders placed before a restart: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        checkLanes();
        for (SinkRecord record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.kafkaPartition());
            PartitionLane lane = lanes.get(tp);
            if (lane == null) {
                open(List.of(tp));
                lane = lanes.get(tp);
            }
            if (!lane.add(pending(record))) {
                log.warn("{} offset {} was delivered again to the same task; it was already taken and is not "
                        + "executed twice", tp, record.kafkaOffset());
                continue;
            }
            metrics.commandIn();
        }
        // Bounded buffer: wait for the exchange rather than holding an unbounded backlog in memory.
        progressLock.lock();
        try {
            while (metrics.inFlight() > bufferMax) {
                checkLanes();
                progress.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for the exchange", e);
        } finally {
            progressLock.unlock();
        }
    }

    private void signalProgress() {
        progressLock.lock();
        try {
            progress.signalAll();
        } finally {
            progressLock.unlock();
        }
    }

    /** Runs {@code call}, retrying transient exchange failures within the retry settings. */
    private <T> T withRetries(String what, Supplier<T> call) {
        Retrier.Retries retries = retrier.begin();
        while (true) {
            try {
                return call.get();
            } catch (ConnectException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof BitMaxException be) || !be.isRetriable()
                        || !retries.canRetry()) {
                    throw e;
                }
                log.info("{} failed, retry {}: {}", what, retries.done() + 1, cause.getMessage());
            } catch (BitMaxException e) {
                if (!e.isRetriable() || !retries.canRetry()) {
                    throw new ConnectException(what + " failed: " + e.getMessage(), e);
                }
                log.info("{} failed, retry {}: {}", what, retries.done() + 1, e.getMessage());
            }
            backOff(retries);
        }
    }

    private static void backOff(Retrier.Retries retries) {
        try {
            if (!retries.backOff()) {
                throw new ConnectException("stopped while waiting to retry");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted", e);
        }
    }

    private PendingCommand pending(SinkRecord record) {
        long now = System.nanoTime();
        if (record.value() == null && !config.tombstonesFail()) {
            return new PendingCommand(record, null, null, now);
        }
        try {
            OrderCommand command = parser.parse(record.value());
            return new PendingCommand(record, command, null, now);
        } catch (CommandFormatException e) {
            return new PendingCommand(record, null, e, now);
        }
    }

    private void checkLanes() {
        if (resultsFailure != null) {
            throw resultsFailure;
        }
        for (PartitionLane lane : lanes.values()) {
            RuntimeException failure = lane.failure();
            if (failure != null) {
                throw failure instanceof ConnectException ce ? ce : new ConnectException(failure.getMessage(), failure);
            }
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (TopicPartition tp : currentOffsets.keySet()) {
            PartitionLane lane = lanes.get(tp);
            if (lane != null && lane.committableOffset() >= 0) {
                commit.put(tp, new OffsetAndMetadata(lane.committableOffset()));
            }
        }
        // Offsets read first, then the results they cover are made durable. A failure commits nothing and
        // fails the task at the next put(): throwing here would make Connect rewind and re-deliver commands
        // to this same task.
        if (results != null) {
            try {
                results.flush();
            } catch (RuntimeException e) {
                resultsFailure = e instanceof ConnectException ce ? ce : new ConnectException(e.getMessage(), e);
                log.error("Results not written; no offset is committed: {}", e.getMessage());
                return Map.of();
            }
        }
        return commit;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            PartitionLane lane = lanes.remove(tp);
            if (lane != null) {
                // Within Connect's graceful shutdown (5 s by default), before the next owner starts.
                int left = lane.stop(LANE_STOP_WAIT_MS);
                metrics.abandoned(left);
            }
        }
    }

    @Override
    public void stop() {
        if (lanes != null) {
            close(new ArrayList<>(lanes.keySet()));
        }
        if (retrier != null) {
            retrier.stop(); // a lane that outlived its stop wait sends nothing more
        }
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (results != null) {
            try {
                results.flush();
            } catch (RuntimeException e) {
                log.warn("Results not all written at stop: {}", e.getMessage());
            }
            results.close();
        }
        if (resultsReader != null) {
            resultsReader.close();
        }
        if (stream != null) {
            stream.close();
        }
        if (rest != null) {
            rest.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}
