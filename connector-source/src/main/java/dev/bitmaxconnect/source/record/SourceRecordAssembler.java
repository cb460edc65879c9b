package dev.bitmaxconnect.source.record;

import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.source.config.BitMaxSourceConfig;
import dev.bitmaxconnect.source.config.Channel;
import dev.bitmaxconnect.source.metrics.SourceTaskMetrics;
import dev.bitmaxconnect.source.stream.EventQueue;
import dev.bitmaxconnect.source.stream.NotFinalOrders;
import dev.bitmaxconnect.source.stream.PrivateEvent;
import dev.bitmaxconnect.source.stream.PrivateStreamReconciler;
import dev.bitmaxconnect.source.stream.SequenceTracker;
import dev.bitmaxconnect.source.stream.TaskEvent;

/**
 * Turns the events a task's streams queued into source records, on the poll thread: maps each message, drops
 * repeats (at or below the last emitted or committed sequence), marks gaps, and lets private events through the
 * {@link PrivateStreamReconciler}. With {@code value.format=exchange-json} a market-data message's value is the text of
 * its frame, one record per message ({@link ExchangeJsonValues}); everything else about the record stays the same.
 */
public final class SourceRecordAssembler {
    private static final Logger log = LoggerFactory.getLogger(SourceRecordAssembler.class);
    private static final int MAX_LOGGED_CHARS = 300;

    private final BitMaxSourceConfig config;
    private final SourceTaskMetrics metrics;
    private final RecordSchemas schemas;
    private final MarketDataMapper marketData;
    private final PrivateDataMapper privateData;
    private final SequenceTracker depth = new SequenceTracker();
    private final SequenceTracker trades = new SequenceTracker();
    private final PrivateStreamReconciler reconciler;
    private final NotFinalOrders notFinalOrders = new NotFinalOrders();
    private final Map<Channel, String> topics = new EnumMap<>(Channel.class);
    private final Map<Channel, Map<String, Map<String, String>>> marketPartitions = new EnumMap<>(Channel.class);
    private long privateLosses;
    /** Puts a snapshot before each symbol's depth updates; null when depth snapshots are off. */
    private DepthSnapshotGate depthSnapshots;
    private final List<DepthSnapshotGate.DepthRecord> depthReleased = new ArrayList<>();
    /** The book channel, fed from the depth records; null when it is off. */
    private final BookChannel book;
    /** Whether depth records are written; with only the book channel, depth is read for the book alone. */
    private final boolean writesDepth;
    /** {@code record.headers=gap}: market-data records carry only the gap marker. */
    private final boolean marketHeadersGapOnly;

    public SourceRecordAssembler(BitMaxSourceConfig config, DecimalFormat decimals, SourceTaskMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.schemas = new RecordSchemas(decimals);
        this.marketData = new MarketDataMapper(schemas, decimals);
        this.privateData = new PrivateDataMapper(schemas, decimals);
        this.reconciler = new PrivateStreamReconciler(Math.max(10_000, config.queueCapacity()));
        for (Channel channel : Channel.values()) {
            topics.put(channel, config.topicFor(channel));
        }
        this.writesDepth = config.channels().contains(Channel.DEPTH);
        this.marketHeadersGapOnly = !config.allRecordHeaders();
        this.book = config.channels().contains(Channel.BOOK) ? new BookChannel(schemas, decimals,
                config.topicFor(Channel.BOOK), config.bookLevels(), config.bookIntervalMs(), System::currentTimeMillis)
                : null;
    }

    /** The source partition of a market-data stream, built once per channel and symbol. */
    private Map<String, String> marketPartition(Channel channel, String symbol) {
        return marketPartitions.computeIfAbsent(channel, c -> new HashMap<>())
                .computeIfAbsent(symbol, s -> SourcePartitions.market(channel.exchangeName(), s));
    }

    /**
     * Writes a snapshot of each symbol's whole book to the depth topic before its updates, asked for through
     * {@code requester}; an unanswered request is sent again after {@code requestTimeoutMs}.
     */
    public void depthSnapshots(DepthSnapshotGate.Requester requester, long requestTimeoutMs) {
        depthSnapshots = new DepthSnapshotGate(requester, Math.max(10_000, config.queueCapacity()), requestTimeoutMs,
                System::currentTimeMillis);
    }

    public RecordSchemas schemas() {
        return schemas;
    }

    /** Continues a depth or trades stream after the sequence number committed for it. */
    public void resumeMarket(Channel channel, String symbol, long committedSeqnum) {
        tracker(channel).resumeFrom(symbol, committedSeqnum);
    }

    /** Continues a private stream after the sequence number committed for it. */
    public void resumePrivate(PrivateEvent.Kind kind, long committedSn) {
        reconciler.resumeFrom(kind, committedSn);
    }

