package dev.bitmaxconnect.sink.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitmaxconnect.sink.command.OrderCommand;
import dev.bitmaxconnect.sink.command.OrderCommandParser;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandValidatorTest {

    private final OrderCommandParser parser = new OrderCommandParser();
    private final ContractFilters filters = ReferenceContracts.filters();

    private Optional<Rejection> check(String json) {
        return check(json, RiskLimits.none());
    }

    private Optional<Rejection> check(String json, RiskLimits limits) {
        OrderCommand c = parser.parse(json);
        return new CommandValidator(filters, limits).validate(c);
    }

    private static String place(String fields) {
        return "{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\"," + fields + "}";
    }

    @Test
    void acceptsAnOrderWithinTheFilters() {
        assertThat(check(place("\"orderType\":\"Limit\",\"price\":\"30000.25\",\"orderQty\":\"0.1234\""))).isEmpty();
        assertThat(check(place("\"orderType\":\"Market\",\"orderQty\":\"1\""))).isEmpty();
    }

    @Test
    void refusesNonPositiveAndAbsurdQuantities() {
        assertThat(check(place("\"orderType\":\"Market\",\"orderQty\":\"-1\""))).get()
                .extracting(Rejection::reason, Rejection::message)
                .containsExactly("INVALID_QTY", "orderQty: -1 must be positive");
        assertThat(check(place("\"orderType\":\"Market\",\"orderQty\":\"0\""))).get()
                .extracting(Rejection::reason).isEqualTo("INVALID_QTY");
        assertThat(check(place("\"orderType\":\"Market\",\"orderQty\":\"1e12\""))).get()
                .extracting(Rejection::message).asString().contains("above the maximum quantity 1000000000");
        assertThat(check(place("\"orderType\":\"Market\""))).get().extracting(Rejection::reason)
                .isEqualTo("MISSING_FIELD");
    }

    @Test
    void limitOrdersNeedAPriceOnTheTick() {
        assertThat(check(place("\"orderType\":\"Limit\",\"orderQty\":\"1\""))).get()
                .extracting(Rejection::message).isEqualTo("price: is required for Limit orders");
        assertThat(check(place("\"orderType\":\"Limit\",\"price\":\"30000.1\",\"orderQty\":\"1\""))).get()
                .extracting(Rejection::reason, Rejection::message).containsExactly("TICK_SIZE_VIOLATION",
                        "price: 30000.1 is not a multiple of the tick size 0.25 of BTC-PERP");
        assertThat(check(place("\"orderType\":\"StopMarket\",\"orderQty\":\"1\""))).get()
                .extracting(Rejection::message).isEqualTo("stopPrice: is required for StopMarket orders");
        assertThat(check(place("\"orderType\":\"Limit\",\"price\":\"-5\",\"orderQty\":\"1\""))).get()
                .extracting(Rejection::reason).isEqualTo("INVALID_PRICE");
    }

    @Test
    void quantitiesFollowTheLotSize() {
        assertThat(check(place("\"orderType\":\"Market\",\"orderQty\":\"0.00015\""))).get()
                .extracting(Rejection::reason).isEqualTo("LOT_SIZE_VIOLATION");
    }

    @Test
    void unknownSymbolsAreRefused() {
        assertThat(check("{\"action\":\"place\",\"symbol\":\"DOGE-PERP\",\"side\":\"Buy\",\"orderType\":\"Market\","
                + "\"orderQty\":\"1\"}")).get().extracting(Rejection::reason, Rejection::message)
                .containsExactly("UNKNOWN_SYMBOL",
                        "symbol: \"DOGE-PERP\" is not a futures contract listed by the exchange");
        assertThat(check("{\"action\":\"set-leverage\",\"symbol\":\"NOPE\",\"leverage\":5}")).get()
                .extracting(Rejection::reason).isEqualTo("UNKNOWN_SYMBOL");
    }

    @Test
    void contractsThatAreNotTradingAreRefused() {
        filters.replace(List.of(new ContractFilter("BTC-PERP", "Suspended", null, null, null, null, null, null)));
        assertThat(check(place("\"orderType\":\"Market\",\"orderQty\":\"1\""))).get()
                .extracting(Rejection::reason, Rejection::message).containsExactly("CONTRACT_NOT_TRADING",
                        "symbol: \"BTC-PERP\" has status Suspended at the exchange, not Normal");
    }

    @Test
    void batchesHoldAtMostTen() {
        String order = "{\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"price\":\"30000\","
                + "\"orderQty\":\"0.1\"}";
        String ten = String.join(",", Collections.nCopies(10, order));
        assertThat(check("{\"action\":\"place-batch\",\"orders\":[" + ten + "]}")).isEmpty();
        assertThat(check("{\"action\":\"place-batch\",\"orders\":[" + ten + "," + order + "]}")).get()
                .extracting(Rejection::reason, Rejection::message)
                .containsExactly("BATCH_TOO_LARGE", "orders: 11 orders; a batch holds at most 10");
        assertThat(check("{\"action\":\"place-batch\",\"orders\":[]}")).get().extracting(Rejection::reason)
                .isEqualTo("EMPTY_BATCH");
        assertThat(check("{\"action\":\"place-batch\",\"orders\":[" + order + ",{\"symbol\":\"BTC-PERP\","
                + "\"side\":\"Buy\",\"orderType\":\"Limit\",\"price\":\"30000\",\"orderQty\":\"-2\"}]}")).get()
                .extracting(Rejection::message).isEqualTo("orders[1].orderQty: -2 must be positive");
    }

    @Test
    void riskLimitsApplyAfterTheExchangeRules() {
        RiskLimits limits = new RiskLimits(Set.of("BTC-PERP"), new BigDecimal("5"), new BigDecimal("100000"), true,
                false);
        assertThat(check(place("\"orderType\":\"Limit\",\"price\":\"30000\",\"orderQty\":\"6\""), limits)).get()
                .extracting(Rejection::reason).isEqualTo("RISK_MAX_QTY");
        assertThat(check(place("\"orderType\":\"Limit\",\"price\":\"30000\",\"orderQty\":\"4\""), limits)).get()
                .extracting(Rejection::reason, Rejection::message).containsExactly("RISK_MAX_NOTIONAL",
                        "orderQty: notional 120000 (4 x 30000) exceeds risk.max.order.notional 100000");
        assertThat(check(place("\"orderType\":\"Limit\",\"price\":\"30000\",\"orderQty\":\"3\""), limits)).isEmpty();
        assertThat(check(place("\"orderType\":\"Market\",\"orderQty\":\"3\""), limits)).get()
                .extracting(Rejection::reason).isEqualTo("RISK_NO_REFERENCE_PRICE");
        filters.markPrice("BTC-PERP", new BigDecimal("40000"));
        assertThat(check(place("\"orderType\":\"Market\",\"orderQty\":\"3\""), limits)).get()
                .extracting(Rejection::reason).isEqualTo("RISK_MAX_NOTIONAL");
        RiskLimits ethOnly = new RiskLimits(Set.of("ETH-PERP"), null, null, true, false);
        assertThat(check(place("\"orderType\":\"Market\",\"orderQty\":\"1\""), ethOnly)).get()
                .extracting(Rejection::reason).isEqualTo("RISK_SYMBOL_NOT_ALLOWED");
    }

    @Test
    void transfersAreRefusedUnlessEnabled() {
        String deposit = "{\"action\":\"deposit\",\"asset\":\"USDT\",\"amount\":\"10\"}";
        assertThat(check(deposit)).get().extracting(Rejection::reason).isEqualTo("TRANSFERS_DISABLED");
        RiskLimits allow = new RiskLimits(Set.of(), null, null, true, true);
        assertThat(check(deposit, allow)).isEmpty();
        assertThat(check("{\"action\":\"withdraw\",\"asset\":\"USDT\",\"amount\":\"-1\"}", allow)).get()
                .extracting(Rejection::reason).isEqualTo("INVALID_AMOUNT");
    }

    @Test
    void leverageStaysWithinTheReferenceRange() {
        assertThat(check("{\"action\":\"set-leverage\",\"symbol\":\"BTC-PERP\",\"leverage\":101}")).get()
                .extracting(Rejection::reason).isEqualTo("INVALID_LEVERAGE");
        assertThat(check("{\"action\":\"set-leverage\",\"symbol\":\"BTC-PERP\",\"leverage\":100}")).isEmpty();
    }

    @Test
    void cancelsNeedAWellFormedOrderId() {
        assertThat(check("{\"action\":\"cancel\",\"orderId\":\"abc\",\"symbol\":\"BTC-PERP\"}")).get()
                .extracting(Rejection::reason).isEqualTo("INVALID_ORDER_ID");
        assertThat(check("{\"action\":\"cancel\",\"orderId\":\"a177c2a8cfe1U0123456789eqntvwWsy\","
                + "\"symbol\":\"BTC-PERP\"}")).isEmpty();
    }
}
