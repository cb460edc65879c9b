package dev.bitmaxconnect.bench.sink;

import dev.bitmaxconnect.client.BitMaxCredentials;
import dev.bitmaxconnect.client.KeyEncoding;
import dev.bitmaxconnect.client.auth.RequestSigner;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The limit's batch requests of 10 orders: bodies built ahead, cut around each order's time (which the exchange wants
 * within 30 s), and signing headers made again once a second (the signature covers the timestamp and the path, not
 * the body): what any client must do anyway, and nothing more.
 */
final class BatchRequests {
    private static final String BATCH_PATH = "v2/futures/order/batch";
    private static final MediaType JSON = MediaType.get("application/json");

    private final RequestSigner signer = new RequestSigner(BitMaxCredentials.of(SimulatorDefaults.API_KEY,
            SimulatorDefaults.API_SECRET), KeyEncoding.RAW);
    private final String url;
    private volatile Request template;
    private volatile long signedAtMs;

    BatchRequests(String restUrl) {
        this.url = restUrl + "/" + SimulatorDefaults.ACCOUNT_GROUP + "/api/pro/" + BATCH_PATH;
    }

    /** Batch {@code b} of 10 IOC buys below the book, cut around each order's time. */
    static String[] parts(String prefix, int b) {
        String[] parts = new String[11];
        StringBuilder part = new StringBuilder("{\"orders\":[");
        for (int i = 0; i < 10; i++) {
            int k = b * 10 + i;
            part.append(i == 0 ? "" : ",").append("{\"id\":\"").append(prefix).append(k).append("\",\"time\":");
            parts[i] = part.toString();
            part.setLength(0);
            part.append(",\"symbol\":\"BTC-PERP\",\"orderPrice\":\"")
                    .append(SinkThroughputBenchmark.price(k).toPlainString())
                    .append("\",\"orderQty\":\"0.001\",\"orderType\":\"Limit\",\"side\":\"Buy\",\"timeInForce\":\"IOC\"}");
        }
        parts[10] = part.append("]}").toString();
        return parts;
    }

    /** The signed request of one batch's {@link #parts}. */
    Request request(String[] bodyParts) {
        long now = System.currentTimeMillis();
        Request t = template;
        if (t == null || now - signedAtMs >= 1_000) {
            t = new Request.Builder().url(url)
                    .header(RequestSigner.HEADER_KEY, SimulatorDefaults.API_KEY)
                    .header(RequestSigner.HEADER_TIMESTAMP, Long.toString(now))
                    .header(RequestSigner.HEADER_SIGNATURE, signer.sign(now, BATCH_PATH)).build();
            template = t;
            signedAtMs = now;
        }
        String time = Long.toString(signedAtMs);
        StringBuilder body = new StringBuilder(1_600);
        for (int i = 0; i < 10; i++) {
            body.append(bodyParts[i]).append(time);
        }
        body.append(bodyParts[10]);
        return t.newBuilder().post(RequestBody.create(body.toString(), JSON)).build();
    }
}
