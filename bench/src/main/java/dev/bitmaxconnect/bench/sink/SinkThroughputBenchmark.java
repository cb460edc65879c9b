package dev.bitmaxconnect.bench.sink;

import dev.bitmaxconnect.bench.plot.BenchCsv;
import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.KeyEncoding;
import dev.bitmaxconnect.client.auth.RequestSigner;
import dev.bitmaxconnect.client.BitMaxCredentials;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.model.Side;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.sink.BitMaxSinkConnector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * End-to-end load of the sink connector: place commands produced to Kafka at rising rates, measured from
 * produce to the exchange's acceptance (the simulator's ground truth {@code acceptedAt}). Two baselines in
 * the same run against the same simulator: one signed REST request per command, sequential (what a generic
 * HTTP sink does), and bare OkHttp loops sending pre-built, pre-signed batch requests of 10 orders (the
 * limit), as many loops as the connector has partitions.
 *
 * <p>Arguments: {@code --rates 500,1000,2000,0 --commands 3000 --partitions 4 --baseline 1000} (rate 0 =
 * produce as fast as possible); {@code --out results.csv} also writes the runs as CSV ({@link BenchCsv}).
 */
public final class SinkThroughputBenchmark {

    private static final String PLACE = "{\"action\":\"place\",\"id\":\"%s\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
            + "\"orderType\":\"Limit\",\"price\":\"%s\",\"orderQty\":\"0.001\"}";

    private record Run(String label, long orders, double seconds, long[] latenciesMs) {
        double perSecond() {
            return orders / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int[] rates = Arrays.stream(options.getOrDefault("rates", "500,1000,2000,0").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int commands = Integer.parseInt(options.getOrDefault("commands", "3000"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "4"));
        int baseline = Integer.parseInt(options.getOrDefault("baseline", "1000"));

        BitMaxSimulator sim = BitMaxSimulator.builder().port(0).seed(SimulatorDefaults.SEED).marketDataRate(0)
                .apiKey(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET).build().start();
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("key.converter", StringConverter.class.getName());
        workerProps.put("value.converter", StringConverter.class.getName());
        workerProps.put("offset.flush.interval.ms", "2000");
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder().name("sink-bench")
                .numWorkers(1).numBrokers(1).workerProps(workerProps).build();
        connect.start();
        List<Run> runs = new ArrayList<>();
        try {
            // Warm-ups first (JIT, connections), so that the baselines are not measured cold.
            sequentialRest(sim, "w", Math.min(200, baseline));
            bareBatchLoops(sim, "w", Math.min(1000, commands), partitions);
            Run sequential = sequentialRest(sim, "m", baseline);
            Run limit = bareBatchLoops(sim, "m", commands, partitions);

            connect.kafka().createTopic("bench-commands", partitions);
            connect.kafka().createTopic("bench-results", 1);
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
            config.put("results.producer.bootstrap.servers", connect.kafka().bootstrapServers());
            config.put("batch.linger.ms", "5");
            config.put("consumer.override.max.poll.records", "2000");
            connect.configureConnector("bench-sink", config);
            connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning("bench-sink", 1, "not running");

            Map<String, Object> producerProps = new HashMap<>();
            producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers());
            producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                    new StringSerializer())) {
                runConnector(sim, producer, "warm", 0, Math.min(1000, commands), partitions); // JIT, connections
                for (int rate : rates) {
                    runs.add(runConnector(sim, producer, "r" + rate, rate, commands, partitions));
                }
            }

