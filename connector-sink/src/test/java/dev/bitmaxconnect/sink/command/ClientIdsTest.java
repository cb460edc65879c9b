package dev.bitmaxconnect.sink.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientIdsTest {

    private final ClientIds ids = new ClientIds("orders-sink");

    @Test
    void usesTheCommandsOwnIdWheneverTheExchangeAcceptsIt() {
        for (String given : new String[] {"myOrder000001", "x-limit", "my_order", "ab", "short",
                "order-2026-11-25-0001", "a".repeat(32)}) {
            assertThat(ids.clientId(given, "cmds", 0, 5, 0)).isEqualTo(given);
        }
    }

    @Test
    void onlyNineToThirtyTwoLettersAndDigitsFixTheOrderId() {
        assertThat(ClientIds.usable("myOrder000001")).isTrue();
        assertThat(ClientIds.usable("abcdefghi")).isTrue();
        for (String id : new String[] {"x-limit", "my_order_0001", "abcdefgh", "a".repeat(33), null}) {
            assertThat(ClientIds.usable(id)).as(id).isFalse();
        }
    }

    @Test
    void derivesAnIdWhenTheOwnIdIsMissingOrBreaksTheReferenceRule() {
        for (String given : new String[] {null, "a", "-abc", "abc-", "has space", "caf\u00e9", "x".repeat(33)}) {
            assertThat(ClientIds.acceptedByExchange(given)).as(given).isFalse();
            String id = ids.clientId(given, "cmds", 0, 5, 0);
            assertThat(id).hasSize(18).matches(ClientIds.ORDER_ID_SOURCE).matches(ClientIds.EXCHANGE_RULE);
        }
    }

    @Test
    void theWrittenOutChecksAgreeWithTheReferencePatterns() {
        Random random = new Random(42);
        String alphabet = "aZ09bY18cX27_- \u00e9.";
        for (int n = 0; n < 50_000; n++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(35);
            for (int i = 0; i < length; i++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = id.toString();
            assertThat(ClientIds.usable(s)).as(s).isEqualTo(ClientIds.ORDER_ID_SOURCE.matcher(s).matches());
            assertThat(ClientIds.acceptedByExchange(s)).as(s)
                    .isEqualTo(s.length() <= ClientIds.MAX_LENGTH && ClientIds.EXCHANGE_RULE.matcher(s).matches());
        }
    }

    @Test
    void derivedIdsAreStable() {
        assertThat(ids.derived("cmds", 3, 1234, 2)).isEqualTo(new ClientIds("orders-sink").derived("cmds", 3, 1234, 2));
        assertThat(ids.derived("cmds", 3, 1234, 2)).isNotEqualTo(new ClientIds("other").derived("cmds", 3, 1234, 2));
    }

    @Test
    void rightNineCharactersDifferForEveryCommandAndOrderOfAPartition() {
        Set<String> suffixes = new HashSet<>();
        for (long offset = 0; offset < 20_000; offset++) {
            for (int index = 0; index < 10; index++) {
                assertThat(suffixes.add(ClientIds.orderIdSuffix(ids.derived("cmds", 0, offset, index)))).isTrue();
            }
        }
        // and across partitions and topics of the same connector
        for (int p = 1; p < 50; p++) {
            assertThat(suffixes.add(ClientIds.orderIdSuffix(ids.derived("cmds", p, 7, 0)))).isTrue();
            assertThat(suffixes.add(ClientIds.orderIdSuffix(ids.derived("other-topic", p, 7, 0)))).isTrue();
        }
    }

    @Test
    void restOrderIdFollowsTheReferenceExample() {
        assertThat(ClientIds.restOrderId(1613878579169L, "U0123456789", "sampleRequestId2"))
                .isEqualTo("a177c2a8cfe1U0123456789equestId2");
    }
}
