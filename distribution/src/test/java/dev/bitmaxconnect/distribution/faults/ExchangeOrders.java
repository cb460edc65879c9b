package dev.bitmaxconnect.distribution.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.simulator.KeyEncoding;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Asks the exchange what became of orders, as a user would: a signed {@code order/status?orderId=a,b,...} over
 * REST, with the simulator's default account (the test classpath has no project client: the connectors and their
 * client reach the workers only through the plugin archive).
 */
final class ExchangeOrders {

    /** An order's state as the exchange and the order topic tell it: status and cumulative filled quantity. */
    record State(String status, String cumFilledQty) {

        static State of(JsonNode order) {
            String qty = order.path("cumFilledQty").asText("");
            return new State(order.path("status").asText(),
                    (qty.isEmpty() ? BigDecimal.ZERO : new BigDecimal(qty)).stripTrailingZeros().toPlainString());
        }

        boolean isFinal() {
            return !status.equals("New") && !status.equals("PartiallyFilled") && !status.equals("PendingNew");
        }

        @Override
        public String toString() {
            return status + "|" + cumFilledQty;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Order ids a request: about 3.3 kB of query, well within a request line. */
    private static final int IDS_PER_REQUEST = 100;
    private static final String SIGNED_PATH = "v2/futures/order/status";

    private final String restUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ExchangeOrders(String restUrl) {
        this.restUrl = restUrl;
    }

    /** The state of each order the account holds among {@code orderIds}; an order it does not know is left out. */
    Map<String, State> states(List<String> orderIds) {
        Map<String, State> states = new HashMap<>();
        for (int from = 0; from < orderIds.size(); from += IDS_PER_REQUEST) {
            List<String> ids = orderIds.subList(from, Math.min(orderIds.size(), from + IDS_PER_REQUEST));
            // A trailing comma asks for a list even for one id.
            for (JsonNode order : query(String.join(",", ids) + ",").path("data")) {
                states.put(order.path("orderId").asText(), State.of(order));
            }
        }
        return states;
    }

    private JsonNode query(String orderIds) {
        long timestamp = System.currentTimeMillis();
        HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + "/" + SimulatorDefaults.ACCOUNT_GROUP
                        + "/api/pro/" + SIGNED_PATH + "?orderId=" + URLEncoder.encode(orderIds, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10))
                .header("x-auth-key", SimulatorDefaults.API_KEY)
                .header("x-auth-timestamp", Long.toString(timestamp))
                .header("x-auth-signature", sign(timestamp + "+" + SIGNED_PATH))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || body.path("code").asInt(-1) != 0) {
                throw new IllegalStateException("order/status answered HTTP " + response.statusCode() + ": "
                        + response.body());
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("order/status failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String sign(String prehash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KeyEncoding.RAW.keyBytes(SimulatorDefaults.API_SECRET), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
