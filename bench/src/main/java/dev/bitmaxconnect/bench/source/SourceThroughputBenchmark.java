package dev.bitmaxconnect.bench.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.source.BitMaxSourceConnector;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * End-to-end load of the source connector: the simulator pushes trades and depth at rising rates into the
 * connector on a real Kafka (one broker, one Connect worker, in-process); measured are the records per second
 * appended to Kafka and the latency from the exchange's time of each event to its Kafka append time
 * (LogAppendTime topics). The baselines, in the same run:
 * <ul>
 * <li>a bare KafkaProducer sending the very payloads the connector wrote: paced at the rate each connector run
 * reached (its send-to-append latency), and unpaced (what Kafka takes on this machine);</li>
 * <li>a relay: the same simulator feed, at the same rate, read by a bare OkHttp WebSocket whose frames go to a bare
 * KafkaProducer as they are, with no decoding, no schema and no Connect (what this feed can deliver into Kafka on
 * this machine, and what a generic WebSocket-to-Kafka bridge does).</li>
 * </ul>
 *
 * <p>Arguments: {@code --rates 1000,5000,10000 --seconds 10 --warmup 3 --feed market --tasks 1}. {@code --feed
 * synthetic} makes the simulator send template depth and trades messages instead of walking its market (a fraction
 * of the cost per message, so that the feed is not the limit); {@code --tasks} is the connector's {@code tasks.max}
 * (its four subscriptions, depth and trades of two contracts, are spread over the tasks).
 */
public final class SourceThroughputBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record RunResult(int rate, long records, double seconds, long[] latenciesMs) {
        double recordsPerSecond() {
            return records / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Map<String, String> options = options(args);
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

        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("key.converter", StringConverter.class.getName());
        workerProps.put("value.converter", JsonConverter.class.getName());
        workerProps.put("value.converter.schemas.enable", "false");
        workerProps.put("offset.flush.interval.ms", "5000");
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder().name("source-bench")
                .numWorkers(1).numBrokers(1).workerProps(workerProps).build();
        connect.start();
        List<RunResult> results = new ArrayList<>();
        List<RunResult> pacedBaselines = new ArrayList<>();
        List<RunResult> relays = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> lastPayloads = List.of();
        try {
            // One discarded run first, so that no measured run pays for the worker's and the connector's JIT warm-up.
            runConnector(connect, "warmup", rates[0], synthetic, tasks, seconds, warmup, new ArrayList<>());
            for (int rate : rates) {
                List<ConsumerRecord<byte[], byte[]>> written = new ArrayList<>();
                RunResult run = runConnector(connect, "bench" + rate, rate, synthetic, tasks, seconds, warmup, written);
                results.add(run);
                // The same payloads at the rate the connector achieved: the latency a bare producer gets here.
                pacedBaselines.add(runProducer(connect, written, (int) Math.max(1, Math.round(run.recordsPerSecond())),
                        "bare-paced-" + rate));
                lastPayloads = written;
                relays.add(runRelay(connect, rate, synthetic, seconds, warmup));
            }
            RunResult unpaced = runProducer(connect, lastPayloads, 0, "bare-unpaced");

            System.out.println();
            System.out.printf(Locale.ROOT, "# Source connector vs bare KafkaProducer (same payloads, same broker, same run); "
                    + "feed %s, tasks.max %d%n", synthetic ? "synthetic" : "market", tasks);
            System.out.printf(Locale.ROOT, "%-36s %12s %10s %10s %10s%n", "run", "records/s", "p50 ms", "p99 ms", "records");
            for (int i = 0; i < results.size(); i++) {
                RunResult r = results.get(i);
                print("connector, sim " + r.rate() + " msg/s", r);
                print("  bare producer, same rate", pacedBaselines.get(i));
                print("  relay WebSocket->producer, same feed", relays.get(i));
            }
            print("bare producer, unpaced", unpaced);
            RunResult best = results.stream().max((a, b) -> Double.compare(a.recordsPerSecond(), b.recordsPerSecond())).orElseThrow();
            RunResult bestRelay = relays.stream().max((a, b) -> Double.compare(a.recordsPerSecond(), b.recordsPerSecond())).orElseThrow();
            System.out.printf(Locale.ROOT, "throughput ratio (best connector run / bare unpaced): %.3f%n",
                    best.recordsPerSecond() / unpaced.recordsPerSecond());
            System.out.printf(Locale.ROOT, "throughput ratio (best connector run / best relay run; the relay counts "
                    + "frames, a trades frame can carry several trades): %.3f%n",
                    best.recordsPerSecond() / bestRelay.recordsPerSecond());
        } finally {
            connect.stop();
        }
        // Worker, broker and client threads that linger must not keep the benchmark's JVM alive.
        System.exit(0);
    }

    private static BitMaxSimulator.Builder simulator(int rate, boolean synthetic) {
        return BitMaxSimulator.builder().port(0).seed(42).marketDataRate(rate).syntheticMarketData(synthetic);
    }

