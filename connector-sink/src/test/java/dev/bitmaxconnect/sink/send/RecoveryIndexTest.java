package dev.bitmaxconnect.sink.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitmaxconnect.sink.command.OrderItem;
import dev.bitmaxconnect.sink.result.ResultsReader.PlacedOrder;
import java.math.BigDecimal;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RecoveryIndexTest {

    private static final String UID = "U0123456789";
    private static final long RESULT_TIME = 1_700_000_000_000L;

    private static PlacedOrder placed(String clientId, String orderId, long offset) {
        return new PlacedOrder(clientId, orderId, "cmds", 0, offset, RESULT_TIME);
    }

    private static SinkRecord command(String topic, long offset, long timestamp) {
        return new SinkRecord(topic, 0, null, null, null, "{}", offset, timestamp, TimestampType.CREATE_TIME);
    }

    private static OrderItem order() {
        return new OrderItem(null, "BTC-PERP", "Buy", "Limit", new BigDecimal("19000"), new BigDecimal("0.01"), null,
                null, null, null, null, null, null);
    }

    @Test
    void anOrderReadBackFromTheResultsIsFoundByItsClientIdWhateverTheId() {
        RecoveryIndex index = new RecoveryIndex(UID, 10);
        index.addPlaced(placed("order000001", "a177c2a8cfe1U0123456789rder00001", 1));
        // An id with '-' does not fix the orderId: only the result record can tell it.
        index.addPlaced(placed("my-order", "a177c2a8cfe2U0123456789x7Gq2LpZ9", 2));
        assertThat(index.orderIdOf("order000001")).contains("a177c2a8cfe1U0123456789rder00001");
        assertThat(index.orderIdOf("my-order")).contains("a177c2a8cfe2U0123456789x7Gq2LpZ9");
        assertThat(index.orderIdOf("order000002")).isEmpty();
    }

    @Test
    void onlyOrdersOfThisAccountAreKept() {
        RecoveryIndex index = new RecoveryIndex(UID, 10);
        index.addPlaced(placed("order000001", "a177c2a8cfe1U9999999999rder00001", 1));
        assertThat(index.orderIdOf("order000001")).isEmpty();
        assertThat(index.placedSize()).isZero();
    }

    @Test
    void theNewestOrdersAreKeptWithinTheLimit() {
        RecoveryIndex index = new RecoveryIndex(UID, 3);
        index.addPlaced(placed("order000001", "a177c2a8cfe1U0123456789rder00001", 1));
        index.addPlaced(placed("order000002", "a177c2a8cfe1U0123456789rder00002", 2));
        index.addPlaced(placed("order000003", "a177c2a8cfe1U0123456789rder00003", 3));
        // Placed again under the same client id (a later command reusing it): the newer orderId, kept longest.
        index.addPlaced(placed("order000001", "a177c2a8cff0U0123456789rder00001", 5));
        index.addPlaced(placed("order000004", "a177c2a8cfe1U0123456789rder00004", 6));
        assertThat(index.placedSize()).isEqualTo(3);
        assertThat(index.orderIdOf("order000002")).isEmpty();
        assertThat(index.orderIdOf("order000001")).contains("a177c2a8cff0U0123456789rder00001");
        assertThat(index.orderIdOf("order000004")).isPresent();
    }

    @Test
    void aPlaceDeliveredAgainIsKnownByItsOwnResultOnly() {
        RecoveryIndex index = new RecoveryIndex(UID, 10);
        index.addPlaced(placed("order000001", "a177c2a8cfe1U0123456789rder00001", 7));
        assertThat(index.find("order000001", order(), command("cmds", 7, RESULT_TIME - 50)))
                .contains("a177c2a8cfe1U0123456789rder00001");
        // Another command reusing the id, elsewhere or in a topic created again after the result was written
        assertThat(index.find("order000001", order(), command("cmds", 8, RESULT_TIME - 50))).isEmpty();
        assertThat(index.find("order000001", order(), command("other", 7, RESULT_TIME - 50))).isEmpty();
        assertThat(index.find("order000001", order(), command("cmds", 7, RESULT_TIME + 50))).isEmpty();
    }
}
