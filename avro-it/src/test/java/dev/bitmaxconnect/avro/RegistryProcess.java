package dev.bitmaxconnect.avro;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running Apicurio Registry (in-memory storage) in a child JVM, from the runnable the {@code avro-it/registry}
 * module builds, on a free loopback port. Its output goes to {@code target/registry.log}.
 */
final class RegistryProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");
    private static final long START_TIMEOUT_SECONDS = 120;

    private final Process process;
    private final int port;

    private RegistryProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RegistryProcess start() {
        Path runner = Paths.get(required("registry.runner"));
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException("No runnable registry at " + runner + ": build avro-it/registry first");
        }
        Path log = Paths.get("target", "registry.log").toAbsolutePath();
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        // One database connection: the in-memory H2 of this registry version fails concurrent first registrations
        // ("Concurrent update in table SEQUENCES") when several converters register at once.
        ProcessBuilder builder = new ProcessBuilder(java.toString(),
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=0",
                "-Dquarkus.datasource.jdbc.initial-size=1", "-Dquarkus.datasource.jdbc.min-size=1",
                "-Dquarkus.datasource.jdbc.max-size=1", "-jar", runner.toString())
                .redirectErrorStream(true);
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> copyOutput(process, log, listening), "registry-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new RegistryProcess(process, listening.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while the registry started", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The registry did not start; see " + log, e);
        }
    }

    /** The registry's own API (version 2), as Apicurio's converter and serializers take it. */
    String registryApiUrl() {
        return baseUrl() + "/apis/registry/v2";
    }

    /** The Confluent-compatible API, as Confluent's clients and {@code curl} users take it. */
    String confluentApiUrl() {
        return baseUrl() + "/apis/ccompat/v6";
    }

    /** Where the registry listens; its APIs are under {@code /apis}. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<Integer> listening) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(line);
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    listening.complete(Integer.parseInt(matcher.group(1)));
                }
            }
            listening.completeExceptionally(new IllegalStateException(
                    "The registry exited with " + process.waitFor() + " before it listened"));
        } catch (IOException e) {
            listening.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listening.completeExceptionally(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (failsafe sets it)");
        }
        return value;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
