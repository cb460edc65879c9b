package dev.bitmaxconnect.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The few calls of the Connect REST API the quickstart makes, over plain HTTP as a user's curl would. */
final class ConnectRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    ConnectRestClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Waits until the worker answers and has joined its group (it answers 503/409 or refuses until then). */
    void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/connectors")).GET());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The Connect worker at " + baseUrl + " did not become ready within "
                + timeout.toSeconds() + " s: " + last);
    }

    /** The connector classes the worker found on its plugin.path. */
    List<String> connectorPlugins() throws IOException, InterruptedException {
        JsonNode plugins = getJson("/connector-plugins");
        List<String> classes = new ArrayList<>();
        plugins.forEach(p -> classes.add(p.path("class").asText()));
        return classes;
    }

    /** Creates the connector, or updates it when it exists: {@code PUT /connectors/{name}/config}. */
    void putConnector(String name, Map<String, String> config) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/connectors/" + encode(name) + "/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Connect refused connector " + name + ": HTTP " + response.statusCode()
                    + " " + abbreviate(response.body()));
        }
    }

    /**
     * Waits until the connector and every task it has configured are RUNNING (a task appears in the status only once
     * its worker starts it); fails with the worker's trace otherwise.
     */
    void awaitRunning(String name, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no status";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                    uri("/connectors/" + encode(name) + "/status")).GET());
            if (response.statusCode() == 200) {
                JsonNode status = JSON.readTree(response.body());
                String connectorState = status.path("connector").path("state").asText();
                JsonNode tasks = status.path("tasks");
                boolean tasksRunning = tasks.size() > 0 && tasks.size() >= configuredTasks(name);
                for (JsonNode task : tasks) {
                    if ("FAILED".equals(task.path("state").asText())) {
                        throw new IllegalStateException("Task " + name + "-" + task.path("id").asText()
                                + " failed: " + abbreviate(task.path("trace").asText()));
                    }
                    tasksRunning &= "RUNNING".equals(task.path("state").asText());
                }
                if ("FAILED".equals(connectorState)) {
                    throw new IllegalStateException("Connector " + name + " failed: "
                            + abbreviate(status.path("connector").path("trace").asText()));
                }
                if ("RUNNING".equals(connectorState) && tasksRunning) {
                    return;
                }
                last = connectorState + ", " + tasks.size() + " task(s)";
            } else {
                last = "HTTP " + response.statusCode();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Connector " + name + " was not running within " + timeout.toSeconds()
                + " s (" + last + ")");
    }

    /** How many tasks the connector has configured; while Connect cannot tell (e.g. in a rebalance), more than any. */
    private int configuredTasks(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/connectors/" + encode(name) + "/tasks")).GET());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).size() : Integer.MAX_VALUE;
    }

    /** The states of the connector and its tasks in one line, e.g. {@code RUNNING [0:RUNNING 1:RUNNING]}. */
    String statusLine(String name) throws IOException, InterruptedException {
        JsonNode status = getJson("/connectors/" + encode(name) + "/status");
        StringBuilder line = new StringBuilder(status.path("connector").path("state").asText()).append(" [");
        for (JsonNode task : status.path("tasks")) {
            line.append(task.path("id").asText()).append(':').append(task.path("state").asText()).append(' ');
        }
        return line.toString().trim() + "]";
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode() + " "
                    + abbreviate(response.body()));
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 500 ? oneLine : oneLine.substring(0, 497) + "...";
    }
}
