package dev.bitmaxconnect.client.json;

import static dev.bitmaxconnect.client.testing.Examples.SAME_VALUE_ANY_CASE;
import static dev.bitmaxconnect.client.testing.Examples.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.client.model.CancelOrderRequest;
import dev.bitmaxconnect.client.model.ExecInst;
import dev.bitmaxconnect.client.model.NewOrderRequest;
import dev.bitmaxconnect.client.model.OrderType;
import dev.bitmaxconnect.client.model.RespInst;
import dev.bitmaxconnect.client.model.Side;
import dev.bitmaxconnect.client.model.TimeInForce;
import dev.bitmaxconnect.client.order.OrderIds;
import dev.bitmaxconnect.client.testing.Examples;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The request bodies written in one pass are, byte for byte, what the JSON trees the client built before gave
 * (kept here as {@link TreeBodies}, the oracle), for many generated orders and cancels, text with quotes, control and
 * non-ASCII characters included; and they are the reference's examples. (An unpaired surrogate, which is no text, was
 * sent as {@code ?} and is now an escape; the sink refuses such ids and symbols before sending.)
 */
class RequestBodiesTest {
    private static final ObjectMapper MAPPER = BitMaxJson.mapper();
    private static final int CASES = 3_000;

    @Test
    void singleOrdersAreWhatTheTreesGave() {
        Random rnd = new Random(20261129L);
        for (int i = 0; i < CASES; i++) {
            NewOrderRequest order = randomOrder(rnd);
            assertSameBytes(RequestBodies.newOrder(order), TreeBodies.newOrder(order, RequestBodies.PRICE), order);
            // the WebSocket place-order's args: the same fields with orderPrice
            assertSameBytes(RequestBodies.object(g -> RequestBodies.writeNewOrderFields(g, order, RequestBodies.ORDER_PRICE)),
                TreeBodies.newOrder(order, RequestBodies.ORDER_PRICE), order);
        }
    }

    @Test
    void batchesOfOrdersAreWhatTheTreesGave() {
        Random rnd = new Random(7L);
        for (int i = 0; i < CASES / 10; i++) {
            List<NewOrderRequest> orders = randomList(rnd, RequestBodiesTest::randomOrder);
            assertSameBytes(RequestBodies.orderBatch(orders),
                TreeBodies.batch(orders, o -> TreeBodies.newOrder(o, RequestBodies.ORDER_PRICE)), orders);
        }
    }

    @Test
    void cancelsAndBatchesOfCancelsAreWhatTheTreesGave() {
        Random rnd = new Random(11L);
        for (int i = 0; i < CASES; i++) {
            CancelOrderRequest cancel = randomCancel(rnd);
            assertSameBytes(RequestBodies.cancelOrder(cancel), TreeBodies.cancelOrder(cancel), cancel);
        }
        for (int i = 0; i < CASES / 10; i++) {
            List<CancelOrderRequest> cancels = randomList(rnd, RequestBodiesTest::randomCancel);
            assertSameBytes(RequestBodies.cancelBatch(cancels), TreeBodies.batch(cancels, TreeBodies::cancelOrder), cancels);
        }
    }

    @Test
    void batchBodiesAreTheReferenceExamples() throws Exception {
        List<NewOrderRequest> orders = List.of(
            NewOrderRequest.builder().id("sampleRequestId1").time(1613878579169L).symbol("BTC-PERP").price("34000")
                .orderQty("0.1").orderType(OrderType.LIMIT).side(Side.BUY).build(),
            NewOrderRequest.builder().id("sampleRequestId2").time(1613878579169L).symbol("BTC-PERP").price("35000")
                .orderQty("0.2").orderType(OrderType.LIMIT).side(Side.BUY).build());
        assertSameJson(MAPPER.readTree(RequestBodies.orderBatch(orders)),
            Examples.json("place-batch-orders--place-batch-orders-request-body.json"), SAME_VALUE_ANY_CASE);
        List<CancelOrderRequest> cancels = List.of(
            CancelOrderRequest.of("sampleRequestId1", "a177c2a8cfe1U0123456789eqntvwWsy", "BTC-PERP").withTime(1613900544076L),
            CancelOrderRequest.of("sampleRequestId2", "a177c2a8cfe1U0123456789equestId2", "BTC-PERP").withTime(1613900544076L));
        assertSameJson(MAPPER.readTree(RequestBodies.cancelBatch(cancels)),
            Examples.json("cancel-batch-orders--cancel-batch-orders-request-body.json"), SAME_VALUE_ANY_CASE);
    }

