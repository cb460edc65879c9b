package dev.bitmaxconnect.bench.sink;

import dev.bitmaxconnect.bench.cpu.ThreadCpu;
import dev.bitmaxconnect.bench.plot.BenchCsv;
import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.model.Side;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.sink.BitMaxSinkConnector;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * Steady-state load of the sink connector: place commands produced to Kafka, measured from produce to the exchange's
 * acceptance (the simulator's ground truth). The orders are IOC buys below the book, canceled as soon as accepted,
 * so that neither the book nor the margin they hold grows over a long run. Each repetition, against the same simulator, runs in turn:
 * <ol>
 * <li>the limit: bare OkHttp loops, one per partition, sending pre-built batch requests of 10 orders (signed once a
 * second: the signature covers the timestamp and the path, not the body);</li>
 * <li>the connector unpaced: commands produced as fast as the connector takes them (at most {@code --lead} ahead of
 * the exchange's acceptances), orders accepted per second;</li>
 * <li>the connector paced at {@code --paced} commands/s: p50 and p99 from produce to acceptance.</li>
 * </ol>
 * Each phase runs {@code --warmup} seconds, not measured, then a window of {@code --window} seconds; a first
 * repetition, not counted, warms the JVM up. The report gives every repetition, then the medians with their spread
 * (min-max), and for the repetition of median ratio the CPU time of its limit and unpaced windows by thread
 * ({@link ThreadCpu}), per order. A sequential signed REST client (what a generic HTTP sink does) is measured once at
 * the start.
 *
 * <p>Arguments: {@code --runs 5 --warmup 5 --window 20 --paced 3000 --partitions 4 --lead 20000 --baseline 500};
 * {@code --out results.csv} also writes every counted repetition as CSV ({@link BenchCsv}).
 */
public final class SinkThroughputBenchmark {

    /** The prices the commands cycle through, as text. */
    private static final String[] PRICE_TEXTS = IntStream.range(0, 400).mapToObj(i -> price(i).toPlainString())
            .toArray(String[]::new);

    /**
     * One measured phase: orders in its window, produce-to-acceptance (or request) latencies, and the window's CPU
     * time by thread.
     */
    private record Phase(long orders, double seconds, long[] latenciesMs, List<ThreadCpu.Group> threads) {
        double perSecond() {
            return orders / seconds;
        }
    }

    /** One repetition: the limit, the connector unpaced and paced, one after the other. */
    private record Repetition(Phase limit, Phase unpaced, Phase paced) {
        double ratio() {
            return unpaced.perSecond() / limit.perSecond();
        }
    }

    private final BitMaxSimulator sim;
    private final int partitions;
    private final int warmupSeconds;
    private final int windowSeconds;
    private final int lead;
    private int pass;

    private SinkThroughputBenchmark(BitMaxSimulator sim, int partitions, int warmupSeconds, int windowSeconds,
                                    int lead) {
        this.sim = sim;
        this.partitions = partitions;
        this.warmupSeconds = warmupSeconds;
        this.windowSeconds = windowSeconds;
        this.lead = lead;
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(options(args));
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the embedded cluster and the loops' pools leave threads behind
    }

    private static void run(Map<String, String> options) throws Exception {
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int window = Integer.parseInt(options.getOrDefault("window", "20"));
        int paced = Integer.parseInt(options.getOrDefault("paced", "3000"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "4"));
        int lead = Integer.parseInt(options.getOrDefault("lead", "20000"));
        int baseline = Integer.parseInt(options.getOrDefault("baseline", "500"));

        BitMaxSimulator sim = BitMaxSimulator.builder().port(0).seed(SimulatorDefaults.SEED).marketDataRate(0)
                .apiKey(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET).build().start();
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("key.converter", StringConverter.class.getName());
        workerProps.put("value.converter", StringConverter.class.getName());
        workerProps.put("offset.flush.interval.ms", "2000");
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder().name("sink-bench")
                .numWorkers(1).numBrokers(1).workerProps(workerProps).build();
        connect.start();
        SinkThroughputBenchmark bench = new SinkThroughputBenchmark(sim, partitions, warmup, window, lead);
        List<Repetition> repetitions = new ArrayList<>();
        try {
            sequentialRest(sim, "w", Math.min(200, baseline));
            Phase sequential = sequentialRest(sim, "m", baseline);

            connect.kafka().createTopic("bench-commands", partitions);
            connect.kafka().createTopic("bench-results", 1);
            connect.configureConnector("bench-sink", connectorConfig(sim, connect.kafka().bootstrapServers()));
            connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning("bench-sink", 1, "not running");

            Map<String, Object> producerProps = new HashMap<>();
            producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers());
            producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                    new StringSerializer())) {
                // repetition 0 warms the JVM, the worker and the simulator up, and is not counted
                for (int r = 0; r <= runs; r++) {
                    Phase limit = bench.bareBatchLoops();
                    Phase unpaced = bench.connector(producer, 0);
                    Phase pacedRun = bench.connector(producer, paced);
                    Repetition rep = new Repetition(limit, unpaced, pacedRun);
                    if (r > 0) {
                        repetitions.add(rep);
                    }
                    System.out.printf(Locale.ROOT, "run %d%s: limit %.0f orders/s, connector unpaced %.0f orders/s "
                            + "(%.2f), at %d cmd/s p50 %d ms p99 %d ms (%.0f orders/s); load average %.1f%n", r,
                            r == 0 ? " (warm-up, not counted)" : "", limit.perSecond(), unpaced.perSecond(), rep.ratio(),
                            paced, percentile(pacedRun, 0.50), percentile(pacedRun, 0.99), pacedRun.perSecond(),
                            loadAverage());
                }
            }
            report(sequential, repetitions, runs, warmup, window, paced, partitions);
            writeCsv(BenchCsv.open(options.get("out"), "SinkThroughputBenchmark", options.toString()), sequential,
                    repetitions, paced);
        } finally {
            connect.stop();
            sim.close();
        }
    }

    private static Map<String, String> connectorConfig(BitMaxSimulator sim, String bootstrap) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", BitMaxSinkConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("topics", "bench-commands");
        config.put("bitmax.rest.url", sim.restUrl());
        config.put("bitmax.ws.url", sim.wsUrl());
        config.put("bitmax.api.key", SimulatorDefaults.API_KEY);
        config.put("bitmax.api.secret", SimulatorDefaults.API_SECRET);
        config.put("bitmax.requests.per.second", "100000");
        config.put("topic.results", "bench-results");
        config.put("results.producer.bootstrap.servers", bootstrap);
        config.put("batch.linger.ms", "5");
        config.put("consumer.override.max.poll.records", "2000");
        return config;
    }

    /** What a generic HTTP sink does: one signed request per command, one after the other. */
    private static Phase sequentialRest(BitMaxSimulator sim, String pass, int n) {
        try (BitMaxRestClient rest = new BitMaxRestClient(BitMaxClientConfig.builder().restUrl(sim.restUrl())
                .credentials(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET).requestsPerSecond(1_000_000)
                .build())) {
            rest.accountInfo();
            long[] lat = new long[n];
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                rest.placeOrder(NewOrderRequest.limit(String.format("seqrest%s%05d", pass, i), "BTC-PERP", Side.BUY,
                        price(i), new BigDecimal("0.001")));
                lat[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            }
            return new Phase(n, (System.nanoTime() - start) / 1e9, lat, List.of());
        }
    }

    /** The limit: pre-built batch requests of 10 orders, sent back to back by one bare OkHttp loop per partition. */
    private Phase bareBatchLoops() throws Exception {
        String prefix = "bare" + (++pass);
        int capacity = (warmupSeconds + windowSeconds) * 4_000; // batches for 40,000 orders/s
        // the bodies around each order's time, which the exchange wants within 30 s: filled in at sending
        List<String[]> bodies = new ArrayList<>(capacity);
        for (int b = 0; b < capacity; b++) {
            bodies.add(BatchRequests.parts(prefix, b));
        }
        OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        BatchRequests batches = new BatchRequests(sim.restUrl());
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long windowStart = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = windowStart + TimeUnit.SECONDS.toNanos(windowSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(partitions);
        List<Future<long[]>> loops = new ArrayList<>();
        for (int l = 0; l < partitions; l++) {
            loops.add(pool.submit(() -> {
                long[] lat = new long[capacity];
                int measured = 0;
                while (System.nanoTime() < end) {
                    int i = (int) next.getAndIncrement();
                    // beyond the pre-built ones (a quiet machine), a batch is built when needed
                    String[] batch = i < capacity ? bodies.get(i) : BatchRequests.parts(prefix, i);
                    long t0 = System.nanoTime();
                    try (Response r = http.newCall(batches.request(batch)).execute()) {
                        String text = r.body().string();
                        if (!text.startsWith("{\"code\":0")) {
                            throw new IllegalStateException("batch refused: " + text);
                        }
                    }
                    long t1 = System.nanoTime();
                    if (t1 >= windowStart && t1 < end) {
                        if (measured == lat.length) {
                            lat = Arrays.copyOf(lat, 2 * lat.length);
                        }
                        lat[measured++] = TimeUnit.NANOSECONDS.toMillis(t1 - t0);
                    }
                }
                return Arrays.copyOf(lat, measured);
            }));
        }
        ThreadCpu cpuStart = sleepUntil(windowStart);
        ThreadCpu cpuEnd = sleepUntil(end);
        List<long[]> latencies = new ArrayList<>();
        for (Future<long[]> loop : loops) {
            latencies.add(loop.get());
        }
        pool.shutdown();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        return new Phase(all.length * 10L, windowSeconds, all, cpuEnd.since(cpuStart));
    }

    /** Sleeps until {@code nanoTime}, then takes the threads' CPU times. */
    private static ThreadCpu sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        return ThreadCpu.snapshot();
    }

    /**
     * The connector at {@code rate} commands/s (0: as fast as it accepts them, at most {@link #lead} ahead): orders
     * accepted in the window, and the produce-to-acceptance latency of the commands produced in it.
     */
    private Phase connector(KafkaProducer<String, String> producer, int rate) throws InterruptedException {
        String prefix = "bk" + (++pass) + "x";
        Map<String, Long> producedAt = new ConcurrentHashMap<>();
        long acceptedBefore = accepted();
        long start = System.nanoTime();
        long windowStart = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = windowStart + TimeUnit.SECONDS.toNanos(windowSeconds);
        long acceptedAtWindowStart = -1;
        ThreadCpu cpuStart = null;
        ThreadCpu cpuEnd;
        long produced = 0;
        while (true) {
            long now = System.nanoTime();
            if (acceptedAtWindowStart < 0 && now >= windowStart) {
                acceptedAtWindowStart = accepted();
                cpuStart = ThreadCpu.snapshot();
            }
            if (now >= end) {
                cpuEnd = ThreadCpu.snapshot();
                break;
            }
            // wait by parking, never spinning: a spinning producer takes a core from the connector it measures
            if (rate > 0) {
                long due = start + (long) (produced * 1e9 / rate);
                if (now < due) {
                    LockSupport.parkNanos(due - now);
                    continue;
                }
            } else if (produced % 256 == 0 && produced - (accepted() - acceptedBefore) >= lead) {
                Thread.sleep(1);
                continue;
            }
            String id = prefix + produced;
            if (now >= windowStart) {
                producedAt.put(id, System.currentTimeMillis());
            }
            producer.send(new ProducerRecord<>("bench-commands", (int) (produced % partitions), null,
                    place(id, (int) produced)));
            produced++;
        }
        long acceptedInWindow = accepted() - acceptedAtWindowStart;
        producer.flush();
        long deadline = System.currentTimeMillis() + 120_000;
        while (accepted() - acceptedBefore < produced && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        if (accepted() - acceptedBefore < produced) {
            throw new IllegalStateException("the connector did not place every command within 120 s");
        }
        List<ThreadCpu.Group> threads = cpuEnd.since(cpuStart);
        if (rate == 0) {
            return new Phase(acceptedInWindow, windowSeconds, new long[0], threads);
        }
        List<Long> latencies = new ArrayList<>(producedAt.size());
        for (AcceptedOrder o : sim.groundTruth().acceptedOrders()) {
            Long at = producedAt.get(o.clientId());
            if (at != null) {
                latencies.add(o.acceptedAt() - at);
            }
        }
        return new Phase(acceptedInWindow, windowSeconds, latencies.stream().mapToLong(Long::longValue).toArray(),
                threads);
    }

    private long accepted() {
        return sim.groundTruth().counts().acceptedOrders();
    }

    /** Every counted repetition as CSV rows: offered 0 for the unpaced phases, {@code paced} for the paced one. */
    private static void writeCsv(BenchCsv csv, Phase sequential, List<Repetition> reps, int paced) {
        csv.row("sequential signed REST", 0, 1, sequential.perSecond(), sequential.latenciesMs(), Double.NaN);
        for (int i = 0; i < reps.size(); i++) {
            Repetition rep = reps.get(i);
            csv.row("bare batch loops (limit)", 0, i + 1, rep.limit().perSecond(), rep.limit().latenciesMs(), Double.NaN);
            csv.row("connector", 0, i + 1, rep.unpaced().perSecond(), rep.unpaced().latenciesMs(), Double.NaN);
            csv.row("connector", paced, i + 1, rep.paced().perSecond(), rep.paced().latenciesMs(), Double.NaN);
        }
    }

    private static void report(Phase sequential, List<Repetition> reps, int runs, int warmup, int window, int paced,
                               int partitions) {
        System.out.println();
        System.out.printf(Locale.ROOT, "# Sink connector vs the bare limit, %d partitions: %d repetitions of %d s "
                + "warm-up + %d s window per phase; medians (min-max)%n", partitions, runs, warmup, window);
        System.out.printf(Locale.ROOT, "sequential signed REST, 1 per command : %,.0f orders/s (once, %d orders)%n",
                sequential.perSecond(), sequential.orders());
        System.out.println("bare OkHttp batch loops (the limit)   : "
                + spread(reps.stream().mapToDouble(r -> r.limit().perSecond()).toArray(), "%,.0f") + " orders/s");
        System.out.println("connector unpaced                     : "
                + spread(reps.stream().mapToDouble(r -> r.unpaced().perSecond()).toArray(), "%,.0f") + " orders/s");
        System.out.println("connector / limit                     : "
                + spread(reps.stream().mapToDouble(Repetition::ratio).toArray(), "%.2f") + " (target >= 0.9)");
        System.out.println("connector at " + paced + " cmd/s, p50              : "
                + spread(reps.stream().mapToDouble(r -> percentile(r.paced(), 0.50)).toArray(), "%.0f") + " ms");
        System.out.println("connector at " + paced + " cmd/s, p99              : "
                + spread(reps.stream().mapToDouble(r -> percentile(r.paced(), 0.99)).toArray(), "%.0f")
                + " ms (target < 100 ms)");
        System.out.printf(Locale.ROOT, "connector / sequential REST           : %.1fx%n",
                median(reps.stream().mapToDouble(r -> r.unpaced().perSecond()).toArray()) / sequential.perSecond());
        List<Repetition> byRatio = new ArrayList<>(reps);
        byRatio.sort(Comparator.comparingDouble(Repetition::ratio));
        Repetition median = byRatio.get(byRatio.size() / 2);
        System.out.println("CPU of the median repetition's limit by thread:");
        ThreadCpu.describe(median.limit().threads(), median.limit().orders(), "order", 0.02).forEach(System.out::println);
        System.out.println("CPU of the median repetition's connector, unpaced, by thread:");
        ThreadCpu.describe(median.unpaced().threads(), median.unpaced().orders(), "order", 0.02)
                .forEach(System.out::println);
    }

    private static String spread(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", median(sorted), sorted[0],
                sorted[sorted.length - 1]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long percentile(Phase phase, double p) {
        long[] sorted = phase.latenciesMs().clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * The place command of client id {@code id} at the {@code i}-th price, written by concatenation: the benchmark's
     * producer shares the two cores with what it measures, and {@code String.format} cost it a microsecond a command.
     */
    private static String place(String id, int i) {
        return "{\"action\":\"place\",\"id\":\"" + id + "\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"" + PRICE_TEXTS[i % PRICE_TEXTS.length]
                + "\",\"orderQty\":\"0.001\",\"timeInForce\":\"IOC\"}";
    }

    static BigDecimal price(int i) {
        return new BigDecimal("20000").add(new BigDecimal("0.25").multiply(BigDecimal.valueOf(i % 400)));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
