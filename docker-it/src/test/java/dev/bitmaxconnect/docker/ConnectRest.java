package dev.bitmaxconnect.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The Connect REST calls the test makes, over plain HTTP as the compose file's {@code connectors-init} curl does. */
final class ConnectRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    ConnectRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@code POST /connectors} with a {@code {"name": ..., "config": {...}}} document; fails unless created. */
    void create(JsonNode connector) {
        HttpResponse<String> response = send("POST", "/connectors", connector);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /connectors " + connector.path("name").asText() + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
    }

    /** Connector and task states, e.g. {@code RUNNING [0:RUNNING 1:RUNNING]}, with a failed task's first trace line. */
    String status(String name) {
        HttpResponse<String> response = send("GET", "/connectors/" + name + "/status", null);
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        JsonNode status = read(response.body());
        StringBuilder line = new StringBuilder(status.path("connector").path("state").asText()).append(" [");
        for (JsonNode task : status.path("tasks")) {
            line.append(task.path("id").asText()).append(':').append(task.path("state").asText()).append(' ');
            if (task.has("trace")) {
                line.append(task.path("trace").asText().lines().findFirst().orElse("")).append(' ');
            }
        }
        return line.toString().trim() + "]";
    }

    private HttpResponse<String> send(String method, String path, JsonNode body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .method(method, publisher)
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
