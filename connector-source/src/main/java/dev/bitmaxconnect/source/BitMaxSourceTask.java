package dev.bitmaxconnect.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.BitMaxException;
import dev.bitmaxconnect.client.model.AccountInfo;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.client.stream.BitMaxStream;
import dev.bitmaxconnect.client.stream.StreamChannel;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.common.retry.Retrier;
import dev.bitmaxconnect.source.auth.AuthFailures;
import dev.bitmaxconnect.source.config.BitMaxSourceConfig;
import dev.bitmaxconnect.source.config.BitMaxSourceTaskConfig;
import dev.bitmaxconnect.source.config.Channel;
import dev.bitmaxconnect.source.config.ExchangeClientConfig;
import dev.bitmaxconnect.source.config.ValueFormat;
import dev.bitmaxconnect.source.metrics.RecordLag;
import dev.bitmaxconnect.source.metrics.SourceTaskMetrics;
import dev.bitmaxconnect.source.record.DecimalFormat;
import dev.bitmaxconnect.source.record.EmittedOrderStates;
import dev.bitmaxconnect.source.record.SourcePartitions;
import dev.bitmaxconnect.source.record.SourceRecordAssembler;
import dev.bitmaxconnect.source.stream.EventQueue;
import dev.bitmaxconnect.source.stream.PrivateEvent;
import dev.bitmaxconnect.source.stream.PrivateStreamListener;
import dev.bitmaxconnect.source.stream.PrivateStreamRecovery;
import dev.bitmaxconnect.source.stream.PublicStreamListener;
import dev.bitmaxconnect.source.stream.ReferenceDataPoller;
import dev.bitmaxconnect.source.stream.TaskEvent;

/**
 * Streams its share of the subscriptions from BitMax into records: a public WebSocket for market data, a private
 * one (on exactly one task) for orders and account updates, and REST for recovery and reference data.
 */
public class BitMaxSourceTask extends SourceTask {
    private static final Logger log = LoggerFactory.getLogger(BitMaxSourceTask.class);
    /** Account info is tried five times at start before the task fails. */
    private static final int ACCOUNT_INFO_RETRIES = 4;

