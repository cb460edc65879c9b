package dev.bitmaxconnect.sink.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.common.retry.Backoff;
import dev.bitmaxconnect.common.retry.Retrier;
import dev.bitmaxconnect.sink.command.CommandFormatException;
import dev.bitmaxconnect.sink.command.OrderCommand;
import dev.bitmaxconnect.sink.command.OrderCommandParser;
import dev.bitmaxconnect.sink.fuzz.HostileCommands.Mutated;
import dev.bitmaxconnect.sink.metrics.SinkMetrics;
import dev.bitmaxconnect.sink.result.ResultsWriter;
import dev.bitmaxconnect.sink.send.CommandProcessor;
import dev.bitmaxconnect.sink.send.OrderExecutor;
import dev.bitmaxconnect.sink.send.PendingCommand;
import dev.bitmaxconnect.sink.send.RecoveryIndex;
import dev.bitmaxconnect.sink.validate.CommandValidator;
import dev.bitmaxconnect.sink.validate.RiskLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The whole path from record to wire for invalid commands: the task's parse, then the command processor
 * with a real REST client pointed at a local HTTP server. The server must never see a request, and every
 * command must get a {@code rejected} result naming the field.
 */
class InvalidCommandsSendNothingFuzzTest {

    private static final String TOPIC = "commands";
    private static HttpServer exchange;
    private static final AtomicInteger requests = new AtomicInteger();
    private static MockProducer<byte[], byte[]> producer;
    private static CommandProcessor processor;
    private static SinkMetrics metrics;
    private static BitMaxRestClient rest;
    private static long offset;

    @BeforeContainer
    static void start() throws IOException {
        exchange = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        exchange.createContext("/", http -> {
            requests.incrementAndGet();
            byte[] body = "{\"code\":0,\"data\":{}}".getBytes();
            http.sendResponseHeaders(200, body.length);
            http.getResponseBody().write(body);
            http.close();
        });
        exchange.start();
        rest = new BitMaxRestClient(BitMaxClientConfig.builder()
                .restUrl("http://127.0.0.1:" + exchange.getAddress().getPort())
                .credentials("fuzz-key", "fuzz-secret")
                .build());
        metrics = new SinkMetrics("fuzz", "0");
        producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        Retrier retry = new Retrier(0, new Backoff(1, 1), 1_000);
        String userUid = "U0123456789";
        OrderExecutor executor = new OrderExecutor(new OrderExecutor.Exchange(rest, null, 1_000, userUid, 10),
                retry, metrics, Clock.systemUTC());
        processor = new CommandProcessor(new CommandProcessor.Settings("fuzz", false, true, true),
                new CommandValidator(HostileCommands.referenceFilters(), new RiskLimits(Set.of(), null, null, true, true)),
                new CommandProcessor.Sending(executor, rest, new RecoveryIndex(userUid)),
                new CommandProcessor.Reporting(new ResultsWriter("results", producer), null, metrics, Clock.systemUTC()));
    }

    @AfterContainer
    static void stop() {
        exchange.stop(0);
        metrics.close();
        rest.close();
    }

    @Provide
    Arbitrary<Mutated> invalid() {
        return Arbitraries.longs().map(seed -> HostileCommands.next(new Random(seed))).filter(Mutated::mustRefuse);
    }

    @Property
    void invalidCommandsNeverReachTheExchange(@ForAll("invalid") Mutated m) throws IOException {
        for (Object value : m.map() == null ? List.of(m.json()) : List.of(m.json(), m.map())) {
            producer.clear();
            SinkRecord record = new SinkRecord(TOPIC, 0, null, null, null, value, offset++);
            processor.process(new TopicPartition(TOPIC, 0), List.of(pending(record)));

            assertThat(requests.get()).as("requests sent for %s", m).isZero();
            assertThat(producer.history()).hasSize(1);
            JsonNode result = HostileCommands.JSON.readTree(producer.history().get(0).value());
            assertThat(result.get("status").asText()).as("%s", m).isEqualTo("rejected");
            assertThat(result.get("requestTime").isNull()).isTrue();
            if (m.field() != null) {
                assertThat(result.get("message").asText()).contains(m.field());
            }
        }
    }

    /** What the task makes of a record: the parsed command, or why it is not one. */
    private static PendingCommand pending(SinkRecord record) {
        try {
            OrderCommand command = new OrderCommandParser().parse(record.value());
            return new PendingCommand(record, command, null, System.nanoTime());
        } catch (CommandFormatException e) {
            return new PendingCommand(record, null, e, System.nanoTime());
        }
    }
}
