package dev.bitmaxconnect.sink.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    private static Set<String> names(JsonNode object) {
        Set<String> out = new HashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
