package dev.bitmaxconnect.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The Connect REST API calls the matrix makes, over plain HTTP as an operator's curl would. */
final class WorkerRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    WorkerRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The worker answers and has joined its group (it answers 503 or 409 until then). */
    boolean isReady() throws IOException, InterruptedException {
        return send("GET", "/connectors", null).statusCode() == 200;
    }

    /** {@code GET /}: the worker's Kafka version, as it reports itself. */
    String kafkaVersion() {
        return get("/").path("version").asText();
    }

    JsonNode get(String path) {
        return json(call("GET", path, null), path);
    }

    /** Creates or updates a connector: {@code PUT /connectors/{name}/config}. */
    void putConnector(String name, Map<String, String> config) {
        json(call("PUT", "/connectors/" + name + "/config", config), name);
    }

    /** {@code PUT /connector-plugins/{class}/config/validate}: the errors Connect and the connector found. */
    JsonNode validate(String connectorClass, Map<String, String> config) {
        return json(call("PUT", "/connector-plugins/" + connectorClass + "/config/validate", config), connectorClass);
    }

    /** {@code DELETE /connectors/{name}}; a connector that does not exist is already gone. */
    void deleteConnector(String name) {
        HttpResponse<String> response = call("DELETE", "/connectors/" + name, null);
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw new IllegalStateException("delete of " + name + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Restarts the connector and all its tasks (KIP-745). */
    void restartWithTasks(String name) {
        HttpResponse<String> response = call("POST", "/connectors/" + name + "/restart?includeTasks=true", null);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("restart of " + name + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Connector and task states, e.g. {@code RUNNING [0:RUNNING 1:RUNNING]}; an empty line while unknown. */
    String status(String name) {
        HttpResponse<String> response = call("GET", "/connectors/" + name + "/status", null);
        if (response.statusCode() != 200) {
            return "";
        }
        JsonNode status = json(response, name);
        StringBuilder line = new StringBuilder(status.path("connector").path("state").asText()).append(" [");
        for (JsonNode task : status.path("tasks")) {
            line.append(task.path("id").asText()).append(':').append(task.path("state").asText()).append(' ');
            if (task.has("trace")) {
                line.append(task.path("trace").asText().lines().findFirst().orElse("")).append(' ');
            }
        }
        return line.toString().trim() + "]";
    }

    private HttpResponse<String> call(String method, String path, Object body) {
        try {
            return send(method, path, body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
