package dev.bitmaxconnect.sink.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitmaxconnect.client.BitMaxTransportException;
import dev.bitmaxconnect.sink.command.ClientIds;
import dev.bitmaxconnect.sink.command.OrderItem;
import dev.bitmaxconnect.sink.result.ItemOutcome;
import dev.bitmaxconnect.sink.result.ResultStatus;
import dev.bitmaxconnect.sink.send.OrderExecutor.PlaceItem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The outcomes a placement gives its orders when it gives up, and the orderIds its look-ups cover. */
class PlacementTest {

    private static final String USER = "U0123456789";
    private static final String USABLE = "order000001";
    private static final String OTHER = "order000002";
    private static final String UNUSABLE = "my-order";
    private static final BitMaxTransportException CUT = new BitMaxTransportException("connection reset", true, null);

    @Test
    void lookUpsCoverTheOrderIdsOfEveryRequestTimeUsed() {
        Placement p = placement(false, USABLE, UNUSABLE);
        p.renewTime(2_000);

        assertThat(p.expectedOrderIds()).containsOnly(
                Map.entry(ClientIds.restOrderId(1_000, USER, USABLE), USABLE),
                Map.entry(ClientIds.restOrderId(2_000, USER, USABLE), USABLE));
    }

    @Test
    void withoutAnAmbiguousOutcomeGivingUpIsRetriesExhausted() {
        Placement p = placement(false, USABLE);
        p.markAmbiguous(false);

        p.giveUp(CUT, 3, Optional.empty());

        assertThat(p.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(ResultStatus.FAILED);
            assertThat(o.reason()).isEqualTo("RETRIES_EXHAUSTED");
            assertThat(o.orderId()).isNull();
        });
    }

    @Test
    void afterAnAmbiguousOutcomeTheFoundAreDuplicatesAndTheOthersNotThere() {
        Placement p = placement(false, USABLE, OTHER);
        p.markAmbiguous(true);

        p.giveUp(CUT, 3, Optional.of(Map.of(USABLE, "found-order-id")));

        List<ItemOutcome> out = p.outcomes();
        assertThat(out.get(0).status()).isEqualTo(ResultStatus.DUPLICATE);
        assertThat(out.get(0).orderId()).isEqualTo("found-order-id");
        assertThat(out.get(1).status()).isEqualTo(ResultStatus.FAILED);
        assertThat(out.get(1).reason()).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(out.get(1).message()).startsWith("not at the exchange after 3 tries");
    }

    @Test
    void whenTheExchangeCouldNotBeAskedTheOutcomeIsUnknownAndNamesWhereToLook() {
        Placement rest = placement(false, USABLE);
        rest.markAmbiguous(true);
        rest.giveUp(CUT, 3, Optional.empty());
        String expected = ClientIds.restOrderId(1_000, USER, USABLE);
        assertThat(rest.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.reason()).isEqualTo("OUTCOME_UNKNOWN");
            assertThat(o.orderId()).isEqualTo(expected);
            assertThat(o.message()).contains("orderId " + expected);
        });

        Placement ws = placement(true, USABLE);
        ws.markAmbiguous(true);
        ws.giveUp(CUT, 3, Optional.empty());
        assertThat(ws.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.reason()).isEqualTo("OUTCOME_UNKNOWN");
            assertThat(o.orderId()).isNull();
            assertThat(o.message()).contains("an orderId ending in " + ClientIds.orderIdSuffix(USABLE));
        });
    }

    @Test
    void anOrderWhoseOrderIdTheExchangePicksIsNotSentAgainAfterAnAmbiguousOutcome() {
        Placement p = placement(false, USABLE, UNUSABLE);
        p.markAmbiguous(true);

        p.giveUpUnknowable(CUT);

        assertThat(p.pendingClientIds()).containsExactly(USABLE);
        assertThat(p.outcomes().get(1).reason()).isEqualTo("OUTCOME_UNKNOWN");
    }

    private static Placement placement(boolean viaWs, String... clientIds) {
        List<PlaceItem> items = Arrays.stream(clientIds).map(id -> new PlaceItem(id, new OrderItem(id,
                "BTC-PERP", "Buy", "Limit", null, null, null, null, null, null, null, null, null))).toList();
        return new Placement(items, viaWs, USER, 1_000);
    }
}
