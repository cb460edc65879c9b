package dev.bitmaxconnect.sink.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.GroundTruth;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.sink.result.ResultsReader;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands delivered again to a task that starts after the first one and knows only the first task's
 * results, read back: nothing of the exchange's open orders or history. And cancels that reach a task
 * which knows nothing of their order (another task placed it after this one's results were read back).
 */
class CommandsDeliveredAgainIT {

    private ProcessorOnSimulator exchange;
    private BitMaxSimulator sim;
    private MockProducer<byte[], byte[]> producer;

    @BeforeEach
    void start() {
        exchange = new ProcessorOnSimulator("again-test");
        sim = exchange.sim;
        producer = exchange.producer;
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    /** A task's processor: its own executor (no memory of earlier tasks) and the recovery index given. */
    private CommandProcessor task(RecoveryIndex recovery) {
        return exchange.processor(recovery, 1);
    }

    private static SinkRecord record(String command, long offset) {
        return new SinkRecord(ProcessorOnSimulator.TOPIC, 0, null, null, null, command, offset, 1L,
                TimestampType.CREATE_TIME);
    }

    /** Runs records as one unit of their partition; returns the results written for them. */
    private List<JsonNode> run(CommandProcessor processor, SinkRecord... records) throws IOException {
        return exchange.run(processor, List.of(records));
    }

    private static String place(String id) {
        return "{\"action\":\"place\",\"id\":\"" + id + "\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"19000\",\"orderQty\":\"0.01\"}";
    }

    private static String cancel(String id, String origId) {
        return "{\"action\":\"cancel\",\"id\":\"" + id + "\",\"symbol\":\"BTC-PERP\",\"origId\":\"" + origId + "\"}";
    }

    /** What a task started now knows: the results written so far, read back. */
    private RecoveryIndex readBack() {
        RecoveryIndex recovery = new RecoveryIndex(SimulatorDefaults.USER_UID);
        for (ProducerRecord<byte[], byte[]> r : producer.history()) {
            ResultsReader.placedOrders(r.value(), recovery::addPlaced);
        }
        return recovery;
    }

    @Test
    void coalescedCancelsOfEarlierOrdersSendOnlyWhatIsStillOpen() throws IOException {
        CommandProcessor first = task(new RecoveryIndex(SimulatorDefaults.USER_UID));
        SinkRecord placeA = record(place("againorder1"), 0);
        SinkRecord placeB = record(place("againorder2"), 1);
        SinkRecord placeC = record(place("againorder3"), 2);
        SinkRecord cancelA = record(cancel("againcancel1", "againorder1"), 3);
        assertThat(run(first, placeA, placeB, placeC)).extracting(r -> r.get("status").asText())
                .containsOnly("accepted");
        assertThat(run(first, cancelA).get(0).get("status").asText()).isEqualTo("accepted");

        // A new task: the cancel of A delivered again, coalesced with a first cancel of B, then C by itself.
        CommandProcessor next = task(readBack());
        GroundTruth.Counts before = sim.groundTruth().counts();
        List<JsonNode> results = run(next, cancelA, record(cancel("againcancel2", "againorder2"), 4));
        assertThat(results).extracting(r -> r.get("commandId").asText())
                .containsExactly("againcancel1", "againcancel2");
        assertThat(results.get(0).get("status").asText()).as("%s", results.get(0)).isEqualTo("duplicate");
        assertThat(results.get(0).get("reason").asText()).isEqualTo("ALREADY_CANCELED");
        assertThat(results.get(1).get("status").asText()).as("%s", results.get(1)).isEqualTo("accepted");
        assertThat(results.get(1).get("orderId").asText())
                .isEqualTo(sim.groundTruth().acceptedOrdersWithClientId("againorder2").get(0).orderId());
        GroundTruth.Counts after = sim.groundTruth().counts();
        assertThat(after.canceledOrders()).isEqualTo(before.canceledOrders() + 1);
        assertThat(after.rejectedRequests()).isEqualTo(before.rejectedRequests());

        assertThat(run(next, record(cancel("againcancel3", "againorder3"), 5)).get(0).get("status").asText())
                .isEqualTo("accepted");
    }

    @Test
    void aPlaceDeliveredAgainIsNotPlacedAgainWhileAnotherCommandReusingItsIdIs() throws IOException {
        CommandProcessor first = task(new RecoveryIndex(SimulatorDefaults.USER_UID));
        SinkRecord placeA = record(place("againorder1"), 0);
        run(first, placeA);
        run(first, record(cancel("againcancel1", "againorder1"), 1));

        CommandProcessor next = task(readBack());
        JsonNode again = run(next, placeA).get(0);
        assertThat(again.get("status").asText()).as("%s", again).isEqualTo("duplicate");
        assertThat(again.get("orderId").asText())
                .isEqualTo(sim.groundTruth().acceptedOrdersWithClientId("againorder1").get(0).orderId());
        assertThat(sim.groundTruth().acceptedOrdersWithClientId("againorder1")).hasSize(1);
        // A later command using the id again is another command: it is placed.
        JsonNode reused = run(next, record(place("againorder1"), 3)).get(0);
        assertThat(reused.get("status").asText()).as("%s", reused).isEqualTo("accepted");
        assertThat(sim.groundTruth().acceptedOrdersWithClientId("againorder1")).hasSize(2);
    }

    @Test
    void aCancelWhoseOrderMustBeLookedUpWaitsOutAnExchangeFailingTheLookUp() throws IOException {
        CommandProcessor first = task(new RecoveryIndex(SimulatorDefaults.USER_UID));
        assertThat(run(first, record(place("lookuporder1"), 0)).get(0).get("status").asText()).isEqualTo("accepted");
        GroundTruth.Counts before = sim.groundTruth().counts();

        // The other task looks the order up among the open orders; the exchange's first answers are errors.
        CommandProcessor other = task(new RecoveryIndex(SimulatorDefaults.USER_UID));
        sim.faults().failNextRestRequests(2, 503, 510001);
        JsonNode result = run(other, record(cancel("lookupcancel1", "lookuporder1"), 1)).get(0);

        assertThat(result.get("status").asText()).as("%s", result).isEqualTo("accepted");
        assertThat(result.get("orderId").asText())
                .isEqualTo(sim.groundTruth().acceptedOrdersWithClientId("lookuporder1").get(0).orderId());
        assertThat(sim.groundTruth().counts().canceledOrders()).isEqualTo(before.canceledOrders() + 1);
    }

    @Test
    void aCancelWhoseOrderMustBeLookedUpAsksAgainAfterAnUnreadableAnswer() throws IOException {
        CommandProcessor first = task(new RecoveryIndex(SimulatorDefaults.USER_UID));
        assertThat(run(first, record(place("lookuporder3"), 0)).get(0).get("status").asText()).isEqualTo("accepted");

        CommandProcessor other = task(new RecoveryIndex(SimulatorDefaults.USER_UID));
        sim.faults().malformNextRestResponses(1);
        JsonNode result = run(other, record(cancel("lookupcancel3", "lookuporder3"), 1)).get(0);

        assertThat(result.get("status").asText()).as("%s", result).isEqualTo("accepted");
        assertThat(result.get("orderId").asText())
                .isEqualTo(sim.groundTruth().acceptedOrdersWithClientId("lookuporder3").get(0).orderId());
    }

    @Test
    void aCancelWhoseOrderTheExchangeCannotBeAskedForFailsWithoutCallingTheOrderUnknown() throws IOException {
        CommandProcessor first = task(new RecoveryIndex(SimulatorDefaults.USER_UID));
        assertThat(run(first, record(place("lookuporder2"), 0)).get(0).get("status").asText()).isEqualTo("accepted");
        GroundTruth.Counts before = sim.groundTruth().counts();

        CommandProcessor other = task(new RecoveryIndex(SimulatorDefaults.USER_UID));
        sim.faults().failNextRestRequests(100, 503, 510001);
        JsonNode result;
        try {
            result = run(other, record(cancel("lookupcancel2", "lookuporder2"), 1)).get(0);
        } finally {
            sim.faults().reset();
        }

        assertThat(result.get("status").asText()).as("%s", result).isEqualTo("failed");
        assertThat(result.get("reason").asText()).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(result.get("message").asText()).contains("lookuporder2").contains("could not be asked");
        assertThat(sim.groundTruth().counts().canceledOrders()).isEqualTo(before.canceledOrders());
    }
}