    @Test
    void decimalsAreWrittenExactlyInPlainNotation() throws Exception {
        NewOrderRequest order = NewOrderRequest.builder().symbol("BTC-PERP").orderType(OrderType.LIMIT).side(Side.SELL)
            .price(new BigDecimal("1E+3")).orderQty(new BigDecimal("0.000000000000000000012345678901234567890"))
            .stopPrice(new BigDecimal("-12345678901234567890.10")).build();
        ObjectNode written = (ObjectNode) MAPPER.readTree(RequestBodies.newOrder(order));
        assertThat(written.get("price").textValue()).isEqualTo("1000");
        assertThat(written.get("orderQty").textValue()).isEqualTo("0.000000000000000000012345678901234567890");
        assertThat(written.get("stopPrice").textValue()).isEqualTo("-12345678901234567890.10");
        assertThat(written.has("id")).isFalse();
        assertThat(written.has("time")).isFalse();
    }

    private static void assertSameBytes(byte[] written, ObjectNode tree, Object input) {
        // what the transport sent before: the tree's text, encoded as UTF-8
        byte[] expected = tree.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(new String(written, StandardCharsets.UTF_8)).as("body of %s", input)
            .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(written).as("bytes of %s", input).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- generated requests

    private static <T> List<T> randomList(Random rnd, Function<Random, T> item) {
        List<T> out = new ArrayList<>();
        int n = 1 + rnd.nextInt(10);
        for (int i = 0; i < n; i++) {
            out.add(item.apply(rnd));
        }
        return out;
    }

    private static NewOrderRequest randomOrder(Random rnd) {
        NewOrderRequest.Builder b = NewOrderRequest.builder()
            .id(maybe(rnd, () -> clientId(rnd)))
            .time(maybe(rnd, () -> 1L + (rnd.nextLong() & Long.MAX_VALUE >> 1)))
            .symbol(text(rnd))
            .price(maybe(rnd, () -> decimal(rnd)))
            .orderQty(decimal(rnd).abs().add(BigDecimal.ONE.movePointLeft(rnd.nextInt(12))))
            .orderType(rnd.nextInt(8) == 0 ? OrderType.of(text(rnd)) : pick(rnd, OrderType.Known.values(), OrderType::of))
            .side(rnd.nextInt(8) == 0 ? Side.of(text(rnd)) : pick(rnd, Side.Known.values(), Side::of))
            .respInst(maybe(rnd, () -> pick(rnd, RespInst.Known.values(), RespInst::of)))
            .postOnly(maybe(rnd, rnd::nextBoolean))
            .stopPrice(maybe(rnd, () -> decimal(rnd)))
            .timeInForce(maybe(rnd, () -> rnd.nextInt(8) == 0 ? TimeInForce.of(text(rnd))
                : pick(rnd, TimeInForce.Known.values(), TimeInForce::of)))
            .execInst(maybe(rnd, () -> pick(rnd, ExecInst.Known.values(), ExecInst::of)))
            .posStopLossPrice(maybe(rnd, () -> decimal(rnd)))
            .posTakeProfitPrice(maybe(rnd, () -> decimal(rnd)));
        return b.build();
    }

    private static CancelOrderRequest randomCancel(Random rnd) {
        CancelOrderRequest c = new CancelOrderRequest(maybe(rnd, () -> clientId(rnd)), text(rnd), text(rnd),
            maybe(rnd, () -> 1L + (rnd.nextLong() & Long.MAX_VALUE >> 1)),
            maybe(rnd, () -> pick(rnd, RespInst.Known.values(), RespInst::of)));
        return c;
    }

    private static <T> T maybe(Random rnd, Supplier<T> value) {
        return rnd.nextBoolean() ? value.get() : null;
    }

    private static <K, T> T pick(Random rnd, K[] known, Function<K, T> of) {
        return of.apply(known[rnd.nextInt(known.length)]);
    }

    /** A decimal of up to 40 digits, any sign, scale from -12 to 30: plain notation may be long. */
    private static BigDecimal decimal(Random rnd) {
        BigInteger unscaled = new BigInteger(1 + rnd.nextInt(133), rnd);
        BigDecimal d = new BigDecimal(rnd.nextBoolean() ? unscaled : unscaled.negate(), rnd.nextInt(43) - 12);
        return rnd.nextInt(10) == 0 ? d.stripTrailingZeros() : d;
    }

    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

    private static String clientId(Random rnd) {
        int length = 2 + rnd.nextInt(OrderIds.MAX_CLIENT_ID_LENGTH - 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            boolean inner = i > 0 && i < length - 1;
            s.append(inner && rnd.nextInt(6) == 0 ? '-' : ID_CHARS.charAt(rnd.nextInt(ID_CHARS.length())));
        }
        return s.toString();
    }

    /** Symbols and orderIds as a caller might pass them: ASCII mostly, quotes, escapes, control and non-ASCII characters. */
    private static final String[] PIECES = {"BTC", "-PERP", "eth", "_", "/", "0", "9", " ", "\"", "\\", "\n", "\t",
        "\u0001", "\u001f", "\u007f", "é", "ü", "中", "\u2028", "\uD83D\uDE80", "<", "&", "'"};

    private static String text(Random rnd) {
        StringBuilder s = new StringBuilder("X");
        int n = rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            s.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    /** How the client encoded requests before: a JSON tree per request, then its text. */
    private static final class TreeBodies {
        static ObjectNode newOrder(NewOrderRequest r, String priceField) {
            ObjectNode o = MAPPER.createObjectNode();
            putIfPresent(o, "id", r.id());
            if (r.time() != null) {
                o.put("time", r.time().longValue());
            }
            o.put("symbol", r.symbol());
            putIfPresent(o, priceField, r.price());
            putIfPresent(o, "orderQty", r.orderQty());
            o.put("orderType", r.orderType().wire());
            o.put("side", r.side().wire());
            if (r.respInst() != null) {
                o.put("respInst", r.respInst().wire());
            }
            if (r.postOnly() != null) {
                o.put("postOnly", r.postOnly().booleanValue());
            }
            putIfPresent(o, "stopPrice", r.stopPrice());
            if (r.timeInForce() != null) {
                o.put("timeInForce", r.timeInForce().wire());
            }
            if (r.execInst() != null) {
                o.put("execInst", r.execInst().wire());
            }
            putIfPresent(o, "posStopLossPrice", r.posStopLossPrice());
            putIfPresent(o, "posTakeProfitPrice", r.posTakeProfitPrice());
            return o;
        }

        static ObjectNode cancelOrder(CancelOrderRequest r) {
            ObjectNode o = MAPPER.createObjectNode();
            putIfPresent(o, "id", r.id());
            o.put("orderId", r.orderId());
            o.put("symbol", r.symbol());
            if (r.time() != null) {
                o.put("time", r.time().longValue());
            }
            if (r.respInst() != null) {
                o.put("respInst", r.respInst().wire());
            }
            return o;
        }

        static <T> ObjectNode batch(List<T> items, Function<T, ObjectNode> encode) {
            ObjectNode body = MAPPER.createObjectNode();
            ArrayNode encoded = body.putArray("orders");
            for (T item : items) {
                encoded.add(encode.apply(item));
            }
            return body;
        }

        private static void putIfPresent(ObjectNode o, String name, String value) {
            if (value != null) {
                o.put(name, value);
            }
        }

        private static void putIfPresent(ObjectNode o, String name, BigDecimal value) {
            if (value != null) {
                o.put(name, value.toPlainString());
            }
        }
    }
}
