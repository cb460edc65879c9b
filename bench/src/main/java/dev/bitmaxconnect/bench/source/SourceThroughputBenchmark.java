package dev.bitmaxconnect.bench.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import dev.bitmaxconnect.bench.cpu.ThreadCpu;
import dev.bitmaxconnect.bench.plot.BenchCsv;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.source.BitMaxSourceConnector;
import dev.bitmaxconnect.source.config.BitMaxSourceConfig;

/**
 * End-to-end load of the source connector: the simulator pushes trades and depth at rising rates into the
 * connector on a real Kafka (one broker, one Connect worker, in-process); measured are the records per second
 * appended to Kafka and the latency from the exchange's time of each event to its Kafka append time
 * (LogAppendTime topics). The baselines, in the same run:
 * <ul>
 * <li>a bare KafkaProducer sending the very payloads the connector wrote: paced at the rate each connector run
 * reached (its send-to-append latency), and unpaced (what Kafka takes on this machine);</li>
 * <li>a relay: the same simulator feed, at the same rate, read by bare OkHttp WebSockets (as many as the connector
 * has tasks, the subscriptions spread alike) whose frames go to a bare KafkaProducer each, as they are, with no
 * decoding, no schema and no Connect (what this feed can deliver into Kafka on this machine, and what a generic
 * WebSocket-to-Kafka bridge does).</li>
 * </ul>
 * The bare producers start from the settings a Connect worker gives a source task's producer (acks=all, one request
 * in flight, not idempotent), so that both sides send alike.
 *
 * Each run also reports the whole process's CPU time per record within its window (simulator, broker, worker and
 * benchmark share one JVM), the cost that bounds throughput on a machine with few cores, and for the median run of
 * each kind that time by thread ({@link ThreadCpu}): which part of the process a record costs, and how much of it
 * is kernel time.
 *
 * <p>Arguments: {@code --rates 1000,5000,10000 --seconds 10 --warmup 3 --feed market --tasks 1 --repeat 1
 * --producer key=value,... --compare key=value,...}. {@code --feed synthetic} makes the simulator send template depth and trades messages
 * instead of walking its market (a fraction of the cost per message, so that the feed is not the limit);
 * {@code --tasks} is the connector's {@code tasks.max} (its four subscriptions, depth and trades of two contracts,
 * are spread over the tasks); {@code --relay-sockets} the relay's WebSockets (default: as many as tasks);
 * {@code --repeat} runs every rate, and the unpaced producer, that many times and
 * reports the medians; {@code --producer} gives producer settings to the connector (as
 * {@code producer.override.*}) and to every bare producer alike; {@code --compare} also runs the connector with these
 * settings at every rate and round, right after the default run, and reports the ratio of the medians (e.g.
 * {@code depth.snapshot.enabled=false}, or {@code channels=trades;depth;book} for the book channel on: {@code ;}
 * stands for the list's commas); {@code --out results.csv} also writes every run as CSV ({@link BenchCsv}).
 *
 * <p>Records per second and latencies count the records of the trades and depth topics (depth snapshots
 * included), in every run: the book channel's records ({@code <prefix>.book}, at most one per symbol and
 * {@code book.interval.ms}) are derived from those and not counted, so that a comparison with the book on measures
 * what keeping the books costs the same stream.
 *
 * <p>{@code --compare value.format=exchange-json,value.converter=org.apache.kafka.connect.storage.StringConverter}
 * runs the connector writing the exchange's JSON text of each message (a connector may set its own converter). The
 * benchmark counts appended records, and the unit of a record differs: a typed record is one trade, an exchange-json
 * record one message, as the relay's is one frame. With {@code --feed synthetic} every trades message carries exactly
 * one trade, so all three count messages and compare; with {@code --feed market} a trades message may carry several
 * trades, and a typed run counts more records than messages (the report says so).
 */
public final class SourceThroughputBenchmark {
    /** Producer settings given to the connector (as {@code producer.override.}) and to every bare producer alike. */
    private static Map<String, String> producerSettings = Map.of();
    /** Connector settings of the comparison runs ({@code --compare}); none without them. */
    private static Map<String, String> compareSettings = Map.of();

    /** The repeated runs of one kind at one rate, summed up by their median throughput. */
    private record Repeats(List<RunResult> runs) {
        RunResult median() {
            List<RunResult> sorted = new ArrayList<>(runs);
            sorted.sort(Comparator.comparingDouble(RunResult::recordsPerSecond));
            return sorted.get(sorted.size() / 2);
        }
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(options(args));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // Worker, broker and client threads that linger must not keep the benchmark's JVM alive.
        System.exit(status);
    }