    private static RunResult runConnector(EmbeddedConnectCluster connect, String prefix, int rate, boolean synthetic,
            int tasks, int seconds, int warmup, List<ConsumerRecord<byte[], byte[]>> written) throws Exception {
        for (String topic : List.of(prefix + ".trades", prefix + ".depth")) {
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
            String name = prefix + "-connector";
            connect.configureConnector(name, config);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, tasks, "bench connector did not start");
            long start = System.currentTimeMillis();
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup + seconds) + 1_000);
            connect.deleteConnector(name);
            long windowStart = start + TimeUnit.SECONDS.toMillis(warmup);
            long windowEnd = windowStart + TimeUnit.SECONDS.toMillis(seconds);

            List<Long> latencies = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : connect.kafka().consumeAll(60_000, prefix + ".trades", prefix + ".depth")) {
                written.add(record);
                long appended = record.timestamp();
                if (appended < windowStart || appended >= windowEnd) {
                    continue;
                }
                JsonNode value = JSON.readTree(record.value());
                latencies.add(appended - value.get("time").asLong());
            }
            return new RunResult(rate, latencies.size(), seconds, latencies.stream().mapToLong(Long::longValue).sorted().toArray());
        }
    }

    /**
     * The same feed into Kafka with nothing in between: one WebSocket subscribed to the same channels, every frame
     * sent as it is (bytes) to one topic; latency from the frame's exchange time to its append time.
     */
    private static RunResult runRelay(EmbeddedConnectCluster connect, int rate, boolean synthetic, int seconds, int warmup)
            throws Exception {
        String topic = "relay" + rate;
        connect.kafka().createTopic(topic, 1, 1, Map.of("message.timestamp.type", "LogAppendTime"));
        Map<String, Object> props = bareProducerProps(connect);
        OkHttpClient http = new OkHttpClient();
        try (BitMaxSimulator simulator = simulator(rate, synthetic).build().start();
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.partitionsFor(topic);
            CountDownLatch open = new CountDownLatch(1);
            WebSocket socket = http.newWebSocket(new Request.Builder().url(simulator.wsUrl() + "/api/pro/v2/stream").build(),
                    new WebSocketListener() {
                        @Override
                        public void onOpen(WebSocket webSocket, Response response) {
                            open.countDown();
                        }

                        @Override
                        public void onMessage(WebSocket webSocket, String text) {
                            if (text.startsWith("{\"m\":\"trades\"") || text.startsWith("{\"m\":\"depth\"")) {
                                producer.send(new ProducerRecord<>(topic, text.getBytes(StandardCharsets.UTF_8)));
                            }
                        }
                    });
            open.await(10, TimeUnit.SECONDS);
            int id = 0;
            for (String channel : List.of("trades", "depth")) {
                for (String symbol : List.of("BTC-PERP", "ETH-PERP")) {
                    socket.send("{\"op\":\"sub\",\"id\":\"" + (++id) + "\",\"ch\":\"" + channel + ":" + symbol + "\"}");
                }
            }
            long start = System.currentTimeMillis();
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup + seconds) + 1_000);
            socket.close(1000, "done");
            producer.flush();
            long windowStart = start + TimeUnit.SECONDS.toMillis(warmup);
            long windowEnd = windowStart + TimeUnit.SECONDS.toMillis(seconds);
            List<Long> latencies = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : connect.kafka().consumeAll(60_000, topic)) {
                long appended = record.timestamp();
                if (appended < windowStart || appended >= windowEnd) {
                    continue;
                }
                JsonNode data = JSON.readTree(record.value()).path("data");
                long exchangeTime = data.isArray() ? data.path(0).path("ts").asLong() : data.path("ts").asLong();
                latencies.add(appended - exchangeTime);
            }
            return new RunResult(rate, latencies.size(), seconds, latencies.stream().mapToLong(Long::longValue).sorted().toArray());
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** Sends the payloads with a plain producer (worker defaults: acks=all, idempotent), unpaced or at a rate. */
    private static RunResult runProducer(EmbeddedConnectCluster connect, List<ConsumerRecord<byte[], byte[]>> payloads,
            int ratePerSecond, String topic) throws Exception {
        connect.kafka().createTopic(topic, 1, 1, Map.of("message.timestamp.type", "LogAppendTime"));
        Map<String, Object> props = bareProducerProps(connect);
        long[] latencies = new long[payloads.size()];
        AtomicLong lastAck = new AtomicLong();
        CountDownLatch acked = new CountDownLatch(payloads.size());
        long start;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.partitionsFor(topic);
            start = System.nanoTime();
            for (int i = 0; i < payloads.size(); i++) {
                if (ratePerSecond > 0) {
                    long due = start + i * 1_000_000_000L / ratePerSecond;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                }
                ConsumerRecord<byte[], byte[]> payload = payloads.get(i);
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
        double seconds = (lastAck.get() - start) / 1e9;
        Arrays.sort(latencies);
        return new RunResult(ratePerSecond, payloads.size(), seconds, latencies);
    }

    /** A plain producer of bytes with the client's defaults (acks=all, idempotent). */
    private static Map<String, Object> bareProducerProps(EmbeddedConnectCluster connect) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    private static void print(String label, RunResult r) {
        System.out.printf(Locale.ROOT, "%-36s %12.0f %10d %10d %10d%n", label, r.recordsPerSecond(),
                percentile(r.latenciesMs(), 0.50), percentile(r.latenciesMs(), 0.99), r.records());
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

}
