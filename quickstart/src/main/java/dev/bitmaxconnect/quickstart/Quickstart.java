package dev.bitmaxconnect.quickstart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The README's first command: a Kafka broker, a distributed Connect worker with the BitMax plugin on its
 * plugin.path, and the exchange simulator, in this one process; both connectors created from {@code config/}
 * through the REST API; a few order commands; everything that flows printed until Ctrl-C or {@code --duration}.
 */
public final class Quickstart {

    static final String SOURCE_CLASS = "dev.bitmaxconnect.source.BitMaxSourceConnector";
    static final String SINK_CLASS = "dev.bitmaxconnect.sink.BitMaxSinkConnector";
    private static final String SOURCE_CONFIG = "bitmax-source-simulator.json";
    private static final String SINK_CONFIG = "bitmax-sink-simulator.json";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final QuickstartOptions options;
    private final PrintStream out;
    private final long startedMillis;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stop = new CountDownLatch(1);
    private Path dataDirectory;

    Quickstart(QuickstartOptions options, PrintStream out, long startedMillis) {
        this.options = options;
        this.out = out;
        this.startedMillis = startedMillis;
    }

    public static void main(String[] args) {
        QuickstartOptions options;
        try {
            options = QuickstartOptions.parse(args);
        } catch (QuickstartOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
                System.err.println();
            }
            System.err.println(QuickstartOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        int exitCode;
        try {
            Quickstart quickstart = new Quickstart(options, System.out, commandStartMillis());
            exitCode = quickstart.run();
        } catch (IllegalStateException e) {
            // A diagnosis in plain words (port taken, plugin not built, connector failed): no stack trace.
            System.err.println();
            System.err.println("Quickstart failed: " + e.getMessage());
            exitCode = 1;
        } catch (Exception e) {
            System.err.println();
            System.err.println("Quickstart failed: " + e);
            e.printStackTrace(System.err);
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /** Starts everything, shows the flow, and returns the exit code: 0, or 1 when a topic stayed empty. */
    int run() throws Exception {
        requirePlugin();
        requireFreePorts();
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "quickstart-shutdown"));
        try {
            return startAndShow();
        } finally {
            shutdown();
        }
    }

    private int startAndShow() throws Exception {
        dataDirectory = Files.createTempDirectory("bitmax-quickstart-");

        step("Starting the BitMax exchange simulator");
        BitMaxSimulator simulator = startSimulator();
        step("Starting Kafka (KRaft, one broker)");
        KRaftBroker broker = track(KRaftBroker.start(options.kafkaPort(), options.controllerPort(), dataDirectory));
        step("Starting a Connect worker (distributed mode, plugin.path=" + options.pluginPath() + ")");
        boolean manifests = PluginManifests.declareBothConnectors(options.pluginPath(), SOURCE_CLASS, SINK_CLASS);
        if (!manifests) {
            step("The plugin's jars declare no META-INF/services for both connectors: the worker scans its "
                    + "whole classpath instead (slower)");
        }
        DistributedWorker worker = track(DistributedWorker.start(broker.bootstrapServers(), options.connectPort(),
                options.pluginPath(), manifests));
        ConnectRestClient rest = new ConnectRestClient(worker.restUrl());
        rest.awaitReady(STARTUP_TIMEOUT);
        requireConnectorPlugins(rest);

        ConnectorDefinition source = ConnectorDefinition.read(options.configDir().resolve(SOURCE_CONFIG))
                .withExchange(simulator.restUrl(), simulator.wsUrl())
                .withFileReferencesRelativeTo(options.configDir().getParent());
        ConnectorDefinition sink = ConnectorDefinition.read(options.configDir().resolve(SINK_CONFIG))
                .withExchange(simulator.restUrl(), simulator.wsUrl())
                .withResultsBrokers(broker.bootstrapServers())
                .withFileReferencesRelativeTo(options.configDir().getParent());
        String prefix = source.config().getOrDefault("topic.prefix", "bitmax");
        String commandTopic = sink.topics().isEmpty() ? prefix + "-commands" : sink.topics().get(0);
        List<String> topics = expectedTopics(source, sink, prefix, commandTopic);
        List<String> created = new ArrayList<>(topics);
        if (sink.config().containsKey("errors.deadletterqueue.topic.name")) {
            created.add(sink.config().get("errors.deadletterqueue.topic.name"));
        }
        broker.createTopics(created);
        printAddresses(broker, worker, simulator, source, sink);

        FlowPrinter printer = new FlowPrinter(broker.bootstrapServers(), prefix, out,
                topic -> step(String.format(Locale.ROOT, "First records (%s) %.1f s after the command", topic,
                        (System.currentTimeMillis() - startedMillis) / 1000.0)));
        track(printer);
        Thread printerThread = new Thread(printer, "quickstart-printer");
        printerThread.setDaemon(true);
        printerThread.start();

        step("Creating connector " + source.name() + " from " + relative(options.configDir().resolve(SOURCE_CONFIG)));
        rest.putConnector(source.name(), source.config());
        step("Creating connector " + sink.name() + " from " + relative(options.configDir().resolve(SINK_CONFIG)));
        rest.putConnector(sink.name(), sink.config());
        rest.awaitRunning(source.name(), STARTUP_TIMEOUT);
        rest.awaitRunning(sink.name(), STARTUP_TIMEOUT);
        step(source.name() + " " + rest.statusLine(source.name()) + ", " + sink.name() + " "
                + rest.statusLine(sink.name()));

        DemoCommands demo = new DemoCommands(broker.bootstrapServers(), commandTopic, simulator.restUrl());
        List<ObjectNode> commands = demo.commands("qs" + Long.toString(System.currentTimeMillis(), 36));
        step("Writing " + commands.size() + " order commands to " + commandTopic);
        demo.send(commands);

        step(options.duration().map(d -> "Running for " + d.toSeconds() + " s")
                .orElse("Running. Ctrl-C stops everything."));
        Map<String, String> states = watch(rest, List.of(source.name(), sink.name()));
        if (options.duration().isEmpty()) {
            return 0;
        }
        int code = check(printer.counts(), topics);
        for (Map.Entry<String, String> state : states.entrySet()) {
            if (state.getValue().contains("FAILED")) {
                out.println("Connector " + state.getKey() + " is " + state.getValue()
                        + ": GET /connectors/" + state.getKey() + "/status shows why");
                code = 1;
            }
        }
        return code;
    }

    /**
     * Waits for Ctrl-C or the end of {@code --duration}, printing a line whenever a connector or task changes
     * state (a task that fails shows here, with the REST call that explains it). Returns the last states.
     */
    private Map<String, String> watch(ConnectRestClient rest, List<String> connectors) throws InterruptedException {
        long deadline = options.duration().map(d -> System.currentTimeMillis() + d.toMillis()).orElse(Long.MAX_VALUE);
        Map<String, String> states = new java.util.LinkedHashMap<>();
        while (true) {
            for (String connector : connectors) {
                try {
                    String state = rest.statusLine(connector);
                    String previous = states.put(connector, state);
                    if (previous != null && !previous.equals(state)) {
                        step(connector + " " + state);
                    }
                } catch (IOException | RuntimeException e) {
                    // the worker is stopping, or busy rebalancing: look again next round
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || stop.await(Math.min(left, 2000), TimeUnit.MILLISECONDS)) {
                return states;
            }
        }
    }

    private BitMaxSimulator startSimulator() {
        BitMaxSimulator simulator = BitMaxSimulator.builder()
                .port(options.simulatorPort())
                .seed(SimulatorDefaults.SEED)
                .marketDataRate(SimulatorDefaults.MARKET_DATA_RATE)
                .apiKey(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET)
                .build()
                .start();
        running.add(simulator);
        return simulator;
    }

    private static List<String> expectedTopics(ConnectorDefinition source, ConnectorDefinition sink, String prefix,
                                               String commandTopic) {
        List<String> topics = new ArrayList<>();
        for (String channel : source.config().getOrDefault("channels", "").split(",")) {
            if (!channel.isBlank()) {
                topics.add(prefix + "." + channel.trim());
            }
        }
        topics.add(commandTopic);
        topics.add(sink.config().getOrDefault("topic.results", prefix + "-results"));
        return topics;
    }

    private int check(Map<String, Long> counts, List<String> expected) {
        out.println();
        out.println("Records per topic:");
        for (String topic : new TreeSet<>(counts.keySet())) {
            out.printf(Locale.ROOT, "  %-28s %8d%n", topic, counts.get(topic));
        }
        List<String> empty = expected.stream().filter(t -> counts.getOrDefault(t, 0L) == 0L).toList();
        if (empty.isEmpty()) {
            out.println("Every channel delivered records: " + String.join(", ", expected));
            return 0;
        }
        out.println("No records on: " + String.join(", ", empty));
        return 1;
    }

    private void requirePlugin() throws IOException {
        if (!Files.isDirectory(options.pluginPath())) {
            throw new IllegalStateException("No plugin directory at " + options.pluginPath()
                    + ": build it with `mvn -DskipTests install` (./quickstart.sh does)");
        }
        try (Stream<Path> files = Files.walk(options.pluginPath())) {
            if (files.noneMatch(p -> p.getFileName().toString().startsWith("connector-source"))) {
                throw new IllegalStateException("The plugin directory " + options.pluginPath()
                        + " holds no connector jar: build it with `mvn -DskipTests install`");
            }
        }
    }

    /** A port already taken fails here with the option to change, not deep inside Kafka's startup. */
    private void requireFreePorts() {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        ports.put("--kafka-port", options.kafkaPort());
        ports.put("--controller-port", options.controllerPort());
        ports.put("--connect-port", options.connectPort());
        ports.put("--simulator-port", options.simulatorPort());
        ports.forEach((option, port) -> {
            if (port == 0) {
                return;
            }
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress("localhost", port));
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " is in use (is a Kafka, Connect or another "
                        + "quickstart running?): stop it, or choose another port with " + option + " <port>");
            }
        });
    }

    private void requireConnectorPlugins(ConnectRestClient rest) throws Exception {
        List<String> plugins = rest.connectorPlugins();
        List<String> missing = Stream.of(SOURCE_CLASS, SINK_CLASS).filter(c -> !plugins.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The worker did not find " + missing + " on plugin.path "
                    + options.pluginPath() + "; it found " + plugins);
        }
    }

    private void printAddresses(KRaftBroker broker, DistributedWorker worker, BitMaxSimulator simulator,
                                ConnectorDefinition source, ConnectorDefinition sink) {
        String prefix = source.config().getOrDefault("topic.prefix", "bitmax");
        String commands = sink.topics().isEmpty() ? prefix + "-commands" : sink.topics().get(0);
        out.println();
        out.println("  Kafka bootstrap servers  " + broker.bootstrapServers());
        out.println("  Connect REST API         " + worker.restUrl());
        out.println("  Simulator REST           " + simulator.restUrl());
        out.println("  Simulator WebSocket      " + simulator.wsUrl() + "/api/pro/v2/stream");
        out.println("  Simulator account        key " + SimulatorDefaults.API_KEY + " (secret in "
                + relative(options.configDir()) + "/secrets/bitmax-simulator.properties)");
        out.println();
        out.println("  curl -s " + worker.restUrl() + "/connectors?expand=status");
        out.println("  kafka-console-consumer.sh --bootstrap-server " + broker.bootstrapServers() + " --topic "
                + prefix + ".trades");
        out.println("  echo '{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Market\","
                + "\"orderQty\":\"0.001\"}' | kafka-console-producer.sh --bootstrap-server "
                + broker.bootstrapServers() + " --topic " + commands);
        out.println();
    }

    private <T extends AutoCloseable> T track(T resource) {
        running.add(resource);
        return resource;
    }

    private void step(String message) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.currentTimeMillis() - startedMillis) / 1000.0, message);
    }

    /** Stops everything, newest first; safe to call twice (main thread and Ctrl-C). */
    private void shutdown() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop.countDown();
        step("Shutting down");
        List<AutoCloseable> reversed = new ArrayList<>(running);
        java.util.Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("While stopping " + resource.getClass().getSimpleName() + ": " + e);
            }
        }
        deleteDataDirectory();
        step("Stopped");
    }

    private void deleteDataDirectory() {
        if (dataDirectory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory: the OS cleans up what is left
        }
    }

    private static String relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    /** When the user typed the command: quickstart.sh passes it, else the JVM's own start. */
    private static long commandStartMillis() {
        String fromScript = System.getProperty("quickstart.started.ms");
        if (fromScript != null && fromScript.matches("\\d{13}")) {
            return Long.parseLong(fromScript);
        }
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