    private BitMaxSourceTaskConfig config;
    private SourceTaskMetrics metrics;
    private RecordLag recordLag;
    private EventQueue queue;
    private SourceRecordAssembler assembler;
    private BitMaxRestClient rest;
    private BitMaxStream publicStream;
    private BitMaxStream privateStream;
    private PrivateStreamRecovery recovery;
    private ReferenceDataPoller referenceData;
    /** Account info at start: a few tries; stop() ends the wait between them. */
    private volatile Retrier startRetrier;
    private final List<TaskEvent> drained = new ArrayList<>();

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new BitMaxSourceTaskConfig(props);
        String connector = props.getOrDefault("name", "bitmax-source");
        String taskId = props.getOrDefault(BitMaxSourceTaskConfig.TASK_INDEX, "0");
        metrics = new SourceTaskMetrics().register(context, connector, taskId);
        queue = new EventQueue(config.queueCapacity(), config.queueFullBehavior(), metrics);
        metrics.queueDepth(queue::size);
        recordLag = new RecordLag(metrics, config.recordLagWarnMs(), BitMaxSourceConfig.RECORD_LAG_WARN_MS,
                RecordLag.WARN_INTERVAL_MS);
        DecimalFormat decimals = new DecimalFormat(config.decimalHandlingMode(), config.decimalPreciseScale());
        assembler = new SourceRecordAssembler(config, decimals, metrics);
        BitMaxClientConfig clientConfig = ExchangeClientConfig.from(config);
        rest = new BitMaxRestClient(clientConfig);
        try {
            startPublicStream(clientConfig);
            if (config.runsPrivateChannels()) {
                startPrivateStream(clientConfig);
            }
            if (config.readsReferenceData()) {
                referenceData = new ReferenceDataPoller(rest, queue, config, decimals);
                referenceData.start();
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        log.info("BitMax source task {} started: {} public subscriptions{}{}", taskId, config.subscriptions().size(),
                config.runsPrivateChannels() ? ", private channels" : "", config.readsReferenceData() ? ", reference data" : "");
    }

    private void startPublicStream(BitMaxClientConfig clientConfig) {
        List<String> subscriptions = config.subscriptions();
        if (subscriptions.isEmpty()) {
            return;
        }
        resumeMarketData(subscriptions);
        if (config.depthSnapshotEnabled()
                && (config.channels().contains(Channel.DEPTH) || config.channels().contains(Channel.BOOK))) {
            assembler.depthSnapshots(this::requestDepthSnapshot, 2 * clientConfig.wsRequestTimeout().toMillis());
        }
        // The listener only queues, and the task's queue is the buffer: one hand-over between threads per message.
        publicStream = BitMaxStream.builder(clientConfig).publicEndpoint()
                .listener(new PublicStreamListener(queue, metrics, config.subscriptionRefusedBehavior()))
                .listenerOnReaderThread(true)
                .frameText(config.valueFormat() == ValueFormat.EXCHANGE_JSON).build();
        for (String subscription : subscriptions) {
            publicStream.subscribe(new StreamChannel(subscription));
        }
        publicStream.connect();
    }

    /** Asks for a depth snapshot, whose answer reaches the queue in stream order; false when it cannot be sent now. */
    private boolean requestDepthSnapshot(String symbol) {
        CompletableFuture<StreamMessage.DepthSnapshot> answer = publicStream.depthSnapshot(symbol);
        answer.whenComplete((snapshot, e) -> {
            if (e != null) {
                log.debug("Depth snapshot request of {} failed: {}", symbol, e.toString());
            }
        });
        return !answer.isCompletedExceptionally();
    }

    /** Loads the committed sequence numbers of depth and trades, so that nothing at or below them is emitted again. */
    private void resumeMarketData(List<String> subscriptions) {
        List<Map<String, String>> partitions = new ArrayList<>();
        for (String subscription : subscriptions) {
            String[] parts = subscription.split(":");
            if (parts.length == 2 && (parts[0].equals("depth") || parts[0].equals("trades"))) {
                partitions.add(SourcePartitions.market(parts[0], parts[1]));
            }
        }
        if (partitions.isEmpty()) {
            return;
        }
        Map<Map<String, String>, Map<String, Object>> offsets = context.offsetStorageReader().offsets(partitions);
        for (Map.Entry<Map<String, String>, Map<String, Object>> entry : offsets.entrySet()) {
            Long committed = SourcePartitions.committedSequence(entry.getValue(), SourcePartitions.SEQNUM);
            if (committed != null) {
                Channel channel = entry.getKey().get(SourcePartitions.CHANNEL).equals("depth") ? Channel.DEPTH : Channel.TRADES;
                assembler.resumeMarket(channel, entry.getKey().get(SourcePartitions.SYMBOL), committed);
            }
        }
    }

    private void startPrivateStream(BitMaxClientConfig clientConfig) {
        AccountInfo account = accountInfoWithRetries();
        int accountGroup = rest.accountGroup();
        if (account.futuresAccount() == null || account.futuresAccount().isEmpty()) {
            throw new ConnectException("The BitMax account of " + BitMaxSourceTaskConfig.API_KEY + " has no futures account; "
                    + "the order and account channels need one");
        }
        String accountId = account.futuresAccount().get(0);
        resumePrivate(accountId);
        assembler.privateStreamStarting();

        boolean orders = config.channels().contains(Channel.ORDER);
        boolean balances = config.channels().contains(Channel.ACCOUNT);
        Set<String> channels = new LinkedHashSet<>();
        if (orders) {
            channels.add(StreamChannel.FUTURES_ORDER);
        }
        if (balances) {
            channels.add(StreamChannel.ACCOUNT_UPDATE);
        }
        PrivateStreamListener listener = new PrivateStreamListener(queue, metrics, channels);
        recovery = new PrivateStreamRecovery(rest, queue, listener, assembler.notFinalOrders(),
                PrivateStreamRecovery.Settings.from(config));
        listener.recovery(recovery);
        privateStream = BitMaxStream.builder(clientConfig).privateEndpoint(accountGroup).listener(listener).build();
        recovery.stream(privateStream);
        for (String channel : channels) {
            privateStream.subscribe(new StreamChannel(channel));
        }
        BitMaxStream stream = privateStream;
        stream.connect().whenComplete((ok, error) -> {
            if (error != null) {
                Optional<String> refusal = AuthFailures.describe(error);
                if (refusal.isEmpty() && stream.state() != BitMaxStream.State.CLOSED) {
                    // An exchange out of reach for a while is no reason to fail: the stream keeps reconnecting,
                    // and recovery runs once it is up.
                    log.warn("The private BitMax stream is not up yet, still trying: {}", error.getMessage());
                    return;
                }
                queue.putFatal(refusal.orElse("The private BitMax stream could not connect: " + error.getMessage()));
            }
        });
    }

    /** Account info, tried a few times when the exchange is briefly unreachable; a refused key fails at once. */
    private AccountInfo accountInfoWithRetries() {
        startRetrier = new Retrier(ACCOUNT_INFO_RETRIES, config.reconnectBackoff(), Long.MAX_VALUE);
        Retrier.Retries retries = startRetrier.begin();
        while (true) {
            try {
                return rest.accountInfo();
            } catch (RuntimeException e) {
                Optional<String> auth = AuthFailures.describe(e);
                boolean retriable = !(e instanceof BitMaxException be) || be.isRetriable();
                if (auth.isPresent() || !retriable || !retries.canRetry()) {
                    throw new ConnectException(auth.orElse("Could not read the BitMax account info from "
                            + config.restUrl() + ": " + e.getMessage()), e);
                }
                int attempt = retries.done() + 1;
                long wait = retries.next();
                log.warn("Reading the BitMax account info failed (attempt {}), retrying in {} ms: {}", attempt, wait,
                        e.toString());
                try {
                    if (!startRetrier.await(wait)) {
                        throw new ConnectException("Stopped while reading the BitMax account info", e);
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ConnectException("Interrupted while reading the BitMax account info", ie);
                }
            }
        }
    }

    private void resumePrivate(String accountId) {
        Map<String, String> accountPartition = SourcePartitions.account("futures-account-update", accountId);
        Long accountSn = SourcePartitions.committedSequence(
                context.offsetStorageReader().offset(accountPartition), SourcePartitions.SN);
        if (accountSn != null) {
            assembler.resumePrivate(PrivateEvent.Kind.ACCOUNT, accountSn);
        }
        int restored = restoreEmittedOrders(accountId);
        log.info("Private stream of account {} resumes after account sn {}, with {} order states emitted before, "
                + "{} orders not final", accountId, accountSn, restored,
                assembler.emittedOrders().notFinalOrderIds().size());
    }

    /** Reads back the ring of order states committed before a restart, so that the recovery does not repeat them. */
    private int restoreEmittedOrders(String accountId) {
        EmittedOrderStates emitted = assembler.emittedOrders();
        List<Map<String, String>> partitions = new ArrayList<>(emitted.slots());
        for (int slot = 0; slot < emitted.slots(); slot++) {
            partitions.add(SourcePartitions.orderSlot(accountId, slot));
        }
        List<EmittedOrderStates.Entry> committed = new ArrayList<>();
        for (Map<String, Object> offset : context.offsetStorageReader().offsets(partitions).values()) {
            EmittedOrderStates.Entry entry = SourcePartitions.committedOrderState(offset);
            if (entry != null) {
                committed.add(entry);
            }
        }
        emitted.restore(committed);
        return committed.size();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        drained.clear();
        queue.drainTo(drained, config.pollMaxRecords(), config.pollTimeoutMs());
        assembler.messagesDropped(queue.takeDroppedStreams());
        List<SourceRecord> records = new ArrayList<>(drained.size());
        long now = System.currentTimeMillis();
        for (TaskEvent event : drained) {
            int first = records.size();
            assembler.assemble(event, records);
            if (isLive(event)) {
                for (int i = first; i < records.size(); i++) {
                    recordLag.record(records.get(i).timestamp(), now);
                }
            }
        }
        drained.clear();
        // an idle poll too: a book that changed waits for its interval, not for the next message
        assembler.writeDueBooks(records);
        recordLag.warnIfBehind(now);
        if (records.isEmpty()) {
            return null;
        }
        metrics.recordsOut(records.size());
        return records;
    }

    /**
     * Whether an event's records carry the time the exchange sent them, so that their age is the task's lag: streamed
     * messages, but not bars (stamped with their start) nor anything read back over REST.
     */
    private static boolean isLive(TaskEvent event) {
        return event instanceof TaskEvent.Message m && !(m.message() instanceof StreamMessage.Bar);
    }

    @Override
    public void stop() {
        Retrier starting = startRetrier;
        if (starting != null) {
            starting.stop();
        }
        Utils.closeQuietly(referenceData, "reference data poller", log);
        Utils.closeQuietly(recovery, "private stream recovery", log);
        if (queue != null) {
            queue.close();
        }
        Utils.closeQuietly(publicStream, "public stream", log);
        Utils.closeQuietly(privateStream, "private stream", log);
        Utils.closeQuietly(rest, "REST client", log);
        Utils.closeQuietly(metrics, "metrics", log);
    }
}