            BenchCsv csv = BenchCsv.open(options.get("out"), "SinkThroughputBenchmark", String.join(" ", args));
            csv.row("sequential signed REST", 0, 1, sequential.perSecond(), sequential.latenciesMs(), Double.NaN);
            csv.row("bare batch loops (limit)", 0, 1, limit.perSecond(), limit.latenciesMs(), Double.NaN);
            for (int i = 0; i < runs.size(); i++) {
                csv.row("connector", rates[i], 1, runs.get(i).perSecond(), runs.get(i).latenciesMs(), Double.NaN);
            }
            System.out.println();
            System.out.println("# Sink connector vs baselines (same simulator, same run; latency = produce to exchange"
                    + " acceptance)");
            System.out.printf(Locale.ROOT, "%-44s %12s %9s %9s %8s%n", "run", "orders/s", "p50 ms", "p99 ms", "orders");
            print(sequential);
            print(limit);
            double best = 0;
            for (Run r : runs) {
                print(r);
                best = Math.max(best, r.perSecond());
            }
            System.out.printf(Locale.ROOT, "%nbest connector / sequential REST = %.1fx (target >= 5x)%n",
                    best / sequential.perSecond());
            System.out.printf(Locale.ROOT, "best connector / bare batch loops = %.0f%% (target >= 60%%)%n",
                    100 * best / limit.perSecond());
        } finally {
            connect.stop();
            sim.close();
        }
        System.exit(0);
    }

    /** What a generic HTTP sink does: one signed request per command, one after the other. */
    private static Run sequentialRest(BitMaxSimulator sim, String pass, int n) {
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
            return new Run("sequential signed REST, 1 per command", n, seconds(start), lat);
        }
    }

    /** The limit: pre-built, pre-signed batch requests of 10 orders, sent by bare OkHttp loops. */
    private static Run bareBatchLoops(BitMaxSimulator sim, String pass, int n, int loops) throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        RequestSigner signer = new RequestSigner(BitMaxCredentials.of(SimulatorDefaults.API_KEY,
                SimulatorDefaults.API_SECRET), KeyEncoding.RAW);
        String url = sim.restUrl() + "/" + SimulatorDefaults.ACCOUNT_GROUP + "/api/pro/v2/futures/order/batch";
        long now = System.currentTimeMillis();
        List<Request> requests = new ArrayList<>();
        for (int b = 0; b < n / 10; b++) {
            StringBuilder body = new StringBuilder("{\"orders\":[");
            for (int i = 0; i < 10; i++) {
                int k = b * 10 + i;
                body.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"id\":\"bare%s%06d\",\"time\":%d,\"symbol\":\"BTC-PERP\",\"orderPrice\":\"%s\","
                                + "\"orderQty\":\"0.001\",\"orderType\":\"Limit\",\"side\":\"Buy\"}",
                        pass, k, now, price(k).toPlainString()));
            }
            body.append("]}");
            requests.add(new Request.Builder().url(url)
                    .header(RequestSigner.HEADER_KEY, SimulatorDefaults.API_KEY)
                    .header(RequestSigner.HEADER_TIMESTAMP, Long.toString(now))
                    .header(RequestSigner.HEADER_SIGNATURE, signer.sign(now, "v2/futures/order/batch"))
                    .post(RequestBody.create(body.toString(), MediaType.get("application/json"))).build());
        }
        long[] lat = new long[requests.size()];
        ExecutorService pool = Executors.newFixedThreadPool(loops);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int l = 0; l < loops; l++) {
            int loop = l;
            futures.add(pool.submit(() -> {
                for (int i = loop; i < requests.size(); i += loops) {
                    long t0 = System.nanoTime();
                    try (Response r = http.newCall(requests.get(i)).execute()) {
                        String text = r.body().string();
                        if (!text.startsWith("{\"code\":0")) {
                            throw new IllegalStateException("batch refused: " + text);
                        }
                    }
                    lat[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double secs = seconds(start);
        pool.shutdown();
        return new Run("bare OkHttp batch loops x" + loops + " (the limit)", requests.size() * 10L, secs, lat);
    }

    private static Run runConnector(BitMaxSimulator sim, KafkaProducer<String, String> producer, String step, int rate,
                                    int n, int partitions) throws InterruptedException {
        Map<String, Long> producedAt = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long firstMs = System.currentTimeMillis();
        for (int i = 0; i < n; i++) {
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
            }
            String id = String.format("%s%s%07d", "bk", step, i);
            String id9 = id.length() < 9 ? id + "000000000".substring(id.length()) : id;
            producedAt.put(id9, System.currentTimeMillis());
            producer.send(new ProducerRecord<>("bench-commands", i % partitions, null,
                    String.format(Locale.ROOT, PLACE, id9, price(i).toPlainString())));
        }
        producer.flush();
        Map<String, Long> acceptedAt = new HashMap<>();
        long deadline = System.currentTimeMillis() + 120_000;
        while (acceptedAt.size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            for (AcceptedOrder o : sim.groundTruth().acceptedOrders()) {
                if (producedAt.containsKey(o.clientId())) {
                    acceptedAt.put(o.clientId(), o.acceptedAt());
                }
            }
        }
        long last = acceptedAt.values().stream().mapToLong(Long::longValue).max().orElse(firstMs);
        long[] lat = acceptedAt.entrySet().stream().mapToLong(e -> e.getValue() - producedAt.get(e.getKey())).toArray();
        String label = "connector, " + partitions + " partitions, " + (rate > 0 ? rate + " cmd/s" : "unpaced");
        return new Run(label, acceptedAt.size(), Math.max(last - firstMs, 1) / 1000.0, lat);
    }

    private static BigDecimal price(int i) {
        return new BigDecimal("20000").add(new BigDecimal("0.25").multiply(BigDecimal.valueOf(i % 400)));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(Run r) {
        long[] sorted = r.latenciesMs().clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-44s %12.0f %9d %9d %8d%n", r.label(), r.perSecond(), percentile(sorted, 0.50),
                percentile(sorted, 0.99), r.orders());
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
