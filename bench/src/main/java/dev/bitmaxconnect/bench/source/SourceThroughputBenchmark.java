package dev.bitmaxconnect.bench.source;

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

/**
 * End-to-end load of the source connector: the simulator pushes trades and depth at rising rates into the
 * connector on a real Kafka (one broker, one Connect worker, in-process); measured are the records per second
 * appended to Kafka and the latency from the exchange's time of each event to its Kafka append time
 * (LogAppendTime topics). The baseline, in the same run, is a bare KafkaProducer sending the very payloads the
 * connector wrote: paced at the rate each connector run reached (its send-to-append latency), and unpaced (the
 * throughput limit).
 *
 * <p>Arguments: {@code --rates 1000,5000,10000 --seconds 10 --warmup 3}.
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
        List<ConsumerRecord<byte[], byte[]>> lastPayloads = List.of();
        try {
            for (int rate : rates) {
                List<ConsumerRecord<byte[], byte[]>> written = new ArrayList<>();
                RunResult run = runConnector(connect, rate, seconds, warmup, written);
                results.add(run);
                // The same payloads at the rate the connector achieved: the latency a bare producer gets here.
                pacedBaselines.add(runProducer(connect, written, (int) Math.max(1, Math.round(run.recordsPerSecond())),
                        "bare-paced-" + rate));
                lastPayloads = written;
            }
            RunResult unpaced = runProducer(connect, lastPayloads, 0, "bare-unpaced");

            System.out.println();
            System.out.println("# Source connector vs bare KafkaProducer (same payloads, same broker, same run)");
            System.out.printf(Locale.ROOT, "%-36s %12s %10s %10s %10s%n", "run", "records/s", "p50 ms", "p99 ms", "records");
            for (int i = 0; i < results.size(); i++) {
                RunResult r = results.get(i);
                print("connector, sim " + r.rate() + " msg/s", r);
                print("  bare producer, same rate", pacedBaselines.get(i));
            }
            print("bare producer, unpaced", unpaced);
            RunResult best = results.stream().max((a, b) -> Double.compare(a.recordsPerSecond(), b.recordsPerSecond())).orElseThrow();
            System.out.printf(Locale.ROOT, "throughput ratio (best connector run / bare unpaced): %.3f%n",
                    best.recordsPerSecond() / unpaced.recordsPerSecond());
        } finally {
            connect.stop();
        }
        // Worker, broker and client threads that linger must not keep the benchmark's JVM alive.
        System.exit(0);
    }

    private static RunResult runConnector(EmbeddedConnectCluster connect, int rate, int seconds, int warmup,
            List<ConsumerRecord<byte[], byte[]>> written) throws Exception {
        String prefix = "bench" + rate;
        for (String topic : List.of(prefix + ".trades", prefix + ".depth")) {
            connect.kafka().createTopic(topic, 1, 1, Map.of("message.timestamp.type", "LogAppendTime"));
        }
        try (BitMaxSimulator simulator = BitMaxSimulator.builder().port(0).seed(42).marketDataRate(rate).build().start()) {
            Map<String, String> config = new HashMap<>();
            config.put("connector.class", BitMaxSourceConnector.class.getName());
            config.put("tasks.max", "1");
            config.put("bitmax.rest.url", simulator.restUrl());
            config.put("bitmax.ws.url", simulator.wsUrl());
            config.put("symbols", "BTC-PERP,ETH-PERP");
            config.put("channels", "trades,depth");
            config.put("topic.prefix", prefix);
            String name = "bench-" + rate;
            connect.configureConnector(name, config);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "bench connector did not start");
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

    /** Sends the payloads with a plain producer (worker defaults: acks=all, idempotent), unpaced or at a rate. */
    private static RunResult runProducer(EmbeddedConnectCluster connect, List<ConsumerRecord<byte[], byte[]>> payloads,
            int ratePerSecond, String topic) throws Exception {
        connect.kafka().createTopic(topic, 1, 1, Map.of("message.timestamp.type", "LogAppendTime"));
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
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
