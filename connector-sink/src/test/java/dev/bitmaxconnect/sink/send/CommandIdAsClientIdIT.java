package dev.bitmaxconnect.sink.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.simulator.AcceptedOrder;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A command's own id is the client id the exchange sees whenever the reference allows it (dashes,
 * underscores, fewer than 9 characters), so a cancel can name the order by it; and when such an id leaves
 * the orderId to the exchange, an ambiguous outcome is reported rather than risking a second order.
 */
class CommandIdAsClientIdIT {

    private ProcessorOnSimulator exchange;
    private BitMaxSimulator sim;
    private BitMaxRestClient rest;
    private CommandProcessor processor;
    private long offset;

    @BeforeEach
    void start() {
        exchange = new ProcessorOnSimulator("ids-test");
        sim = exchange.sim;
        rest = exchange.rest;
        processor = exchange.processor(new RecoveryIndex(SimulatorDefaults.USER_UID), 100);
    }

    @AfterEach
    void stop() {
        exchange.close();
    }

    /** Runs commands as one unit of a partition, as the lane forms them (consecutive single places, or cancels, or one other). */
    private List<JsonNode> run(String... commands) throws IOException {
        List<SinkRecord> records = new ArrayList<>();
        for (String c : commands) {
            records.add(new SinkRecord(ProcessorOnSimulator.TOPIC, 0, null, null, null, c, offset++));
        }
        return exchange.run(processor, records);
    }

    private static String place(String id, String price) {
        return "{\"action\":\"place\",\"id\":\"" + id + "\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":\"" + price + "\",\"orderQty\":\"0.01\"}";
    }

    @Test
    void everyIdTheReferenceAllowsIsSentAsItIsAndCancelsByIt() throws IOException {
        List<String> ids = List.of("x-limit", "my_order", "ab", "order-2026-11-25-0001", "abcdefghij");
        for (String id : ids) {
            List<JsonNode> placed = run(place(id, "20000"));
            assertThat(placed.get(0).get("status").asText()).as(id).isEqualTo("accepted");
            assertThat(placed.get(0).get("commandId").asText()).isEqualTo(id);
            List<AcceptedOrder> atExchange = sim.groundTruth().acceptedOrdersWithClientId(id);
            assertThat(atExchange).as(id).hasSize(1);
            assertThat(placed.get(0).get("orderId").asText()).isEqualTo(atExchange.get(0).orderId());
        }
        for (String id : ids) {
            List<JsonNode> canceled = run("{\"action\":\"cancel\",\"origId\":\"" + id + "\",\"symbol\":\"BTC-PERP\"}");
            assertThat(canceled.get(0).get("status").asText()).as("cancel of %s: %s", id, canceled.get(0))
                    .isEqualTo("accepted");
        }
        assertThat(rest.openOrders()).extracting(OrderInfo::orderId).doesNotContainAnyElementsOf(
                ids.stream().map(id -> sim.groundTruth().acceptedOrdersWithClientId(id).get(0).orderId()).toList());
    }

    @Test
    void aBatchAndCoalescedPlacesWithDashIdsAreCanceledByThoseIds() throws IOException {
        List<JsonNode> placed = run("{\"action\":\"place-batch\",\"orders\":["
                + "{\"id\":\"b-1\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"price\":\"19000\",\"orderQty\":\"0.01\"},"
                + "{\"id\":\"b_2\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"price\":\"19001\",\"orderQty\":\"0.01\"}]}");
        assertThat(placed.get(0).get("status").asText()).isEqualTo("accepted");
        List<JsonNode> coalesced = run(place("c-1", "18000"), place("c-2", "18000.5"));
        assertThat(coalesced).extracting(r -> r.get("status").asText()).containsExactly("accepted", "accepted");

        List<JsonNode> canceled = new ArrayList<>(run("{\"action\":\"cancel-batch\",\"orders\":["
                + "{\"origId\":\"b-1\",\"symbol\":\"BTC-PERP\"},{\"origId\":\"b_2\",\"symbol\":\"BTC-PERP\"}]}"));
        assertThat(canceled.get(0).get("orders")).hasSize(2);
        canceled.addAll(run("{\"action\":\"cancel\",\"origId\":\"c-1\",\"symbol\":\"BTC-PERP\"}",
                "{\"action\":\"cancel\",\"origId\":\"c-2\",\"symbol\":\"BTC-PERP\"}"));
        assertThat(canceled).extracting(r -> r.get("status").asText()).containsOnly("accepted").hasSize(3);
        assertThat(rest.openOrders()).as("placed %s %s, canceled %s", placed, coalesced, canceled).isEmpty();
        assertThat(sim.groundTruth().acceptedOrders()).hasSize(4);
    }

    @Test
    void twoCoalescedPlacesWithTheSameIdEachGetAResult() throws IOException {
        List<JsonNode> results = run(place("same-id", "17000"), place("same-id", "17000.5"));
        // Before: the second overwrote the first in the request, which never got a result.
        assertThat(results).hasSize(2).extracting(r -> r.get("offset").asLong())
                .containsExactlyInAnyOrder(offset - 2, offset - 1);
        assertThat(results).extracting(r -> r.get("status").asText()).containsOnly("accepted");
        assertThat(sim.groundTruth().acceptedOrdersWithClientId("same-id")).hasSize(2);
    }

    @Test
    void anUnreadableSuccessAnswerIsLookedUpNotTakenForARefusal() throws IOException {
        // The simulator's switch answers 200 with a cut-off body and applies nothing: the look-up finds
        // nothing, so the order is sent again with the same request, once.
        sim.faults().malformNextRestResponses(1);
        List<JsonNode> results = run(place("garbled001", "15000"));
        assertThat(results.get(0).get("status").asText()).as("%s", results.get(0)).isEqualTo("accepted");
        assertThat(results.get(0).get("attempts").asInt()).isEqualTo(2);
        assertThat(sim.groundTruth().acceptedOrdersWithClientId("garbled001")).hasSize(1);

        // With an id the exchange picks the orderId for, it cannot be looked up: reported, not resent.
        sim.faults().malformNextRestResponses(1);
        List<JsonNode> unknown = run(place("garbled-2", "15000.5"));
        assertThat(unknown.get(0).get("reason").asText()).isEqualTo("OUTCOME_UNKNOWN");
        assertThat(sim.groundTruth().acceptedOrdersWithClientId("garbled-2")).isEmpty();
    }

    @Test
    void anAmbiguousOutcomeForAnIdThatCannotBeLookedUpIsReportedNotResent() throws IOException {
        sim.faults().applyThenDropNextOrders(1);
        List<JsonNode> results = run(place("lost-1", "16000"));
        assertThat(results.get(0).get("status").asText()).isEqualTo("failed");
        assertThat(results.get(0).get("reason").asText()).isEqualTo("OUTCOME_UNKNOWN");
        assertThat(results.get(0).get("message").asText()).contains("client id \"lost-1\"");
        assertThat(sim.groundTruth().acceptedOrdersWithClientId("lost-1")).hasSize(1);

        // With an id that fixes the orderId, the same fault is resolved by looking it up.
        sim.faults().applyThenDropNextOrders(1);
        List<JsonNode> fixed = run(place("lostorder2", "16000.5"));
        assertThat(fixed.get(0).get("status").asText()).isEqualTo("duplicate");
        assertThat(sim.groundTruth().acceptedOrdersWithClientId("lostorder2")).hasSize(1);
    }
}