    private static void run(Map<String, String> options) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int[] rates = Arrays.stream(options.getOrDefault("rates", "1000,5000,10000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        boolean synthetic = switch (options.getOrDefault("feed", "market")) {
            case "market" -> false;
            case "synthetic" -> true;
            default -> throw new IllegalArgumentException("--feed must be market or synthetic, was " + options.get("feed"));
        };
        int tasks = Integer.parseInt(options.getOrDefault("tasks", "1"));
        int repeat = Integer.parseInt(options.getOrDefault("repeat", "1"));
        int relaySockets = Integer.parseInt(options.getOrDefault("relay-sockets", Integer.toString(tasks)));
        producerSettings = settings("producer", options.getOrDefault("producer", ""));
        compareSettings = settings("compare", options.getOrDefault("compare", ""));

        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("key.converter", StringConverter.class.getName());
        workerProps.put("value.converter", JsonConverter.class.getName());
        workerProps.put("value.converter.schemas.enable", "false");
        workerProps.put("offset.flush.interval.ms", "5000");
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder().name("source-bench")
                .numWorkers(1).numBrokers(1).workerProps(workerProps).build();
        connect.start();
        Map<Integer, Repeats> connectorRuns = new TreeMap<>();
        Map<Integer, Repeats> pacedRuns = new TreeMap<>();
        Map<Integer, Repeats> relayRuns = new TreeMap<>();
        Map<Integer, Repeats> compareRuns = new TreeMap<>();
        List<RunResult> unpacedRuns = new ArrayList<>();
        try {
            // One discarded run first, at the highest rate, so that no measured run pays for the JIT's warm-up.
            int highest = Arrays.stream(rates).max().orElseThrow();
            runConnector(connect, "warmup", highest, synthetic, tasks, seconds, warmup, Map.of());
            List<AppendedRecords.Payload> lastPayloads = List.of();
            int runNumber = 0;
            for (int round = 0; round < repeat; round++) {
                for (int rate : rates) {
                    String prefix = "bench" + (++runNumber) + "-" + rate;
                    ConnectorRun run = runConnector(connect, prefix, rate, synthetic, tasks, seconds, warmup, Map.of());
                    connectorRuns.computeIfAbsent(rate, r -> new Repeats(new ArrayList<>())).runs().add(run.result());
                    // The same payloads at the rate the connector achieved: the latency a bare producer gets here.
                    int achieved = (int) Math.max(1, Math.round(run.result().recordsPerSecond()));
                    pacedRuns.computeIfAbsent(rate, r -> new Repeats(new ArrayList<>())).runs()
                            .add(runProducer(connect, run.payloads(), achieved, prefix + "-bare-paced"));
                    relayRuns.computeIfAbsent(rate, r -> new Repeats(new ArrayList<>())).runs()
                            .add(Relay.run(connect, prefix + "-relay", rate, simulator(rate, synthetic), seconds,
                                    warmup, relaySockets, () -> bareProducerProps(connect)));
                    lastPayloads = run.payloads();
                    if (!compareSettings.isEmpty()) {
                        compareRuns.computeIfAbsent(rate, r -> new Repeats(new ArrayList<>())).runs().add(runConnector(connect,
                                prefix + "-compare", rate, synthetic, tasks, seconds, warmup, compareSettings).result());
                    }
                }
            }
            for (int round = 0; round < repeat; round++) {
                unpacedRuns.add(runProducer(connect, lastPayloads, 0, "bare-unpaced-" + round));
            }
        } finally {
            connect.stop();
        }
        report(synthetic, tasks, connectorRuns, pacedRuns, relayRuns, new Repeats(unpacedRuns));
        for (int rate : compareRuns.keySet()) {
            printRepeats("connector with " + compareSettings + ", sim " + rate + " msg/s", compareRuns.get(rate));
            if (!synthetic && compareSettings.containsKey(BitMaxSourceConfig.VALUE_FORMAT)) {
                System.out.println("note: with --feed market a typed record is a trade and an exchange-json record a "
                        + "message, which may carry several trades: the ratio compares different units (--feed synthetic "
                        + "sends one trade a message)");
            }
            double base = connectorRuns.get(rate).median().recordsPerSecond();
            double other = compareRuns.get(rate).median().recordsPerSecond();
            System.out.printf(Locale.ROOT, "throughput ratio at %d msg/s, connector (median) / connector with %s (median): "
                    + "%.0f / %.0f = %.3f%n", rate, compareSettings, base, other, base / other);
        }
        Map<String, Map<Integer, Repeats>> series = new TreeMap<>(Map.of("connector", connectorRuns,
                "bare producer, paced", pacedRuns, "relay", relayRuns, "bare producer", Map.of(0, new Repeats(unpacedRuns))));
        if (!compareRuns.isEmpty()) {
            series.put("connector with " + compareSettings, compareRuns);
        }
        writeCsv(BenchCsv.open(options.get("out"), "SourceThroughputBenchmark", options.toString()), series);
    }

