package dev.bitmaxconnect.compatibility;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A distributed Connect worker of a released Kafka version in its own JVM, started as {@code connect-distributed.sh}
 * starts one: {@code ConnectDistributed} with that version's jars on the class path and a worker properties file.
 * The plugin reaches it only through {@code plugin.path}.
 */
final class WorkerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    /** Stops the worker if the test JVM exits without closing it (a failed or interrupted run). */
    private final Thread orphanGuard;
    final WorkerRest rest;

    private WorkerProcess(Process process, Path log, WorkerRest rest) {
        this.process = process;
        this.log = log;
        this.rest = rest;
        this.orphanGuard = new Thread(process::destroyForcibly, "stop-worker-" + process.pid());
        Runtime.getRuntime().addShutdownHook(orphanGuard);
    }

    /**
     * @param classPath the version's {@code worker-lib} directory (every jar in it)
     * @param directory where the worker properties and the worker's log go
     * @param extraProps worker properties beyond the common ones: the install's ({@code plugin.path}, config
     *                   providers) and the cell's (e.g. exactly-once source support)
     */
    static WorkerProcess start(Path classPath, Jdk jdk, String bootstrapServers, String name, Path directory,
                               Map<String, String> extraProps) {
        try {
            Files.createDirectories(directory);
            int port = freePort();
            Map<String, String> props = new LinkedHashMap<>();
            props.put("bootstrap.servers", bootstrapServers);
            props.put("group.id", name);
            props.put("listeners", "http://localhost:" + port);
            props.put("rest.advertised.host.name", "localhost");
            props.put("plugin.discovery", "service_load");
            props.put("config.storage.topic", name + "-configs");
            props.put("offset.storage.topic", name + "-offsets");
            props.put("status.storage.topic", name + "-status");
            props.put("config.storage.replication.factor", "1");
            props.put("offset.storage.replication.factor", "1");
            props.put("status.storage.replication.factor", "1");
            props.put("offset.storage.partitions", "5");
            props.put("status.storage.partitions", "1");
            props.put("offset.flush.interval.ms", "1000");
            props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            props.put("value.converter.schemas.enable", "false");
            props.putAll(extraProps);
            Path workerProperties = directory.resolve(name + ".properties");
            Files.writeString(workerProperties, props.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));

            Path log = directory.resolve(name + ".log");
            Process process = new ProcessBuilder(List.of(jdk.java().toString(), "-Xms64m", "-Xmx512m",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                    "-cp", classPath.resolve("*").toString(),
                    "org.apache.kafka.connect.cli.ConnectDistributed", workerProperties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            WorkerProcess worker = new WorkerProcess(process, log, new WorkerRest("http://localhost:" + port));
            worker.awaitReady(Duration.ofSeconds(120));
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path log() {
        return log;
    }

    private void awaitReady(Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .failFast("the worker exited; see " + log, () -> !process.isAlive())
                    .until(rest::isReady);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("The worker did not become ready within " + timeout.toSeconds()
                    + " s; see " + log, e);
        }
    }

    /** Stops the worker as an operator's SIGTERM does (Connect stops its tasks gracefully), then for sure. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(orphanGuard);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the worker
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
