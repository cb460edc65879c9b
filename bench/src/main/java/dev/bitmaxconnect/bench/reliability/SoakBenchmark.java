package dev.bitmaxconnect.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.sink.BitMaxSinkConnector;
import dev.bitmaxconnect.source.BitMaxSourceConnector;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * Soak: both connectors under steady load for N minutes on a real Kafka and Connect worker (in this JVM), against a
 * simulator in its own JVM (so that its ground truth, which keeps every order, does not weigh on the heap measured
 * here). The simulator pushes market data at a set rate into the source (depth, trades, bbo of two contracts, plus
 * orders and account), and a producer writes market-order commands at a set rate into the sink. Every minute it
 * prints: source records/s and p99 latency (exchange event time to Kafka append time), sink commands/s and p99
 * latency (command append time to result append time), heap used after a full GC, errors (failed tasks, results
 * that are not accepted, source gaps and undecodable messages), and repeats (result records for a command that
 * already had one). At the end: commands sent, result records, commands answered, and the repeats' statuses.
 *
 * <p>Arguments: {@code --minutes 10 --market-rate 10000 --command-rate 500}, and {@code --restart-sink-at-seconds 30}
 * to restart the sink's tasks once under load (none by default).
 */
public final class SoakBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "soak";

    /**
     * Every result record, which commands have one (by the index in their id), and repeats: result records for a
     * command already answered, which the results topic's at-least-once delivery allows (docs/sink.md, the results topic).
     */
    private static final class Answers {
        private final BitSet answered = new BitSet();
        private final Map<String, Long> statuses = new TreeMap<>();
        private final Map<String, Long> repeatStatuses = new TreeMap<>();
        private long records;

        /** Counts one result record; returns whether it repeats an answer already counted. */
        synchronized boolean add(String commandId, String status) {
            records++;
            statuses.merge(status, 1L, Long::sum);
            int index = commandId.lastIndexOf('c');
            if (index < 0) {
                return false;
            }
            int command = Integer.parseInt(commandId.substring(index + 1));
            if (answered.get(command)) {
                repeatStatuses.merge(status, 1L, Long::sum);
                return true;
            }
            answered.set(command);
            return false;
        }

        synchronized String summary(long commandsSent) {
            long repeats = repeatStatuses.values().stream().mapToLong(Long::longValue).sum();
            return String.format(Locale.ROOT, "commands sent %d; result records %d: %d commands answered, %d without "
                    + "a result, %d repeats %s; statuses %s", commandsSent, records, answered.cardinality(),
                    commandsSent - answered.cardinality(), repeats, repeatStatuses, statuses);
        }
    }

    /** Latency histogram (1 ms buckets up to 60 s) and counts of one minute. */
    private static final class Minute {
        final long[] sourceLatency = new long[60_001];
        final long[] sinkLatency = new long[60_001];
        long sourceRecords;
        long sinkResults;
        long sinkRepeats;
        long sinkNotAccepted;

        static void add(long[] histogram, long millis) {
            histogram[(int) Math.max(0, Math.min(histogram.length - 1, millis))]++;
        }

        static long p99(long[] histogram) {
            long total = 0;
            for (long c : histogram) {
                total += c;
            }
            if (total == 0) {
                return -1;
            }
            long seen = 0;
            for (int i = 0; i < histogram.length; i++) {
                seen += histogram[i];
                if (seen >= Math.ceil(total * 0.99)) {
                    return i;
                }
            }
            return histogram.length - 1;
        }
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Map<String, String> options = options(args);
        int minutes = Integer.parseInt(options.getOrDefault("minutes", "10"));
        int marketRate = Integer.parseInt(options.getOrDefault("market-rate", "10000"));
        int commandRate = Integer.parseInt(options.getOrDefault("command-rate", "500"));
        long sinkRestartAt = Long.parseLong(options.getOrDefault("restart-sink-at-seconds", "-1"));

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process simulator = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx3g",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                "dev.bitmaxconnect.simulator.SimulatorMain", "--port", Integer.toString(port),
                "--rate", Integer.toString(marketRate))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(new File("target/soak-simulator.log"))
                .start();
        String restUrl = "http://127.0.0.1:" + port;
        awaitHealthy(restUrl);

        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("key.converter", StringConverter.class.getName());
        workerProps.put("value.converter", JsonConverter.class.getName());
        workerProps.put("value.converter.schemas.enable", "false");
        workerProps.put("offset.flush.interval.ms", "5000");
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder().name("soak")
                .numWorkers(1).numBrokers(1).workerProps(workerProps).build();
        connect.start();
        try {
            Map<String, String> appendTime = Map.of("message.timestamp.type", "LogAppendTime");
            for (String channel : List.of("depth", "trades", "bbo", "order", "account")) {
                connect.kafka().createTopic(PREFIX + "." + channel, 1, 1, appendTime);
            }
            connect.kafka().createTopic(PREFIX + "-results", 1, 1, appendTime);
            connect.kafka().createTopic(PREFIX + "-commands", 4, 1, appendTime);
            connect.configureConnector("soak-source", sourceConfig(restUrl, port));
            connect.configureConnector("soak-sink", sinkConfig(connect, restUrl, port));
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("soak-source", 2, "source");
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("soak-sink", 2, "sink");

            List<Minute> perMinute = new ArrayList<>();
            for (int i = 0; i < minutes; i++) {
                perMinute.add(new Minute());
            }
            long start = System.currentTimeMillis();
            long end = start + TimeUnit.MINUTES.toMillis(minutes);
            AtomicLong commandsSent = new AtomicLong();
            Thread producer = new Thread(() -> produceCommands(connect, commandRate, end, commandsSent), "soak-commands");
            Answers answers = new Answers();
            Thread reader = new Thread(() -> readTopics(connect, perMinute, answers, start, end + 10_000), "soak-reader");
            producer.start();
            reader.start();
            if (sinkRestartAt >= 0) {
                restartSinkAt(connect, start + TimeUnit.SECONDS.toMillis(sinkRestartAt));
            }

            System.out.printf(Locale.ROOT, "# Soak: %d min, market data %d msg/s, commands %d/s%n", minutes, marketRate,
                    commandRate);
            System.out.printf(Locale.ROOT, "%6s %12s %10s %12s %10s %14s %8s %8s %8s %8s%n", "minute",
                    "source rec/s", "src p99 ms", "sink cmd/s", "sink p99", "heap MB (GC)", "failed", "refused",
                    "repeats", "gaps");
            long gapsBefore = 0;
            for (int i = 0; i < minutes; i++) {
                Thread.sleep(Math.max(0, start + TimeUnit.MINUTES.toMillis(i + 1) - System.currentTimeMillis()));
                System.gc();
                long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
                long failedTasks = failedTasks(connect, "soak-source") + failedTasks(connect, "soak-sink");
                long gaps = sourceCounter("gaps-total") + sourceCounter("undecodable-messages-total");
                // Records of this minute may still be on their way: give them a few seconds before reading its row.
                Thread.sleep(5_000);
                Minute m = perMinute.get(i);
                synchronized (m) {
                    System.out.printf(Locale.ROOT, "%6d %12.0f %10d %12.0f %10d %14d %8d %8d %8d %8d%n", i + 1,
                            m.sourceRecords / 60.0, Minute.p99(m.sourceLatency), m.sinkResults / 60.0,
                            Minute.p99(m.sinkLatency), heapMb, failedTasks, m.sinkNotAccepted, m.sinkRepeats,
                            gaps - gapsBefore);
                }
                gapsBefore = gaps;
            }
            producer.join(30_000);
            reader.join(30_000);
            System.out.println(answers.summary(commandsSent.get()));
        } finally {
            connect.stop();
            simulator.destroy();
        }
        System.exit(0);
    }

    private static Map<String, String> sourceConfig(String restUrl, int port) {
        Map<String, String> config = exchange(BitMaxSourceConnector.class.getName(), restUrl, port);
        config.put("tasks.max", "2");
        config.put("symbols", "BTC-PERP,ETH-PERP");
        config.put("channels", "depth,trades,bbo,order,account");
        config.put("topic.prefix", PREFIX);
        return config;
    }

    private static Map<String, String> sinkConfig(EmbeddedConnectCluster connect, String restUrl, int port) {
        Map<String, String> config = exchange(BitMaxSinkConnector.class.getName(), restUrl, port);
        config.put("tasks.max", "2");
        config.put("topics", PREFIX + "-commands");
        config.put("topic.results", PREFIX + "-results");
        config.put("results.producer.bootstrap.servers", connect.kafka().bootstrapServers());
        config.put("bitmax.requests.per.second", "1000");
        config.put("errors.tolerance", "all");
        // As the shipped sink configurations: the sink reads the bytes itself, so every command gets its result.
        config.put("value.converter", ByteArrayConverter.class.getName());
        return config;
    }

    private static Map<String, String> exchange(String connectorClass, String restUrl, int port) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", connectorClass);
        config.put("bitmax.rest.url", restUrl);
        config.put("bitmax.ws.url", "ws://127.0.0.1:" + port);
        config.put("bitmax.api.key", SimulatorDefaults.API_KEY);
        config.put("bitmax.api.secret", SimulatorDefaults.API_SECRET);
        return config;
    }

    private static void produceCommands(EmbeddedConnectCluster connect, int rate, long end, AtomicLong sent) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        String run = "s" + Long.toString(System.currentTimeMillis(), 36);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            long begin = System.nanoTime();
            for (long i = 0; System.currentTimeMillis() < end; i++) {
                long due = begin + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String id = run + "c" + i;
                boolean btc = i % 2 == 0;
                String command = String.format(Locale.ROOT, "{\"action\":\"place\",\"id\":\"%s\",\"symbol\":\"%s\","
                        + "\"side\":\"%s\",\"orderType\":\"Market\",\"orderQty\":\"%s\"}", id,
                        btc ? "BTC-PERP" : "ETH-PERP", (i / 2) % 2 == 0 ? "Buy" : "Sell", btc ? "0.001" : "0.01");
                producer.send(new ProducerRecord<>(PREFIX + "-commands", id, command));
                sent.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Buckets every record by the minute of its append time; command append times are kept to time the results. */
    private static void readTopics(EmbeddedConnectCluster connect, List<Minute> perMinute, Answers answers, long start,
            long until) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "soak-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        // A result can be read before its command (two topics): whichever comes first waits for the other.
        Map<String, Long> commandAppended = new HashMap<>();
        Map<String, Long> resultAppended = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(PREFIX + ".depth", PREFIX + ".trades", PREFIX + ".bbo", PREFIX + "-results",
                    PREFIX + "-commands"));
            while (System.currentTimeMillis() < until) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    int minute = (int) ((r.timestamp() - start) / 60_000);
                    if (r.topic().endsWith("-commands")) {
                        String id = new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
                        Long resultAt = resultAppended.remove(id);
                        if (resultAt == null) {
                            commandAppended.put(id, r.timestamp());
                        } else {
                            int resultMinute = (int) ((resultAt - start) / 60_000);
                            if (resultMinute >= 0 && resultMinute < perMinute.size()) {
                                Minute m = perMinute.get(resultMinute);
                                synchronized (m) {
                                    Minute.add(m.sinkLatency, resultAt - r.timestamp());
                                }
                            }
                        }
                        continue;
                    }
                    if (minute < 0 || minute >= perMinute.size()) {
                        continue;
                    }
                    Minute m = perMinute.get(minute);
                    JsonNode value = JSON.readTree(r.value());
                    synchronized (m) {
                        if (r.topic().endsWith("-results")) {
                            m.sinkResults++;
                            String status = value.path("status").asText().toUpperCase(Locale.ROOT);
                            if (!status.equals("ACCEPTED") && !status.equals("DUPLICATE")) {
                                m.sinkNotAccepted++;
                            }
                            String id = value.path("commandId").asText();
                            if (answers.add(id, status)) {
                                m.sinkRepeats++;
                            }
                            Long appended = commandAppended.remove(id);
                            if (appended != null) {
                                Minute.add(m.sinkLatency, r.timestamp() - appended);
                            } else {
                                resultAppended.put(id, r.timestamp());
                            }
                        } else {
                            m.sourceRecords++;
                            if (value.hasNonNull("time")) {
                                Minute.add(m.sourceLatency, r.timestamp() - value.path("time").asLong());
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("Reader stopped: " + e);
        }
    }

    /**
     * Restarts the sink and its tasks once, under load: what a rebalance or a worker restart does to the commands
     * answered since the last offset commit (they are delivered again and answered again: repeats).
     */
    private static void restartSinkAt(EmbeddedConnectCluster connect, long at) {
        Thread restart = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, at - System.currentTimeMillis()));
                connect.restartConnectorAndTasks("soak-sink", false, true, false);
                System.out.printf(Locale.ROOT, "# sink restarted at %tT%n", System.currentTimeMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soak-sink-restart");
        restart.setDaemon(true);
        restart.start();
    }

    private static long failedTasks(EmbeddedConnectCluster connect, String connector) {
        try {
            return connect.connectorStatus(connector).tasks().stream()
                    .map(ConnectorStateInfo.AbstractState::state).filter("FAILED"::equals).count();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static long sourceCounter(String attribute) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long total = 0;
        try {
            // the worker's plugin metrics hold both connectors' tasks: only the source's have these attributes
            for (ObjectName name : server.queryNames(new ObjectName("kafka.connect:type=plugins,*"), null)) {
                if (server.isRegistered(name) && hasAttribute(server, name, attribute)) {
                    total += ((Number) server.getAttribute(name, attribute)).longValue();
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return total;
    }

    private static boolean hasAttribute(MBeanServer server, ObjectName name, String attribute) throws Exception {
        for (MBeanAttributeInfo info : server.getMBeanInfo(name).getAttributes()) {
            if (info.getName().equals(attribute)) {
                return true;
            }
        }
        return false;
    }

    private static void awaitHealthy(String restUrl) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(restUrl + "/_sim/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The simulator did not start on " + restUrl);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
