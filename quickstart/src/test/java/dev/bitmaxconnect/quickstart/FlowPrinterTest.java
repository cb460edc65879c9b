package dev.bitmaxconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowPrinterTest {

    @Test
    void bestBidAndOfferReadAsOneQuote() {
        String line = FlowPrinter.describe("bbo", "BTC-PERP", "{\"symbol\":\"BTC-PERP\",\"time\":1,"
                + "\"bidPrice\":\"49999.75\",\"bidSize\":\"1.2\",\"askPrice\":\"50000.25\",\"askSize\":\"0.8\"}");

        assertThat(line).isEqualTo("BTC-PERP  bid 49999.75 x 1.2 | ask 50000.25 x 0.8");
    }

    @Test
    void tradesShowQuantityPriceAndAggressor() {
        String line = FlowPrinter.describe("trades", "BTC-PERP", "{\"symbol\":\"BTC-PERP\",\"seqnum\":7,"
                + "\"price\":\"50000.5\",\"quantity\":\"0.25\",\"time\":1,\"buyerIsMaker\":true}");

        assertThat(line).isEqualTo("BTC-PERP  0.25 @ 50000.5  (sell aggressor)");
    }

    @Test
    void resultsShowStatusOrderIdAndReasonOfARefusal() {
        String accepted = FlowPrinter.describe("results", "qs-1", "{\"commandId\":\"qs-1\",\"action\":\"place\","
                + "\"status\":\"ACCEPTED\",\"orderId\":\"a17abcU0123456789qs1\"}");
        String refused = FlowPrinter.describe("results", "qs-2", "{\"commandId\":\"qs-2\",\"action\":\"place\","
                + "\"status\":\"REJECTED\",\"code\":300012,\"reason\":\"INVALID_PRODUCT\","
                + "\"message\":\"no NOPE-PERP\"}");

        assertThat(accepted).contains("qs-1", "place", "ACCEPTED", "orderId a17abcU0123456789qs1");
        assertThat(refused).contains("REJECTED", "INVALID_PRODUCT no NOPE-PERP").doesNotContain("orderId");
    }

    @Test
    void accountUpdatesShowOpenPositionsAndBalances() {
        String line = FlowPrinter.describe("account", "fut1", "{\"accountId\":\"fut1\",\"accountType\":\"FUTURES\","
                + "\"seqNum\":4,\"event\":\"ExecutionReport\",\"positions\":[{\"symbol\":\"BTC-PERP\","
                + "\"position\":\"0.005\",\"avgOpenPrice\":\"30010\"},{\"symbol\":\"ETH-PERP\",\"position\":\"0\"}],"
                + "\"collaterals\":[{\"asset\":\"USDT\",\"balance\":\"999849.9\"}]}");

        assertThat(line).isEqualTo("FUTURES   ExecutionReport #4  BTC-PERP 0.005 @ 30010  USDT 999849.9");
    }

    @Test
    void otherRecordsReadAsFieldValuePairsWithSchemaEnvelopeRemoved() {
        String line = FlowPrinter.describe("pricing", null, "{\"schema\":{},\"payload\":{\"accountId\":\"fut1\","
                + "\"balance\":{\"USDT\":\"10\"},\"note\":null}}");

        assertThat(line).isEqualTo("accountId=fut1 balance.USDT=10");
    }

    @Test
    void valuesThatAreNotJsonShowAsTheyAre() {
        assertThat(FlowPrinter.describe("order", "k", "not json")).isEqualTo("k  not json");
        assertThat(FlowPrinter.describe("order", null, null)).isEqualTo("(tombstone)");
    }
}
