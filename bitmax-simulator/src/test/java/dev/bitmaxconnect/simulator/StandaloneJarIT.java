package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code java -jar target/bitmax-simulator-*.jar}: one jar matches, it runs alone and prints its URLs. */
class StandaloneJarIT {

    @Test
    void theRunnableJarStartsAndPrintsItsUrls() throws Exception {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(Path.of("target"), "bitmax-simulator-*.jar")) {
            matches.forEach(jars::add);
        }
        assertThat(jars).hasSize(1);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jars.get(0).toString(), "--port", "0", "--rate", "5",
                "--seed", "3").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String restUrl = null;
            String wsUrl = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((restUrl == null || wsUrl == null) && System.nanoTime() < deadline) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                if (line.startsWith("REST base URL:")) {
                    restUrl = line.substring(line.indexOf("http"));
                } else if (line.startsWith("WebSocket base URL:")) {
                    wsUrl = line.substring(line.indexOf("ws://"));
                }
            }
            assertThat(restUrl).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(wsUrl).matches("ws://127\\.0\\.0\\.1:\\d+");
            HttpResponse<String> contracts = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(restUrl + "/api/pro/v2/futures/contract")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(contracts.body()).contains("BTC-PERP", "ETH-PERP");
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void helpExitsAfterPrintingUsage() throws IOException, InterruptedException {
        Path jar;
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(Path.of("target"), "bitmax-simulator-*.jar")) {
            jar = matches.iterator().next();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--help").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(output).contains("--port", "--api-key", "--api-secret", "--seed", "--rate");
    }
}
