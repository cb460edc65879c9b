package dev.bitmaxconnect.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitmaxconnect.client.json.BitMaxJson;
import org.junit.jupiter.api.Test;

class WireEnumTest {
    @Test
    void anyCaseWithOrWithoutUnderscores() {
        assertThat(OrderType.of("stop_limit").knownOrNull()).isEqualTo(OrderType.Known.STOP_LIMIT);
        assertThat(OrderType.of("StopLimit").knownOrNull()).isEqualTo(OrderType.Known.STOP_LIMIT);
        assertThat(OrderType.of("STOPMARKET").knownOrNull()).isEqualTo(OrderType.Known.STOP_MARKET);
        assertThat(Side.of("buy")).isEqualTo(Side.BUY);
        assertThat(MarginType.of("cross").knownOrNull()).isEqualTo(MarginType.Known.CROSSED);
        assertThat(OrderStatus.of("partially_filled").knownOrNull()).isEqualTo(OrderStatus.Known.PARTIALLY_FILLED);
        assertThat(ExecInst.of("NULL_VAL").knownOrNull()).isEqualTo(ExecInst.Known.NULL_VAL);
    }

    @Test
    void unknownValuesAreKept() throws Exception {
        OrderType odd = BitMaxJson.mapper().readValue("\"Iceberg\"", OrderType.class);
        assertThat(odd.known()).isEmpty();
        assertThat(odd.raw()).isEqualTo("Iceberg");
        assertThat(odd.wire()).isEqualTo("Iceberg");
        assertThat(BitMaxJson.mapper().writeValueAsString(odd)).isEqualTo("\"Iceberg\"");
        assertThat(odd).isEqualTo(OrderType.of("iceberg")).isNotEqualTo(OrderType.LIMIT);
    }

    @Test
    void rawIsReencodedAndWireIsTheReferenceSpelling() throws Exception {
        Side buy = Side.of("buy");
        assertThat(BitMaxJson.mapper().writeValueAsString(buy)).isEqualTo("\"buy\"");
        assertThat(buy.wire()).isEqualTo("Buy");
        assertThat(OrderType.of("stop_market").wire()).isEqualTo("StopMarket");
        assertThat(Side.of((String) null)).isNull();
    }

    @Test
    void aliasesReadAsTheirConstantAndWriteTheReferenceSpelling() {
        OrderStatus cancelled = OrderStatus.of("CANCELLED");
        assertThat(cancelled.knownOrNull()).isEqualTo(OrderStatus.Known.CANCELED);
        assertThat(cancelled.raw()).isEqualTo("CANCELLED");
        assertThat(cancelled.wire()).isEqualTo("Canceled");
        assertThat(ExecInst.of(ExecInst.Known.POST_REDUCE_ONLY).wire()).isEqualTo("PostReduceOnly");
    }

    @Test
    void theReferenceSpellingIsTheSharedConstant() {
        assertThat(Side.of("Buy")).isSameAs(Side.BUY).isSameAs(Side.of(Side.Known.BUY));
        assertThat(TimeInForce.of("GTC")).isSameAs(TimeInForce.GTC);
        assertThat(Side.of("BUY")).isNotSameAs(Side.BUY).isEqualTo(Side.BUY);
    }
}
