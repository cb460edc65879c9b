package dev.bitmaxconnect.sink.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.sink.command.ClientIds;
import dev.bitmaxconnect.sink.command.CommandFormatException;
import dev.bitmaxconnect.sink.command.OrderCommand;
import dev.bitmaxconnect.sink.command.OrderCommandParser;
import dev.bitmaxconnect.sink.metrics.SinkMetrics;
import dev.bitmaxconnect.sink.result.ResultsWriter;
import dev.bitmaxconnect.sink.validate.CommandValidator;
import dev.bitmaxconnect.sink.validate.ContractFilter;
import dev.bitmaxconnect.sink.validate.ContractFilters;
import dev.bitmaxconnect.sink.validate.RiskLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A refused command is answered under its own name: the result carries the {@code id} written in it and
 * its action, and is keyed as the command would have been had it been valid. Nothing here reaches an
 * exchange: refused commands are never sent, and the valid ones run under {@code dry.run}.
 */
class RefusedCommandResultTest {

    private static final String TOPIC = "cmds";
    private static final String CONNECTOR = "refused-test";
    private final ObjectMapper json = new ObjectMapper();
    private final OrderCommandParser parser = new OrderCommandParser();
    private final SinkMetrics metrics = new SinkMetrics(CONNECTOR, "0");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

    @AfterEach
    void stop() {
        metrics.close();
    }

    private CommandProcessor processor(boolean toleratesErrors) {
        ContractFilters filters = new ContractFilters();
        filters.replace(List.of(new ContractFilter("BTC-PERP", "Normal", new BigDecimal("1"),
                new BigDecimal("1000000"), new BigDecimal("0.5"), new BigDecimal("0.001"), new BigDecimal("1000"),
                new BigDecimal("0.001"))));
        // No executor, REST client or recovery index: under dry run nothing would reach them.
        return new CommandProcessor(new CommandProcessor.Settings(CONNECTOR, true, true, toleratesErrors),
                new CommandValidator(filters, RiskLimits.none()), new CommandProcessor.Sending(null, null, null),
                new CommandProcessor.Reporting(new ResultsWriter("results", producer), null, metrics, Clock.systemUTC()));
    }

    /** Runs one record at {@code offset} and returns its result record. */
    private ProducerRecord<byte[], byte[]> run(CommandProcessor processor, Object value, long offset) {
        producer.clear();
        SinkRecord record = new SinkRecord(TOPIC, 0, null, null, null, value, offset);
        PendingCommand pending;
        try {
            OrderCommand command = parser.parse(value);
            pending = new PendingCommand(record, command, null, System.nanoTime());
        } catch (CommandFormatException e) {
            pending = new PendingCommand(record, null, e, System.nanoTime());
        }
        processor.process(new TopicPartition(TOPIC, 0), List.of(pending));
        assertThat(producer.history()).hasSize(1);
        return producer.history().get(0);
    }

    private JsonNode value(ProducerRecord<byte[], byte[]> r) throws IOException {
        return json.readTree(r.value());
    }

    private static String key(ProducerRecord<byte[], byte[]> r) {
        return new String(r.key(), StandardCharsets.UTF_8);
    }

    @Test
    void aRefusedCommandIsKeyedAndNamedAsItWouldHaveBeenValid() throws IOException {
        CommandProcessor processor = processor(true);
        String order = "\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"price\":\"20000\","
                + "\"orderQty\":\"0.01\"";
        List<String> valid = List.of(
                "{\"action\":\"place\",\"id\":\"myorder001\"," + order + "}",
                // Ids the exchange does not take: the key is derived, from the offset and the action.
                "{\"action\":\"place\",\"id\":\"not an id!\"," + order + "}",
                "{\"action\":\"place-batch\",\"id\":\"not a batch id!\",\"orders\":[{" + order + "}]}",
                "{\"action\":\"cancel\",\"id\":\"mycancel01\",\"symbol\":\"BTC-PERP\","
                        + "\"orderId\":\"a177c2a8cfe1U0123456789rder00001\"}");
        long offset = 40;
        for (String command : valid) {
            String refused = command.substring(0, command.length() - 1) + ",\"bogus\":1}";
            ProducerRecord<byte[], byte[]> asValid = run(processor, command, offset);
            ProducerRecord<byte[], byte[]> asRefused = run(processor, refused, offset);
            JsonNode v = value(asValid);
            JsonNode r = value(asRefused);
            assertThat(v.get("status").asText()).as(command).isEqualTo("skipped");
            assertThat(r.get("status").asText()).as(refused).isEqualTo("rejected");
            assertThat(key(asRefused)).as(refused).isEqualTo(key(asValid));
            assertThat(r.get("commandId").asText()).isEqualTo(key(asValid));
            assertThat(r.get("givenId")).as(refused).isEqualTo(v.get("givenId"));
            assertThat(r.get("action")).as(refused).isEqualTo(v.get("action"));
            assertThat(r.get("reason").asText()).isEqualTo("INVALID_COMMAND");
            assertThat(r.get("message").asText()).startsWith("bogus: unknown field");
            offset++;
        }
        assertThat(value(run(processor, "{\"action\":\"place\",\"id\":\"myorder001\",\"bogus\":1}", 7))
                .get("givenId").asText()).isEqualTo("myorder001");
    }

    @Test
    void aRecordThatIsNotACommandIsKeyedByItsPlaceAndSaysWhatItIs() throws IOException {
        CommandProcessor processor = processor(true);
        ProducerRecord<byte[], byte[]> result = run(processor, "hello, exchange", 12);
        JsonNode r = value(result);
        assertThat(key(result)).isEqualTo(new ClientIds(CONNECTOR).derived(TOPIC, 0, 12, 0));
        assertThat(r.get("givenId").isNull()).isTrue();
        assertThat(r.get("action").isNull()).isTrue();
        assertThat(r.get("status").asText()).isEqualTo("rejected");
        assertThat(r.get("reason").asText()).isEqualTo("UNREADABLE_COMMAND");
        assertThat(r.get("message").asText()).startsWith("the record value is not valid JSON");
    }

    @Test
    void theRefusalNamesTheRealReason() {
        CommandProcessor strict = processor(false);
        assertThatThrownBy(() -> run(strict, "{\"action\":\"place\",\"id\":\"myorder002\",\"symbol\":\"BTC-PERP\","
                + "\"side\":\"Buy\",\"orderType\":\"Limit\",\"price\":\"20000\",\"orderQty\":\"lots\"}", 3))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("(place, id myorder002) rejected: INVALID_COMMAND (invalid field orderQty)")
                .hasMessageNotContaining("unreadable");
        assertThatThrownBy(() -> run(strict, "{\"action\":\"place\"", 4))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("(action unknown, id " + new ClientIds(CONNECTOR).derived(TOPIC, 0, 4, 0)
                        + ") rejected: UNREADABLE_COMMAND (not JSON)");
    }
}
