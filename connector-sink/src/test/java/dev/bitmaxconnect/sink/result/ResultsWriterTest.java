package dev.bitmaxconnect.sink.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class ResultsWriterTest {

    private final ObjectMapper json = new ObjectMapper();

    private static CommandResult sample() {
        return new CommandResult("order000001", "order000001", "place-batch", ResultStatus.REJECTED, null, 300014,
                "TICK_SIZE_VIOLATION", "orders[1].price: not on the tick", 1613878579169L, 12, 1,
                List.of(ItemOutcome.accepted("batch0000011", "a177c2a8cfe1U0123456789h0000011"),
                        new ItemOutcome("batch0000012", null, ResultStatus.REJECTED, 300014, "TICK_SIZE_VIOLATION",
                                "orders[1].price: not on the tick")),
                "cmds", 2, 41, "orders-sink", 1613878579200L);
    }

    @Test
    void writesOneJsonRecordKeyedByTheCommandId() throws Exception {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        ResultsWriter writer = new ResultsWriter("results", producer);
        writer.write(sample());
        writer.flush();
        assertThat(producer.history()).hasSize(1);
        assertThat(new String(producer.history().get(0).key(), StandardCharsets.UTF_8)).isEqualTo("order000001");
        JsonNode v = json.readTree(producer.history().get(0).value());
        assertThat(v.get("status").asText()).isEqualTo("rejected");
        assertThat(v.get("code").asInt()).isEqualTo(300014);
        assertThat(v.get("orderId").isNull()).isTrue();
        assertThat(v.get("orders").get(0).get("orderId").asText()).isEqualTo("a177c2a8cfe1U0123456789h0000011");
        assertThat(v.get("offset").asLong()).isEqualTo(41);
    }

    @Test
    void anExchangeAnswerOfMegabytesIsCutSoTheRecordStaysWritable() throws Exception {
        String huge = "HTTP_500 - " + "x".repeat(2_000_000);
        CommandResult r = new CommandResult("order000001", null, "place", ResultStatus.REJECTED, null, null,
                "HTTP_500", huge, 1L, 3, 1,
                List.of(new ItemOutcome("order000001", null, ResultStatus.REJECTED, null, "HTTP_500", huge)),
                "cmds", 0, 7, "orders-sink", 2L);
        byte[] bytes = ResultsWriter.toJson(r);
        assertThat(bytes.length).isLessThan(10_000);
        JsonNode v = json.readTree(bytes);
        assertThat(v.get("message").asText()).startsWith("HTTP_500 - xxx").endsWith("(2000011 characters)");
        assertThat(v.get("orders").get(0).get("message").asText()).hasSizeLessThan(2_100);
        assertThat(ResultsWriter.toJson(sample())).asString(StandardCharsets.UTF_8)
                .contains("\"orders[1].price: not on the tick\"");
    }

    @Test
    void theDocumentedSchemaNamesEveryFieldWritten() throws Exception {
        JsonNode schema = json.readTree(Path.of("src", "main", "resources", "command-result.schema.json").toFile());
        JsonNode written = json.readTree(ResultsWriter.toJson(sample()));
        assertThat(names(written)).isEqualTo(names(schema.get("properties")));
        assertThat(names(written.get("orders").get(0)))
                .isEqualTo(names(schema.get("properties").get("orders").get("items").get("properties")));
    }

    @Test
    void theRecordsBytesAreWhatTheTreeGaveForManyResults() {
        Random rnd = new Random(20261129L);
        for (int i = 0; i < 3_000; i++) {
            CommandResult r = randomResult(rnd);
            byte[] written = ResultsWriter.toJson(r);
            byte[] expected = TreeResults.toJson(r);
            assertThat(new String(written, StandardCharsets.UTF_8)).as("result %s", r)
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(written).as("bytes of %s", r).isEqualTo(expected);
        }
    }

    private static CommandResult randomResult(Random rnd) {
        List<ItemOutcome> orders = new ArrayList<>();
        for (int i = rnd.nextInt(11); i > 0; i--) {
            orders.add(new ItemOutcome(maybeText(rnd), maybeText(rnd), pick(rnd), maybe(rnd, () -> rnd.nextInt()),
                    maybeText(rnd), rnd.nextInt(50) == 0 ? "m".repeat(2_500) + text(rnd) : maybeText(rnd)));
        }
        return new CommandResult(text(rnd), rnd.nextInt(50) == 0 ? "g".repeat(2_001) : maybeText(rnd), text(rnd),
                pick(rnd), maybeText(rnd), maybe(rnd, () -> rnd.nextInt()), maybeText(rnd), maybeText(rnd),
                maybe(rnd, rnd::nextLong), rnd.nextLong(), rnd.nextInt(), orders, text(rnd), rnd.nextInt(),
                rnd.nextLong(), text(rnd), rnd.nextLong());
    }

    private static ResultStatus pick(Random rnd) {
        return ResultStatus.values()[rnd.nextInt(ResultStatus.values().length)];
    }

    private static <T> T maybe(Random rnd, Supplier<T> value) {
        return rnd.nextBoolean() ? value.get() : null;
    }

    /** Text as commands and exchanges write it: quotes, escapes, control, non-ASCII and unpaired surrogates included. */
    private static final String[] PIECES = {"order", "-", "0", "9", " ", "\"", "\\", "\n", "\t", "\u0001", "\u001f",
        "\u007f", "é", "中", "\u2028", "\uD83D\uDE80", "\uD800", "\uDC00", "<", "&", "'", "HTTP_500"};

    private static String text(Random rnd) {
        StringBuilder s = new StringBuilder();
        for (int n = rnd.nextInt(8); n > 0; n--) {
            s.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    private static String maybeText(Random rnd) {
        return maybe(rnd, () -> text(rnd));
    }

    /** How result records were written before: a tree, serialised by a plain mapper. */
    private static final class TreeResults {
        private static final ObjectMapper JSON = new ObjectMapper();

        static byte[] toJson(CommandResult r) {
            ObjectNode n = JSON.createObjectNode();
            n.put("commandId", r.commandId());
            n.put("givenId", ResultsWriter.bounded(r.givenId()));
            n.put("action", r.action());
            n.put("status", r.status().wireName());
            n.put("orderId", r.orderId());
            if (r.code() == null) {
                n.putNull("code");
            } else {
                n.put("code", r.code());
            }
            n.put("reason", r.reason());
            n.put("message", ResultsWriter.bounded(r.message()));
            if (r.requestTime() == null) {
                n.putNull("requestTime");
            } else {
                n.put("requestTime", r.requestTime());
            }
            n.put("latencyMs", r.latencyMs());
            n.put("attempts", r.attempts());
            ArrayNode orders = n.putArray("orders");
            for (ItemOutcome o : r.orders()) {
                ObjectNode item = orders.addObject();
                item.put("clientId", o.clientId());
                item.put("orderId", o.orderId());
                item.put("status", o.status().wireName());
                if (o.code() == null) {
                    item.putNull("code");
                } else {
                    item.put("code", o.code());
                }
                item.put("reason", o.reason());
                item.put("message", ResultsWriter.bounded(o.message()));
            }
            n.put("topic", r.topic());
            n.put("partition", r.partition());
            n.put("offset", r.offset());
            n.put("connector", r.connector());
            n.put("timestamp", r.timestamp());
            try {
                return JSON.writeValueAsBytes(n);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new HashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