    private static void writeCsv(BenchCsv csv, Map<String, Map<Integer, Repeats>> series) {
        series.forEach((name, byRate) -> byRate.forEach((rate, repeats) -> {
            for (int i = 0; i < repeats.runs().size(); i++) {
                RunResult r = repeats.runs().get(i);
                csv.row(name, rate, i + 1, r.recordsPerSecond(), r.latenciesMs(), r.cpuMicrosPerRecord());
            }
        }));
    }

    private static void report(boolean synthetic, int tasks, Map<Integer, Repeats> connectorRuns,
            Map<Integer, Repeats> pacedRuns, Map<Integer, Repeats> relayRuns, Repeats unpacedRuns) {
        System.out.println();
        System.out.printf(Locale.ROOT, "# Source connector vs bare KafkaProducer (same payloads, same broker, same run); "
                + "feed %s, tasks.max %d, producer settings %s%n", synthetic ? "synthetic" : "market", tasks,
                producerSettings.isEmpty() ? "(defaults)" : producerSettings);
        System.out.printf(Locale.ROOT, "%-48s %12s %8s %8s %10s %12s%n", "run", "records/s", "p50 ms", "p99 ms", "records",
                "CPU us/rec");
        for (int rate : connectorRuns.keySet()) {
            printRepeats("connector, sim " + rate + " msg/s", connectorRuns.get(rate));
            printRepeats("  bare producer, same payloads and rate", pacedRuns.get(rate));
            printRepeats("  relay WebSocket->producer, same feed", relayRuns.get(rate));
        }
        printRepeats("bare producer, unpaced", unpacedRuns);
        RunResult best = connectorRuns.values().stream().map(Repeats::median)
                .max(Comparator.comparingDouble(RunResult::recordsPerSecond)).orElseThrow();
        RunResult bestRelay = relayRuns.values().stream().map(Repeats::median)
                .max(Comparator.comparingDouble(RunResult::recordsPerSecond)).orElseThrow();
        RunResult unpaced = unpacedRuns.median();
        System.out.printf(Locale.ROOT, "throughput ratio, connector at %d msg/s (median) / bare producer unpaced (median): "
                + "%.0f / %.0f = %.3f%n", best.rate(), best.recordsPerSecond(), unpaced.recordsPerSecond(),
                best.recordsPerSecond() / unpaced.recordsPerSecond());
        System.out.printf(Locale.ROOT, "throughput ratio, connector at %d msg/s (median) / relay at %d msg/s (median; the "
                + "relay counts frames, a trades frame can carry several trades): %.0f / %.0f = %.3f%n", best.rate(),
                bestRelay.rate(), best.recordsPerSecond(), bestRelay.recordsPerSecond(),
                best.recordsPerSecond() / bestRelay.recordsPerSecond());
    }

    private static void printRepeats(String label, Repeats repeats) {
        if (repeats.runs().size() == 1) {
            print(label, repeats.runs().get(0));
        } else {
            for (int i = 0; i < repeats.runs().size(); i++) {
                print(label + " #" + (i + 1), repeats.runs().get(i));
            }
            print(label + ", median", repeats.median());
            // the median run is the one of median throughput; a latency's median is taken over the runs' own
            System.out.printf(Locale.ROOT, "%-48s %12s %8d %8d%n", label + ", median p50 and p99", "",
                    medianPercentile(repeats, 0.50), medianPercentile(repeats, 0.99));
        }
        RunResult median = repeats.median();
        if (!median.threads().isEmpty()) {
            System.out.println("  CPU of the " + (repeats.runs().size() == 1 ? "" : "median ") + "run by thread:");
            ThreadCpu.describe(median.threads(), median.records(), "record", 0.02).forEach(System.out::println);
        }
    }

    private static BitMaxSimulator.Builder simulator(int rate, boolean synthetic) {
        return BitMaxSimulator.builder().port(0).seed(42).marketDataRate(rate).syntheticMarketData(synthetic);
    }

    private record ConnectorRun(RunResult result, List<AppendedRecords.Payload> payloads) {
    }

