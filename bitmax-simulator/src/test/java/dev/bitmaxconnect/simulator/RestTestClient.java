package dev.bitmaxconnect.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.simulator.auth.SignatureVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw signed HTTP calls to the simulator (java.net.http, no project client). */
final class RestTestClient {

    static final ObjectMapper JSON = new ObjectMapper();

    final String baseUrl;
    final String key;
    final String secret;
    final int group;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    KeyEncoding encoding = KeyEncoding.RAW;

    RestTestClient(String baseUrl, String key, String secret, int group) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.secret = secret;
        this.group = group;
    }

    static RestTestClient forDefault(BitMaxSimulator sim) {
        return new RestTestClient(sim.restUrl(), SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET,
                SimulatorDefaults.ACCOUNT_GROUP);
    }

    /** A public GET. */
    JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build()).body());
    }

    /** A private call: {@code futuresPath} like "order" or "order/status?orderId=x". */
    JsonNode call(String method, String futuresPath, Object body) throws IOException, InterruptedException {
        return JSON.readTree(raw(method, futuresPath, body).body());
    }

    HttpResponse<String> raw(String method, String futuresPath, Object body) throws IOException, InterruptedException {
        String pathOnly = futuresPath.contains("?") ? futuresPath.substring(0, futuresPath.indexOf('?')) : futuresPath;
        return signed(method, "/" + group + "/api/pro/v2/futures/" + futuresPath, "v2/futures/" + pathOnly, body,
                System.currentTimeMillis());
    }

    JsonNode accountInfo() throws IOException, InterruptedException {
        return JSON.readTree(signed("GET", "/api/pro/v2/account/info", "v2/account/info", null,
                System.currentTimeMillis()).body());
    }

    HttpResponse<String> signed(String method, String path, String signedPath, Object body, long timestamp)
            throws IOException, InterruptedException {
        String signature = SignatureVerifier.sign(encoding, secret, timestamp + "+" + signedPath);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("x-auth-key", key)
                .header("x-auth-timestamp", Long.toString(timestamp))
                .header("x-auth-signature", signature)
                .method(method, publisher)
                .build();
        return send(request);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