    /** The order states emitted last, whose ring of source partitions a restart reads back. */
    public EmittedOrderStates emittedOrders() {
        return reconciler.emittedOrders();
    }

    /** What the recovery of each private session looks up by orderId: the orders the topic shows as not final. */
    public NotFinalOrders notFinalOrders() {
        return notFinalOrders;
    }

    /** The private stream is starting: hold its events until the first recovery arrives. */
    public void privateStreamStarting() {
        privateSessionStarted();
    }

    private void privateSessionStarted() {
        reconciler.sessionStarted();
        notFinalOrders.publish(privateLosses, reconciler.emittedOrders().notFinalOrderIds());
    }

    /** Streams that lost messages to a full queue: their next record is marked with a gap. */
    public void messagesDropped(Iterable<EventQueue.Stream> streams) {
        for (EventQueue.Stream stream : streams) {
            if (stream.channel() == Channel.DEPTH || stream.channel() == Channel.TRADES) {
                tracker(stream.channel()).interrupted(stream.symbol());
            }
            if (stream.channel() == Channel.DEPTH && depthSnapshots != null) {
                depthSnapshots.messagesLost(stream.symbol());
            }
            if (stream.channel() == Channel.DEPTH && book != null) {
                book.interrupted(stream.symbol());
            }
        }
    }

    /** Appends the records an event yields; throws {@link ConnectException} for a fatal event. */
    public void assemble(TaskEvent event, List<SourceRecord> out) {
        if (event instanceof TaskEvent.Message message) {
            metrics.messageIn();
            try {
                assembleMessage(message.message(), message.frameText(), out);
            } catch (MessageMappingException | DataException e) {
                metrics.undecodable();
                log.warn("Skipped a {} message that cannot be mapped: {}; message: {}", message.message().type(),
                        e.getMessage(), truncated(message.message()));
            }
        } else if (event instanceof TaskEvent.SessionLost lost) {
            if (lost.privateStream()) {
                privateLosses++;
                privateSessionStarted();
            } else {
                depth.interruptedAll();
                trades.interruptedAll();
                if (depthSnapshots != null) {
                    depthSnapshots.sessionLost();
                }
                if (book != null) {
                    book.interruptedAll();
                }
            }
        } else if (event instanceof TaskEvent.Recovery recovery) {
            metrics.messageIn();
            if (recovery.generation() < privateLosses) {
                reconciler.onStaleRecovery(recovery.events());
            } else {
                for (PrivateEvent privateEvent : reconciler.onRecovery(recovery.events())) {
                    emitPrivate(privateEvent, out);
                }
            }
        } else if (event instanceof TaskEvent.Records records) {
            out.addAll(records.records());
        } else if (event instanceof TaskEvent.Fatal fatal) {
            throw new ConnectException(fatal.message(), fatal.cause());
        }
    }

