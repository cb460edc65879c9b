package dev.bitmaxconnect.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.distribution.Commands;
import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.testsupport.SimulatorSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The plugin archive, installed by the README's install steps (read from the README: the archive unpacked into
 * its {@code plugin.path} directory, its worker properties), on released Connect workers: each a separate JVM
 * started from that Kafka version's own jars ({@code compatibility/workers/<version>}), on Java 17 and on the
 * newest JDK installed, against one broker of the build's version. Per worker: it loads both connectors, runs the
 * README's minimal configurations (valid, RUNNING, a command accepted), validates its own configs, runs both,
 * streams market data, order and account records, turns commands into results, and a restart of every task loses
 * and repeats nothing. On the oldest version the source also runs
 * with exactly-once support (KIP-618). Prints the matrix and writes it to {@code target/compatibility-matrix.md}.
 *
 * <p>Every build runs the oldest and the newest version; {@code -Dmatrix=full} runs every version on every JDK.
 */
class CompatibilityMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE_CLASS = "dev.bitmaxconnect.source.BitMaxSourceConnector";
    private static final String SINK_CLASS = "dev.bitmaxconnect.sink.BitMaxSinkConnector";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path TARGET = Paths.get("target").toAbsolutePath();

    private static final MatrixTable TABLE = new MatrixTable();
    private static EmbeddedKafkaCluster kafka;
    private static BitMaxSimulator simulator;
    private static final ReadmeInstall README = ReadmeInstall.read(Paths.get(System.getProperty("readme")));
    /** The worker properties of the README's install steps, followed under {@code target/readme-install}. */
    private static Map<String, String> installed;

    @BeforeAll
    static void start() {
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        broker.put("offsets.topic.replication.factor", "1");
        broker.put("group.initial.rebalance.delay.ms", "0");
        kafka = new EmbeddedKafkaCluster(1, broker);
        kafka.start();
        simulator = BitMaxSimulator.builder().apiKey(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET)
                .build().start();
        installed = README.installUnder(TARGET.resolve("readme-install"));
        // The README's sink topics exist before it starts, as the README asks; the dead letter queue too, since its
        // default replication factor (3) is more than this one broker.
        Map<String, String> readmeSink = README.minimalConfig("BitMaxSinkConnector").config();
        for (String topic : List.of("topics", "topic.results", "errors.deadletterqueue.topic.name")) {
            kafka.createTopic(readmeSink.get(topic), 1);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        String table = TABLE.render();
        Files.writeString(TARGET.resolve("compatibility-matrix.md"), table + "\n");
        System.out.println("\nCompatibility matrix (plugin " + System.getProperty("project.version") + "):\n" + table);
        if (simulator != null) {
            simulator.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @TestFactory
    Stream<DynamicTest> pluginOnReleasedWorkers() {
        List<String> versions = Arrays.asList(System.getProperty("matrix.versions", "").split(","));
        assertThat(versions).as("matrix.versions").isNotEmpty().doesNotContain("");
        boolean full = "full".equals(System.getProperty("matrix"));
        Jdk current = Jdk.current();
        Optional<Jdk> newest = Jdk.newestInstalled();
        String oldestVersion = versions.get(0);
        String newestVersion = versions.get(versions.size() - 1);

        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell(oldestVersion, Optional.of(current), false));
        cells.add(new Cell(oldestVersion, Optional.of(current), true));
        for (String version : versions) {
            if (full && !version.equals(oldestVersion)) {
                cells.add(new Cell(version, Optional.of(current), false));
            }
            if (full || version.equals(newestVersion)) {
                cells.add(new Cell(version, newest, false));
            }
        }
        if (!full && newest.isEmpty()) {
            // Without a newer JDK, the newest Kafka still runs in every build, on the current one.
            cells.add(new Cell(newestVersion, Optional.of(current), false));
        }
        return cells.stream().map(cell -> dynamicTest(cell.toString(), () -> run(cell)));
    }

    private void run(Cell cell) {
        MatrixTable.Row row = TABLE.row(cell.kafkaVersion, cell.jdk.map(Jdk::label).orElse("newest JDK"),
                cell.exactlyOnce ? "exactly-once" : "default");
        if (cell.jdk.isEmpty()) {
            String reason = "no JDK newer than Java " + Jdk.current().feature() + " in " + Jdk.searchedDirectories();
            row.skip(reason);
            Assumptions.abort(reason);
        }
        Path classPath = Paths.get(System.getProperty("kafka.workers.dir"), cell.kafkaVersion, "target", "worker-lib");
        assertThat(classPath).as("the worker class path of Kafka %s (built by compatibility/workers/%s)",
                cell.kafkaVersion, cell.kafkaVersion).isDirectory();

        String name = cell.id();
        for (String channel : List.of("bbo", "trades", "order", "account", "results", "commands")) {
            kafka.createTopic(name + "." + channel, 1);
        }
        Map<String, String> workerProps = new HashMap<>(installed);
        if (cell.exactlyOnce) {
            workerProps.put("exactly.once.source.support", "enabled");
        }
        WorkerProcess worker = WorkerProcess.start(classPath, cell.jdk.get(), kafka.bootstrapServers(), name,
                TARGET.resolve("workers"), workerProps);
        try (worker) {
            new CellRun(cell, name, worker.rest).checkAll(row);
        }
        // The whole log, once the worker has stopped: this version's own logging of configs masks the secret too.
        row.check("secret kept", () -> assertThat(Files.readString(worker.log()))
                .doesNotContain(SimulatorDefaults.API_SECRET));
        assertThat(row.failures()).as("failed checks of %s (worker log: %s)", cell, worker.log()).isEmpty();
    }

    /** One worker of the matrix: a Kafka version on a JDK, the source with or without exactly-once support. */
    private record Cell(String kafkaVersion, Optional<Jdk> jdk, boolean exactlyOnce) {

        String id() {
            return "k" + kafkaVersion.replace(".", "") + "-j" + jdk.map(Jdk::feature).orElse(0)
                    + (exactlyOnce ? "-eos" : "");
        }

        @Override
        public String toString() {
            return "Kafka " + kafkaVersion + " on " + jdk.map(Jdk::label).orElse("the newest JDK")
                    + (exactlyOnce ? ", exactly-once source" : "");
        }
    }

    /** The checks on one worker, in the order an operator meets them; each later one needs the earlier ones. */
    private static final class CellRun {

        private final Cell cell;
        private final String prefix;
        private final WorkerRest rest;
        private final String source;
        private final String sink;
        private final Map<String, Object> consumerProps;
        private final List<String> commandIds = new ArrayList<>();

        CellRun(Cell cell, String prefix, WorkerRest rest) {
            this.cell = cell;
            this.prefix = prefix;
            this.rest = rest;
            this.source = prefix + "-source";
            this.sink = prefix + "-sink";
            // With exactly-once, read what the source's transactions committed, as a downstream consumer would.
            this.consumerProps = cell.exactlyOnce ? Map.of("isolation.level", "read_committed") : Map.of();
        }

        void checkAll(MatrixTable.Row row) {
            if (!row.check("worker", this::isTheVersionAndFindsThePlugin)) {
                return;
            }
            row.check("README configs", this::theReadmesConfigsRun);
            boolean started = row.check("running", this::bothConnectorsRun);
            if (!started) {
                return;
            }
            row.check("validate", this::validationNamesTheBadFields);
            row.check("market data", this::marketDataArrives);
            if (row.check("commands", this::commandsGetTheirResults)) {
                row.check("orders+account", this::orderAndAccountRecordsArrive);
            }
            row.check("restart", this::aRestartLosesAndRepeatsNothing);
        }

        private void isTheVersionAndFindsThePlugin() {
            assertThat(rest.kafkaVersion()).isEqualTo(cell.kafkaVersion);
            Map<String, String> versions = new HashMap<>();
            rest.get("/connector-plugins").forEach(p -> versions.put(p.path("class").asText(), p.path("version").asText()));
            assertThat(versions).containsEntry(SOURCE_CLASS, System.getProperty("project.version"))
                    .containsEntry(SINK_CLASS, System.getProperty("project.version"));
        }

        /**
         * The README's minimal configurations as printed, but for the exchange's and the broker's addresses and the
         * secrets file their {@code ${file:...}} references read: valid, then RUNNING; then removed again.
         */
        private void theReadmesConfigsRun() throws IOException {
            Path secrets = TARGET.resolve("readme-install").resolve(prefix + "-bitmax.properties");
            Map<String, String> secretValues = Map.of("bitmax.api.key", SimulatorDefaults.API_KEY,
                    "bitmax.api.secret", SimulatorDefaults.API_SECRET);
            ReadmeInstall.Connector source = README.minimalConfig("BitMaxSourceConnector");
            ReadmeInstall.Connector sink = README.minimalConfig("BitMaxSinkConnector");
            Map<String, String> sourceConfig = source.on(Map.of("bitmax.rest.url", simulator.restUrl(),
                    "bitmax.ws.url", simulator.wsUrl()), secrets, secretValues);
            Map<String, String> sinkConfig = sink.on(Map.of("bitmax.rest.url", simulator.restUrl(),
                    "results.producer.bootstrap.servers", kafka.bootstrapServers()), secrets, secretValues);

            assertThat(allErrors(rest.validate("BitMaxSourceConnector", sourceConfig))).as(source.name()).isEmpty();
            assertThat(allErrors(rest.validate("BitMaxSinkConnector", sinkConfig))).as(sink.name()).isEmpty();
            try {
                rest.putConnector(source.name(), sourceConfig);
                rest.putConnector(sink.name(), sinkConfig);
                await().atMost(WAIT).untilAsserted(() -> {
                    assertThat(rest.status(source.name())).isEqualTo(runningLine(1));
                    assertThat(rest.status(sink.name())).isEqualTo(runningLine(1));
                });
                // Accepted only if the key and secret came through the README's config provider.
                String id = prefix + "readme";
                kafka.produce(sinkConfig.get("topics"), id, JSON.writeValueAsString(
                        Commands.limit(id, "BTC-PERP", "Buy", "0.01", "1000")));
                await().atMost(WAIT).untilAsserted(() -> assertThat(readAll(sinkConfig.get("topic.results")))
                        .anySatisfy(result -> {
                            assertThat(result.path("commandId").asText()).isEqualTo(id);
                            assertThat(result.path("status").asText()).isEqualToIgnoringCase("accepted");
                        }));
            } finally {
                // The matrix's own connectors run alone afterwards.
                rest.deleteConnector(source.name());
                rest.deleteConnector(sink.name());
            }
        }

        private List<JsonNode> readAll(String topic) throws Exception {
            List<JsonNode> values = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : kafka.consumeAll(WAIT.toMillis(), consumerProps, null, topic)) {
                values.add(JSON.readTree(r.value()));
            }
            return values;
        }

        private static List<String> allErrors(JsonNode validation) {
            List<String> errors = new ArrayList<>();
            validation.path("configs").forEach(c -> c.path("value").path("errors").forEach(
                    e -> errors.add(c.path("value").path("name").asText() + ": " + e.asText())));
            return errors;
        }

        private void bothConnectorsRun() {
            rest.putConnector(source, sourceConfig());
            rest.putConnector(sink, sinkConfig());
            awaitRunning(2, 1);
        }

        private void awaitRunning(int sourceTasks, int sinkTasks) {
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(rest.status(source)).isEqualTo(runningLine(sourceTasks));
                assertThat(rest.status(sink)).isEqualTo(runningLine(sinkTasks));
            });
        }

        private static String runningLine(int tasks) {
            StringBuilder line = new StringBuilder("RUNNING [");
            for (int i = 0; i < tasks; i++) {
                line.append(i).append(":RUNNING").append(i < tasks - 1 ? " " : "");
            }
            return line.append("]").toString();
        }

        private void validationNamesTheBadFields() {
            Map<String, String> badSource = sourceConfig();
            badSource.put("channels", "trades,gossip");
            assertThat(errors(rest.validate("BitMaxSourceConnector", badSource), "channels"))
                    .anySatisfy(e -> assertThat(e).contains("gossip"));
            Map<String, String> badSink = sinkConfig();
            badSink.put("retry.max.attempts", "-3");
            assertThat(errors(rest.validate("BitMaxSinkConnector", badSink), "retry.max.attempts"))
                    .anySatisfy(e -> assertThat(e).contains("-3"));
            Map<String, String> good = sourceConfig();
            good.put("name", source);
            assertThat(rest.validate("BitMaxSourceConnector", good).path("error_count").asInt()).isZero();
        }

        private static List<String> errors(JsonNode validation, String field) {
            List<String> errors = new ArrayList<>();
            validation.path("configs").forEach(c -> {
                if (c.path("value").path("name").asText().equals(field)) {
                    c.path("value").path("errors").forEach(e -> errors.add(e.asText()));
                }
            });
            return errors;
        }

        private void marketDataArrives() {
            List<String> topics = cell.exactlyOnce ? List.of("trades") : List.of("trades", "bbo");
            for (String topic : topics) {
                await().atMost(WAIT).untilAsserted(() -> assertThat(all(topic).stream()
                        .map(r -> r.value().path("symbol").asText()).collect(Collectors.toSet()))
                        .as(topic).contains("BTC-PERP", "ETH-PERP"));
            }
        }

        private void commandsGetTheirResults() {
            String limit = prefix + "limit";
            String market = prefix + "market";
            String cancel = prefix + "cancel";
            String refused = prefix + "refused";
            send(Commands.limit(limit, "BTC-PERP", "Buy", "0.01", "1000"));
            send(Commands.market(market, "BTC-PERP", "Buy", "0.002"));
            send(Commands.cancelByClientId(cancel, "BTC-PERP", limit));
            send(Commands.limit(refused, "NOPE-PERP", "Buy", "1", "1"));
            commandIds.addAll(List.of(limit, market));

            await().atMost(WAIT).untilAsserted(() -> {
                Map<String, JsonNode> results = latestResults();
                assertThat(results).containsKeys(limit, market, cancel, refused);
                assertThat(results.get(limit).path("status").asText()).isEqualToIgnoringCase("accepted");
                assertThat(results.get(market).path("status").asText()).isEqualToIgnoringCase("accepted");
                assertThat(results.get(cancel).path("status").asText()).isEqualToIgnoringCase("accepted");
                assertThat(results.get(refused).path("status").asText()).isEqualToIgnoringCase("rejected");
                assertThat(results.get(market).path("orderId").asText()).isEqualTo(acceptedOnce(market).orderId());
            });
            assertThat(simulator.groundTruth().acceptedOrdersWithClientId(refused)).isEmpty();
        }

        private void orderAndAccountRecordsArrive() {
            String limitOrder = acceptedOnce(prefix + "limit").orderId();
            String marketOrder = acceptedOnce(prefix + "market").orderId();
            await().atMost(WAIT).untilAsserted(() -> {
                List<JsonNode> events = all("order").stream().map(ConsumerRecord::value).toList();
                assertThat(statuses(events, limitOrder)).contains("New", "Canceled");
                assertThat(statuses(events, marketOrder)).contains("Filled");
                assertThat(all("account")).anySatisfy(r -> assertThat(r.value().path("accountId").asText())
                        .isEqualTo(SimulatorDefaults.FUTURES_ACCOUNT_ID));
            });
        }

        private void aRestartLosesAndRepeatsNothing() {
            rest.restartWithTasks(source);
            rest.restartWithTasks(sink);
            awaitRunning(2, 1);
            List<String> after = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String id = prefix + "after" + i;
                send(Commands.market(id, i % 2 == 0 ? "BTC-PERP" : "ETH-PERP", i % 3 == 0 ? "Sell" : "Buy",
                        i % 2 == 0 ? "0.001" : "0.01"));
                after.add(id);
            }
            commandIds.addAll(after);

            // The sink: every command placed exactly once at the exchange, one result each.
            await().atMost(WAIT).untilAsserted(() -> {
                Map<String, Long> resultsPerCommand = all("results").stream()
                        .collect(Collectors.groupingBy(r -> r.value().path("commandId").asText(), Collectors.counting()));
                assertThat(resultsPerCommand).containsKeys(after.toArray(String[]::new));
                assertThat(resultsPerCommand.values()).as("results per command").containsOnly(1L);
            });
            commandIds.forEach(this::acceptedOnce);

            // The source: the orders placed after the restart reach the topic, no order state and no trade twice.
            Set<String> afterOrders = after.stream().map(id -> acceptedOnce(id).orderId()).collect(Collectors.toSet());
            await().atMost(WAIT).untilAsserted(() -> {
                List<JsonNode> events = all("order").stream().map(ConsumerRecord::value).toList();
                assertThat(events.stream().filter(e -> e.path("status").asText().equals("Filled"))
                        .map(e -> e.path("orderId").asText()).collect(Collectors.toSet())).containsAll(afterOrders);
                assertThat(duplicates(events, e -> e.path("orderId").asText() + "/" + e.path("status").asText() + "/"
                        + e.path("cumFilledQty").asText())).as("order states written twice").isEmpty();
            });
            List<JsonNode> trades = all("trades").stream().map(ConsumerRecord::value).toList();
            assertThat(duplicates(trades, t -> t.path("symbol").asText() + "/" + t.path("seqnum").asText()))
                    .as("trades written twice").isEmpty();
        }

        private AcceptedOrder acceptedOnce(String clientId) {
            List<AcceptedOrder> accepted = simulator.groundTruth().acceptedOrdersWithClientId(clientId);
            assertThat(accepted).as("orders the exchange accepted for command %s", clientId).hasSize(1);
            return accepted.get(0);
        }

        private Map<String, JsonNode> latestResults() {
            return all("results").stream().map(ConsumerRecord::value).collect(Collectors.toMap(
                    r -> r.path("commandId").asText(), Function.identity(), (a, b) -> b));
        }

        private static List<String> statuses(List<JsonNode> events, String orderId) {
            return events.stream().filter(e -> e.path("orderId").asText().equals(orderId))
                    .map(e -> e.path("status").asText()).toList();
        }

        private static Set<String> duplicates(List<JsonNode> records, Function<JsonNode, String> key) {
            Set<String> seen = new HashSet<>();
            return records.stream().map(key).filter(k -> !seen.add(k)).collect(Collectors.toSet());
        }

        private void send(JsonNode command) {
            try {
                kafka.produce(prefix + ".commands", command.path("id").asText(), JSON.writeValueAsString(command));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Everything in the topic now, values read as JSON. */
        private List<ConsumerRecord<String, JsonNode>> all(String channel) {
            try {
                List<ConsumerRecord<String, JsonNode>> records = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : kafka.consumeAll(WAIT.toMillis(), consumerProps, null,
                        prefix + "." + channel)) {
                    records.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(),
                            r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                            JSON.readTree(r.value())));
                }
                return records;
            } catch (Exception e) {
                throw new IllegalStateException("could not read " + prefix + "." + channel, e);
            }
        }

        private Map<String, String> sourceConfig() {
            Map<String, String> config = SimulatorSettings.connector(simulator, SOURCE_CLASS);
            config.put("tasks.max", "2");
            config.put("symbols", "BTC-PERP,ETH-PERP");
            config.put("topic.prefix", prefix);
            if (cell.exactlyOnce) {
                // Only sequenced channels can resume exactly (bbo cannot), so only they may require it.
                config.put("channels", "trades,order,account");
                config.put("exactly.once.support", "required");
            } else {
                config.put("channels", "bbo,trades,order,account");
            }
            return config;
        }

        private Map<String, String> sinkConfig() {
            Map<String, String> config = SimulatorSettings.connector(simulator, SINK_CLASS);
            config.put("tasks.max", "1");
            config.put("topics", prefix + ".commands");
            config.put("topic.results", prefix + ".results");
            config.put("results.producer.bootstrap.servers", kafka.bootstrapServers());
            // A refused command goes to the dead letter queue too, and the task carries on.
            config.put("errors.tolerance", "all");
            config.put("errors.deadletterqueue.topic.name", prefix + ".dlq");
            config.put("errors.deadletterqueue.topic.replication.factor", "1");
            return config;
        }
    }
}
