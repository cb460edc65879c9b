package dev.bitmaxconnect.simulator.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.bitmaxconnect.simulator.Faults;
import dev.bitmaxconnect.simulator.GroundTruth;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.simulator.engine.ErrorCode;
import dev.bitmaxconnect.simulator.engine.Exchange;
import dev.bitmaxconnect.simulator.engine.ExchangeException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** Admin endpoints under {@code /_sim}: fault switches, ground truth, mark price, health. */
public final class AdminHandler {

    private final Consumer<Duration> networkStopper;
    private final Exchange exchange;
    private final Faults faults;
    private final GroundTruth truth;
    private final ObjectMapper json;

    /** @param networkStopper takes the simulator off the network for a while, shortly after the answer is sent */
    public AdminHandler(Consumer<Duration> networkStopper, Exchange exchange, Faults faults, GroundTruth truth) {
        this.networkStopper = networkStopper;
        this.exchange = exchange;
        this.faults = faults;
        this.truth = truth;
        this.json = plainDecimals();
    }

    boolean handle(String path, Request request, Response response, Callback callback) throws Exception {
        String route = request.getMethod() + " " + path.substring(SimulatorDefaults.ADMIN_PREFIX.length());
        Content.Source.consumeAll(request); // parameters are in the query; an unread body would cost the connection
        Fields query = Request.extractQueryParameters(request);
        Object body;
        int status = 200;
        try {
            body = switch (route) {
                case "GET /health" -> Map.of("status", "ok");
                case "GET /ground-truth" -> truth.describe();
                case "GET /ground-truth/counts" -> truth.counts();
                case "GET /faults" -> faults.describe();
                case "POST /faults/reset" -> faults.reset().describe();
                case "POST /faults/drop-connections" -> faults.dropAllConnections().describe();
                case "POST /faults/stop-answering-pings" -> faults.stopAnsweringPings(on(query)).describe();
                case "POST /faults/lose-client-frames" -> faults.loseClientFrames(on(query)).describe();
                case "POST /faults/pause-market-data" -> faults.pauseMarketData(on(query)).describe();
                case "POST /faults/refuse-auth" -> faults.refuseAuth(on(query)).describe();
                case "POST /faults/fail-next-rest" -> faults.failNextRestRequests(integer(query, "count", 1),
                        integer(query, "status", 503), integer(query, "code", ErrorCode.SERVER_ERROR.code()))
                        .describe();
                case "POST /faults/delay" -> faults.delayResponses(
                        Duration.ofMillis(integer(query, "millis", 0))).describe();
                case "POST /faults/apply-then-drop" -> faults.applyThenDropNextOrders(integer(query, "count", 1))
                        .describe();
                case "POST /faults/malform-next-rest" -> faults.malformNextRestResponses(integer(query, "count", 1))
                        .describe();
                case "POST /faults/oversize-next-rest" -> faults.oversizeNextRestResponses(integer(query, "count", 1),
                        integer(query, "bytes", 1 << 20)).describe();
                case "POST /faults/malformed-frames" -> Map.of("sessions",
                        faults.sendMalformedFrames(integer(query, "count", 1)));
                case "POST /faults/oversized-frames" -> Map.of("sessions",
                        faults.sendOversizedFrames(integer(query, "count", 1), integer(query, "bytes", 1 << 20)));
                case "POST /network/stop" -> {
                    networkStopper.accept(Duration.ofMillis(integer(query, "millis", 0)));
                    yield Map.of("stoppedForMillis", integer(query, "millis", 0));
                }
                case "POST /mark-price" -> markPrice(query);
                default -> null;
            };
            if (body == null) {
                status = 404;
                body = Map.of("error", "No admin endpoint " + route);
            }
        } catch (IllegalArgumentException | ExchangeException e) {
            status = 400;
            body = Map.of("error", String.valueOf(e.getMessage()));
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(body)), callback);
        return true;
    }

    /** Decimals of the ground truth as plain strings ("30000.25", never 3.000025E+4). */
    private static ObjectMapper plainDecimals() {
        return new ObjectMapper().registerModule(new SimpleModule()
                .addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
                    @Override
                    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider)
                            throws IOException {
                        gen.writeString(value.toPlainString());
                    }
                }));
    }

    private Object markPrice(Fields query) throws ExchangeException {
        String symbol = query.getValue("symbol");
        String price = query.getValue("price");
        BigDecimal value;
        try {
            value = price == null || price.isBlank() ? null : new BigDecimal(price);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid price: '" + price + "'");
        }
        exchange.pinMarkPrice(symbol, value, System.currentTimeMillis());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("symbol", symbol);
        result.put("markPrice", exchange.prices().markPrice(symbol).toPlainString());
        result.put("pinned", value != null);
        return result;
    }

    private static boolean on(Fields query) {
        String value = query.getValue("on");
        if (value == null) {
            value = query.getValue("enabled");
        }
        if (value == null) {
            return true;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("Invalid on: '" + value + "' (true or false)");
        }
        return Boolean.parseBoolean(value);
    }

    private static int integer(Fields query, String name, int fallback) {
        String value = query.getValue(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + name + ": '" + value + "' (an integer)");
        }
    }
}