    /** {@code frameText}: the value of a market-data record with {@code value.format=exchange-json}, else null. */
    private void assembleMessage(StreamMessage message, String frameText, List<SourceRecord> out) {
        if (message instanceof StreamMessage.Trades t && frameText != null) {
            ExchangeJsonValues.Sequenced last = ExchangeJsonValues.trades(t);
            emitSequenced(Channel.TRADES, last.symbol(), last.seqnum(), last.time(), frameText, out);
        } else if (message instanceof StreamMessage.Trades t) {
            String symbol = t.symbol();
            if (t.data() == null || symbol == null) {
                throw new MessageMappingException("trades", t.data() == null ? "data" : "symbol", null);
            }
            for (StreamMessage.Trade trade : t.data()) {
                if (trade == null) {
                    throw new MessageMappingException("trades", "data", null);
                }
                Struct value = marketData.trade(symbol, trade, false);
                emitSequenced(Channel.TRADES, symbol, trade.seqnum(), trade.ts(), value, out);
            }
        } else if (message instanceof StreamMessage.DepthUpdate d) {
            Object value = frameText != null ? frameText : marketData.depth(d, false);
            DepthSnapshotGate.DepthRecord update = depthRecord("depth", d.symbol(), d.data(), value, false);
            if (depthSnapshots == null) {
                emitSequenced(Channel.DEPTH, update.symbol(), update.seqnum(), update.time(), value, out);
            } else {
                depthSnapshots.onUpdate(update, depthReleased);
                emitDepth(out);
            }
        } else if (message instanceof StreamMessage.DepthSnapshot s) {
            if (depthSnapshots != null) {
                Object value = frameText != null ? frameText : marketData.depthSnapshot(s);
                depthSnapshots.onSnapshot(depthRecord("depth-snapshot", s.symbol(), s.data(), value, true),
                        depth.last(s.symbol()), depthReleased);
                emitDepth(out);
            }
        } else if (message instanceof StreamMessage.Bbo b) {
            Object value = frameText != null ? frameText : marketData.bbo(b);
            long ts = frameText != null ? ExchangeJsonValues.bboTime(b) : b.data().ts();
            out.add(destination(Channel.BBO, marketPartition(Channel.BBO, b.symbol()), SourcePartitions.timeOffset(ts))
                    .record(b.symbol(), value, ts, marketHeaders("bbo", null, false)));
        } else if (message instanceof StreamMessage.Bar b) {
            Object value = frameText != null ? frameText : marketData.bar(b);
            long ts = frameText != null ? ExchangeJsonValues.barTime(b) : b.data().ts();
            out.add(destination(Channel.BAR, SourcePartitions.bar(b.symbol(), b.data().interval()),
                    SourcePartitions.timeOffset(ts)).record(b.symbol(), value, ts, marketHeaders("bar", null, false)));
        } else if (message instanceof StreamMessage.PricingData p) {
            Object value = frameText != null ? frameText : marketData.pricing(p);
            long ts = frameText != null ? ExchangeJsonValues.pricingTime(p) : ((Date) ((Struct) value).get("time")).getTime();
            out.add(destination(Channel.PRICING, SourcePartitions.pricing(), SourcePartitions.timeOffset(ts))
                    .record(Channel.PRICING.exchangeName(), value, ts, marketHeaders("futures-pricing-data", null, false)));
        } else if (message instanceof StreamMessage.OrderReport o) {
            if (!config.channels().contains(Channel.ORDER)) {
                return;
            }
            privateData.order(o); // validates (the time too) before the event takes part in sequencing
            for (PrivateEvent event : reconciler.onStreamEvent(PrivateEvent.order(o))) {
                emitPrivate(event, out);
            }
        } else if (message instanceof StreamMessage.AccountUpdate a) {
            if (!config.channels().contains(Channel.ACCOUNT)) {
                return;
            }
            privateData.accountUpdate(a);
            for (PrivateEvent event : reconciler.onStreamEvent(PrivateEvent.account(a.accountId(), a.sn(), true, a))) {
                emitPrivate(event, out);
            }
        } else if (message instanceof StreamMessage.Unknown u) {
            metrics.undecodable();
            log.warn("Skipped a message that cannot be decoded: {}", truncate(u.raw()));
        } else if (message instanceof StreamMessage.ErrorMessage e) {
            log.warn("The exchange reported an error: code {} reason {} {}", e.code(), e.reason(),
                    truncate(e.info() != null ? e.info() : e.error()));
        }
    }

    /** Appends the book records whose interval has passed since a change: called on every poll, busy or idle. */
    public void writeDueBooks(List<SourceRecord> out) {
        if (book != null) {
            book.writeDue(out);
        }
    }

    /**
     * Emits a depth or trades record unless it repeats one at or below the last sequence number emitted or committed;
     * a gap before it is counted and marked in its headers, and in its value when typed (the exchange's text has no
     * such field).
     */
    private void emitSequenced(Channel channel, String symbol, long seqnum, long time, Object value, List<SourceRecord> out) {
        SourceRecord record = sequenced(channel, symbol, seqnum, time, value);
        if (record != null) {
            out.add(record);
        }
    }

    /** The record of a depth or trades message, or null for a repeat (see {@link #emitSequenced}). */
    private SourceRecord sequenced(Channel channel, String symbol, long seqnum, long time, Object value) {
        SequenceTracker.Verdict verdict = tracker(channel).accept(symbol, seqnum);
        if (verdict == SequenceTracker.Verdict.REPEAT) {
            return null;
        }
        boolean gap = verdict == SequenceTracker.Verdict.EMIT_AFTER_GAP;
        if (gap) {
            metrics.gap();
            markGap(value);
        }
        return destination(channel, marketPartition(channel, symbol),
                SourcePartitions.sequenceOffset(SourcePartitions.SEQNUM, seqnum, time))
                .record(symbol, value, time, marketHeaders(channel.exchangeName(), seqnum, gap));
    }

    /** A depth update or snapshot of {@code type}; its fields were checked by the typed mapping, or are checked here. */
    private static DepthSnapshotGate.DepthRecord depthRecord(String type, String symbol, StreamMessage.DepthData data,
            Object value, boolean snapshot) {
        ExchangeJsonValues.Sequenced at = ExchangeJsonValues.depth(type, symbol, data);
        return new DepthSnapshotGate.DepthRecord(at.symbol(), at.seqnum(), at.time(), value, snapshot);
    }

    private static void markGap(Object value) {
        if (value instanceof Struct typed) {
            typed.put("gapBefore", true);
        }
    }