    private static ConnectorRun runConnector(EmbeddedConnectCluster connect, String prefix, int rate, boolean synthetic,
            int tasks, int seconds, int warmup, Map<String, String> settings) throws Exception {
        List<String> topics = List.of(prefix + ".trades", prefix + ".depth");
        // the book topic exists for a comparison with the book channel on; its records are not counted
        for (String topic : List.of(topics.get(0), topics.get(1), prefix + ".book")) {
            connect.kafka().createTopic(topic, 1, 1, Map.of("message.timestamp.type", "LogAppendTime"));
        }
        try (BitMaxSimulator simulator = simulator(rate, synthetic).build().start()) {
            Map<String, String> config = new HashMap<>();
            config.put("connector.class", BitMaxSourceConnector.class.getName());
            config.put("tasks.max", Integer.toString(tasks));
            config.put("bitmax.rest.url", simulator.restUrl());
            config.put("bitmax.ws.url", simulator.wsUrl());
            config.put("symbols", "BTC-PERP,ETH-PERP");
            config.put("channels", "trades,depth");
            config.put("topic.prefix", prefix);
            producerSettings.forEach((key, value) -> config.put("producer.override." + key, value));
            config.putAll(settings);
            String name = prefix + "-connector";
            connect.configureConnector(name, config);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, tasks, "bench connector did not start");
            MeasuredWindow window = MeasuredWindow.measure(warmup, seconds);
            connect.deleteConnector(name);
            AppendedRecords appended = AppendedRecords.read(connect.kafka().bootstrapServers(), topics,
                    AppendedRecords.exchangeTimeField(config), window.start(), window.end());
            return new ConnectorRun(new RunResult(rate, appended.inWindow(), seconds, appended.sortedLatencies(),
                    window.cpuNanos(), window.threads()), appended.payloads());
        }
    }

    /** Sends the payloads with a plain producer ({@link #bareProducerProps}), unpaced or at a rate. */
    private static RunResult runProducer(EmbeddedConnectCluster connect, List<AppendedRecords.Payload> payloads,
            int ratePerSecond, String topic) throws Exception {
        connect.kafka().createTopic(topic, 1, 1, Map.of("message.timestamp.type", "LogAppendTime"));
        Map<String, Object> props = bareProducerProps(connect);
        long[] latencies = new long[payloads.size()];
        AtomicLong lastAck = new AtomicLong();
        CountDownLatch acked = new CountDownLatch(payloads.size());
        long start;
        ThreadCpu cpuStart;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.partitionsFor(topic);
            cpuStart = ThreadCpu.snapshot();
            start = System.nanoTime();
            for (int i = 0; i < payloads.size(); i++) {
                if (ratePerSecond > 0) {
                    long due = start + i * 1_000_000_000L / ratePerSecond;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                }
                AppendedRecords.Payload payload = payloads.get(i);
                int index = i;
                long sentAt = System.currentTimeMillis();
                producer.send(new ProducerRecord<>(topic, payload.key(), payload.value()), (metadata, error) -> {
                    if (error == null) {
                        latencies[index] = metadata.timestamp() - sentAt;
                    }
                    lastAck.set(System.nanoTime());
                    acked.countDown();
                });
            }
            acked.await(120, TimeUnit.SECONDS);
        }
        long cpu = ThreadCpu.snapshot().processNanosSince(cpuStart);
        double seconds = (lastAck.get() - start) / 1e9;
        Arrays.sort(latencies);
        // A paced run spins its sending thread between sends: its CPU time says nothing of the producer's cost.
        return new RunResult(ratePerSecond, payloads.size(), seconds, latencies, ratePerSecond > 0 ? -1 : cpu, List.of());
    }

    /**
     * A plain producer of bytes with the settings a Connect worker gives its source tasks' producers (acks=all, one
     * request in flight, not idempotent), plus {@code --producer}: the connector and the bare producers alike.
     */
    private static Map<String, Object> bareProducerProps(EmbeddedConnectCluster connect) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        props.putAll(producerSettings);
        return props;
    }

    private static void print(String label, RunResult r) {
        System.out.printf(Locale.ROOT, "%-48s %12.0f %8d %8d %10d %12s%n", label, r.recordsPerSecond(),
                percentile(r.latenciesMs(), 0.50), percentile(r.latenciesMs(), 0.99), r.records(),
                r.cpuNanos() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", r.cpuMicrosPerRecord()));
    }

    private static long medianPercentile(Repeats repeats, double p) {
        long[] values = repeats.runs().stream().mapToLong(r -> percentile(r.latenciesMs(), p)).sorted().toArray();
        return values[values.length / 2];
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** {@code key=value,key=value} settings of option {@code --<option>}. */
    private static Map<String, String> settings(String option, String list) {
        Map<String, String> settings = new TreeMap<>();
        for (String setting : list.split(",")) {
            if (!setting.isBlank()) {
                String[] keyValue = setting.split("=", 2);
                if (keyValue.length != 2) {
                    throw new IllegalArgumentException("--" + option + " takes key=value pairs, was " + setting);
                }
                // a list value's commas are written as ';' (the pairs are comma separated)
                settings.put(keyValue[0].trim(), keyValue[1].trim().replace(';', ','));
            }
        }
        return settings;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
