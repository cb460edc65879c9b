package dev.bitmaxconnect.sink.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecoveryIndexTest {

    private static final String UID = "U0123456789";

    @Test
    void anOrderReadBackFromTheResultsIsFoundByItsClientIdWhateverTheId() {
        RecoveryIndex index = new RecoveryIndex(UID, 10);
        index.addPlaced("order000001", "a177c2a8cfe1U0123456789rder00001");
        // An id with '-' does not fix the orderId: only the result record can tell it.
        index.addPlaced("my-order", "a177c2a8cfe2U0123456789x7Gq2LpZ9");
        assertThat(index.orderIdOf("order000001")).contains("a177c2a8cfe1U0123456789rder00001");
        assertThat(index.orderIdOf("my-order")).contains("a177c2a8cfe2U0123456789x7Gq2LpZ9");
        assertThat(index.orderIdOf("order000002")).isEmpty();
    }

    @Test
    void onlyOrdersOfThisAccountAreKept() {
        RecoveryIndex index = new RecoveryIndex(UID, 10);
        index.addPlaced("order000001", "a177c2a8cfe1U9999999999rder00001");
        assertThat(index.orderIdOf("order000001")).isEmpty();
        assertThat(index.placedSize()).isZero();
    }

    @Test
    void theNewestOrdersAreKeptWithinTheLimit() {
        RecoveryIndex index = new RecoveryIndex(UID, 3);
        index.addPlaced("order000001", "a177c2a8cfe1U0123456789rder00001");
        index.addPlaced("order000002", "a177c2a8cfe1U0123456789rder00002");
        index.addPlaced("order000003", "a177c2a8cfe1U0123456789rder00003");
        // Placed again under the same client id (a later command reusing it): the newer orderId, kept longest.
        index.addPlaced("order000001", "a177c2a8cff0U0123456789rder00001");
        index.addPlaced("order000004", "a177c2a8cfe1U0123456789rder00004");
        assertThat(index.placedSize()).isEqualTo(3);
        assertThat(index.orderIdOf("order000002")).isEmpty();
        assertThat(index.orderIdOf("order000001")).contains("a177c2a8cff0U0123456789rder00001");
        assertThat(index.orderIdOf("order000004")).isPresent();
    }
}