    /**
     * Emits what the depth snapshot gate let through: a snapshot, then the updates that follow it; the book channel
     * applies each record emitted, written to the depth topic or not.
     */
    private void emitDepth(List<SourceRecord> out) {
        for (DepthSnapshotGate.DepthRecord released : depthReleased) {
            SourceRecord record = released.snapshot() ? depthSnapshot(released)
                    : sequenced(Channel.DEPTH, released.symbol(), released.seqnum(), released.time(), released.value());
            if (record == null) {
                continue;
            }
            if (writesDepth) {
                out.add(record);
            }
            if (book != null) {
                // the book channel is refused with value.format=exchange-json, so its depth values are typed
                book.onDepth((Struct) released.value(), released.time(), out);
            }
        }
        depthReleased.clear();
    }

    private SourceRecord depthSnapshot(DepthSnapshotGate.DepthRecord released) {
        boolean gap = depth.snapshotAt(released.symbol(), released.seqnum());
        if (gap) {
            metrics.gap();
            markGap(released.value());
        }
        log.debug("Depth snapshot of {} at seqnum {}", released.symbol(), released.seqnum());
        return destination(Channel.DEPTH, marketPartition(Channel.DEPTH, released.symbol()),
                SourcePartitions.sequenceOffset(SourcePartitions.SEQNUM, released.seqnum(), released.time()))
                .record(released.symbol(), released.value(), released.time(),
                        marketHeaders("depth-snapshot", released.seqnum(), gap));
    }

    private void emitPrivate(PrivateEvent event, List<SourceRecord> out) {
        Object message = event.message();
        if (message instanceof StreamMessage.OrderReport o) {
            Struct value = privateData.order(o);
            out.add(destination(Channel.ORDER, orderSlot(o.accountId(), event.emission()),
                    SourcePartitions.orderOffset(o.sn(), event.emission()))
                    .record(o.accountId(), value, o.lastExecTime(), orderHeaders(o.sn(), PrivateDataMapper.SOURCE_STREAM)));
        } else if (message instanceof OrderInfo o) {
            if (!config.channels().contains(Channel.ORDER)) {
                return;
            }
            Struct value = privateData.order(o);
            long time = ((Date) value.get("lastExecTime")).getTime();
            metrics.recoveredOrderState();
            out.add(destination(Channel.ORDER, orderSlot(o.accountId(), event.emission()),
                    SourcePartitions.orderOffset(o.seqNum(), event.emission()))
                    .record(o.accountId(), value, time, orderHeaders(o.seqNum(), PrivateDataMapper.SOURCE_RECOVERY)));
        } else if (message instanceof StreamMessage.AccountUpdate a) {
            Struct value = privateData.accountUpdate(a);
            out.add(accountDestination(a.accountId(), a.sn(), a.time()).record(a.accountId(), value, a.time(),
                    RecordHeaders.of("futures-account-update").withSequence(a.sn()).withOrigin("update")));
        } else if (message instanceof StreamMessage.AccountSnapshot s) {
            Struct value = privateData.accountSnapshot(s);
            out.add(accountDestination(s.accountId(), s.sn(), s.time()).record(s.accountId(), value, s.time(),
                    RecordHeaders.of("futures-account-snapshot").withSequence(s.sn()).withOrigin("snapshot")));
        }
    }

    private Map<String, String> orderSlot(String accountId, EmittedOrderStates.Entry emission) {
        return SourcePartitions.orderSlot(accountId, emission.slot(reconciler.emittedOrders().slots()));
    }

    /** The headers of a market-data record: all of them, or only the gap marker ({@code record.headers=gap}). */
    private RecordHeaders marketHeaders(String channel, Long sequence, boolean gap) {
        if (marketHeadersGapOnly) {
            return RecordHeaders.gapOnly(gap);
        }
        RecordHeaders headers = RecordHeaders.of(channel).withGap(gap);
        return sequence == null ? headers : headers.withSequence(sequence);
    }

    private RecordDestination destination(Channel channel, Map<String, ?> partition, Map<String, ?> offset) {
        return new RecordDestination(topics.get(channel), partition, offset);
    }

    /** Account updates and snapshots share one stream, and so one source partition, ordered by {@code sn}. */
    private RecordDestination accountDestination(String accountId, long sn, long time) {
        return destination(Channel.ACCOUNT, SourcePartitions.account("futures-account-update", accountId),
                SourcePartitions.sequenceOffset(SourcePartitions.SN, sn, time));
    }

    private static RecordHeaders orderHeaders(long sn, String origin) {
        return RecordHeaders.of("futures-order").withSequence(sn).withOrigin(origin);
    }

    private SequenceTracker tracker(Channel channel) {
        return channel == Channel.DEPTH ? depth : trades;
    }

    private static String truncated(StreamMessage message) {
        return truncate(String.valueOf(message));
    }

    static String truncate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_LOGGED_CHARS ? text : text.substring(0, MAX_LOGGED_CHARS) + "...(" + text.length() + " chars)";
    }
}
