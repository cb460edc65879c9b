package dev.bitmaxconnect.sink.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.common.retry.Backoff;
import dev.bitmaxconnect.common.retry.Retrier;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.sink.command.OrderCommandParser;
import dev.bitmaxconnect.sink.metrics.SinkMetrics;
import dev.bitmaxconnect.sink.result.ResultsWriter;
import dev.bitmaxconnect.sink.validate.CommandValidator;
import dev.bitmaxconnect.sink.validate.ContractFilter;
import dev.bitmaxconnect.sink.validate.ContractFilters;
import dev.bitmaxconnect.sink.validate.RiskLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A simulator with the default account, a REST client to it, and command processors that send to it and write
 * their results to a mock producer: what the tests of the processor against the exchange share.
 */
final class ProcessorOnSimulator implements AutoCloseable {

    static final String TOPIC = "cmds";

    final BitMaxSimulator sim;
    final BitMaxRestClient rest;
    final SinkMetrics metrics;
    final MockProducer<byte[], byte[]> producer;
    private final String connector;
    private final OrderCommandParser parser = new OrderCommandParser();
    private final ObjectMapper json = new ObjectMapper();

    ProcessorOnSimulator(String connector) {
        this.connector = connector;
        sim = BitMaxSimulator.builder().port(0).seed(7).marketDataRate(1)
                .apiKey(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET).build().start();
        rest = new BitMaxRestClient(BitMaxClientConfig.builder().restUrl(sim.restUrl())
                .credentials(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET).build());
        metrics = new SinkMetrics(connector, "0");
        producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * A task's processor for BTC-PERP orders: its own executor (no memory of earlier tasks), reading
     * {@code lookUpHistorySize} orders of history in a look-up, and the recovery index given.
     */
    CommandProcessor processor(RecoveryIndex recovery, int lookUpHistorySize) {
        ContractFilters filters = new ContractFilters();
        filters.replace(List.of(new ContractFilter("BTC-PERP", "Normal", new BigDecimal("1"),
                new BigDecimal("1000000"), new BigDecimal("0.5"), new BigDecimal("0.001"), new BigDecimal("1000"),
                new BigDecimal("0.001"))));
        OrderExecutor executor = new OrderExecutor(
                new OrderExecutor.Exchange(rest, null, 5_000, SimulatorDefaults.USER_UID, lookUpHistorySize),
                new Retrier(3, new Backoff(10, 50), 10_000), metrics, Clock.systemUTC());
        return new CommandProcessor(new CommandProcessor.Settings(connector, false, true, true),
                new CommandValidator(filters, RiskLimits.none()), new CommandProcessor.Sending(executor, rest, recovery),
                new CommandProcessor.Reporting(new ResultsWriter("results", producer), null, metrics, Clock.systemUTC()));
    }

    /** Runs records as one unit of their partition; returns the results written for them. */
    List<JsonNode> run(CommandProcessor processor, List<SinkRecord> records) throws IOException {
        int before = producer.history().size();
        List<PendingCommand> unit = new ArrayList<>();
        for (SinkRecord r : records) {
            unit.add(new PendingCommand(r, parser.parse(r.value()), null, System.nanoTime()));
        }
        processor.process(new TopicPartition(TOPIC, 0), unit);
        List<JsonNode> out = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> r : producer.history().subList(before, producer.history().size())) {
            out.add(json.readTree(r.value()));
        }
        return out;
    }

    @Override
    public void close() {
        rest.close();
        metrics.close();
        sim.close();
    }
}
