package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Collateral, positions, PnL against the mark price, fees, free margin and the account endpoints. */
class AccountsIT {

    BitMaxSimulator sim;
    RestTestClient rest;

    @BeforeEach
    void start() {
        sim = BitMaxSimulator.builder().seed(5).marketDataRate(0).build().start();
        rest = RestTestClient.forDefault(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    JsonNode contract(String symbol) throws Exception {
        for (JsonNode c : rest.call("GET", "position", null).path("data").path("contracts")) {
            if (c.path("symbol").asText().equals(symbol)) {
                return c;
            }
        }
        throw new AssertionError(symbol);
    }

    BigDecimal balance(String asset) throws Exception {
        for (JsonNode c : rest.call("GET", "position", null).path("data").path("collaterals")) {
            if (c.path("asset").asText().equals(asset)) {
                return new BigDecimal(c.path("balance").asText());
            }
        }
        return BigDecimal.ZERO;
    }

    BigDecimal crossedFreeMargin() throws Exception {
        return new BigDecimal(rest.call("GET", "free-margin", null).path("data").path("crossed").path("freeMargin").asText());
    }

    JsonNode market(String side, String qty) throws Exception {
        JsonNode response = rest.call("POST", "order", Map.of("time", System.currentTimeMillis(), "symbol", "BTC-PERP",
                "orderQty", qty, "orderType", "Market", "side", side, "respInst", "DONE"));
        assertThat(response.path("code").asInt()).as(response.toString()).isZero();
        return response.path("data").path("order");
    }

    @Test
    void openingAndClosingAPositionRealizesPnlAndChargesFees() throws Exception {
        BigDecimal usdt = balance("USDT");
        JsonNode buy = market("Buy", "0.1");
        BigDecimal entry = new BigDecimal(buy.path("avgFilledPx").asText());
        BigDecimal buyFee = new BigDecimal(buy.path("cumFee").asText());
        assertThat(buyFee).isEqualByComparingTo(entry.multiply(new BigDecimal("0.1")).multiply(new BigDecimal("0.001")));

        JsonNode position = contract("BTC-PERP");
        assertThat(position.path("side").asText()).isEqualTo("LONG");
        assertThat(new BigDecimal(position.path("position").asText())).isEqualByComparingTo("0.1");
        assertThat(new BigDecimal(position.path("avgOpenPrice").asText())).isEqualByComparingTo(entry);

        sim.setMarkPrice("BTC-PERP", entry.add(new BigDecimal("100")));
        assertThat(new BigDecimal(contract("BTC-PERP").path("unrealizedPnl").asText())).isEqualByComparingTo("10");

        JsonNode sell = market("Sell", "0.1");
        BigDecimal exit = new BigDecimal(sell.path("avgFilledPx").asText());
        BigDecimal sellFee = new BigDecimal(sell.path("cumFee").asText());
        BigDecimal realized = exit.subtract(entry).multiply(new BigDecimal("0.1"));
        JsonNode closed = contract("BTC-PERP");
        assertThat(closed.path("side").asText()).isEqualTo("NULL_VAL");
        assertThat(new BigDecimal(closed.path("realizedPnl").asText())).isEqualByComparingTo(realized);
        assertThat(balance("USDT")).isEqualByComparingTo(usdt.add(realized).subtract(buyFee).subtract(sellFee));
    }

    @Test
    void restingOrdersAndPositionsUseFreeMargin() throws Exception {
        BigDecimal before = crossedFreeMargin();
        JsonNode placed = rest.call("POST", "order", Map.of("time", System.currentTimeMillis(), "symbol", "BTC-PERP",
                "price", "20000", "orderQty", "1", "orderType", "Limit", "side", "Buy"));
        assertThat(placed.path("code").asInt()).isZero();
        assertThat(new BigDecimal(contract("BTC-PERP").path("buyOpenOrderNotional").asText()))
                .isEqualByComparingTo("20000");
        assertThat(crossedFreeMargin()).isEqualByComparingTo(before.subtract(new BigDecimal("2000"))); // leverage 10
        rest.call("POST", "leverage", Map.of("symbol", "BTC-PERP", "leverage", 20));
        assertThat(crossedFreeMargin()).isEqualByComparingTo(before.subtract(new BigDecimal("1000")));
    }

    @Test
    void leverageMustBeOneToHundred() throws Exception {
        assertThat(rest.call("POST", "leverage", Map.of("symbol", "BTC-PERP", "leverage", 0)).path("code").asInt())
                .isEqualTo(100006);
        assertThat(rest.call("POST", "leverage", Map.of("symbol", "BTC-PERP", "leverage", 101)).path("code").asInt())
                .isEqualTo(100006);
        JsonNode ok = rest.call("POST", "leverage", Map.of("symbol", "ETH-PERP", "leverage", "100"));
        assertThat(ok.path("data").path("leverage").asInt()).isEqualTo(100);
        assertThat(contract("ETH-PERP").path("leverage").asText()).isEqualTo("100");
        assertThat(rest.call("POST", "leverage", Map.of("symbol", "XRP-PERP", "leverage", 5)).path("code").asInt())
                .isEqualTo(300012);
    }

    @Test
    void isolatedMarginMovesBetweenCollateralAndThePosition() throws Exception {
        assertThat(rest.call("POST", "isolated-position-margin", Map.of("symbol", "BTC-PERP", "amount", "10"))
                .path("code").asInt()).isEqualTo(100010);
        assertThat(rest.call("POST", "margin-type", Map.of("symbol", "BTC-PERP", "marginType", "sideways"))
                .path("code").asInt()).isEqualTo(100006);
        rest.call("POST", "margin-type", Map.of("symbol", "BTC-PERP", "marginType", "isolated"));
        assertThat(contract("BTC-PERP").path("marginType").asText()).isEqualTo("isolated");
        BigDecimal usdt = balance("USDT");
        rest.call("POST", "isolated-position-margin", Map.of("symbol", "BTC-PERP", "amount", "250"));
        assertThat(new BigDecimal(contract("BTC-PERP").path("isolatedMargin").asText())).isEqualByComparingTo("250");
        assertThat(balance("USDT")).isEqualByComparingTo(usdt.subtract(new BigDecimal("250")));
        JsonNode isolated = rest.call("GET", "free-margin", null).path("data").path("isolated");
        assertThat(isolated.get(0).path("symbol").asText()).isEqualTo("BTC-PERP");
        assertThat(new BigDecimal(isolated.get(0).path("freeMargin").asText())).isEqualByComparingTo("250");
        assertThat(rest.call("POST", "isolated-position-margin", Map.of("symbol", "BTC-PERP", "amount", "-300"))
                .path("code").asInt()).isEqualTo(310001);

        market("Buy", "0.01");
        assertThat(rest.call("POST", "margin-type", Map.of("symbol", "BTC-PERP", "marginType", "crossed"))
                .path("code").asInt()).isEqualTo(100010);
    }

    @Test
    void depositAndWithdrawChangeBalancesWithinLimits() throws Exception {
        BigDecimal btc = balance("BTC");
        rest.call("POST", "transfer/deposit", Map.of("asset", "BTC", "amount", "1.5"));
        assertThat(balance("BTC")).isEqualByComparingTo(btc.add(new BigDecimal("1.5")));
        rest.call("POST", "transfer/withdraw", Map.of("asset", "BTC", "amount", "0.5"));
        assertThat(balance("BTC")).isEqualByComparingTo(btc.add(BigDecimal.ONE));
        assertThat(rest.call("POST", "transfer/withdraw", Map.of("asset", "BTC", "amount", "1000")).path("code").asInt())
                .isEqualTo(300011);
        assertThat(rest.call("POST", "transfer/deposit", Map.of("asset", "BTC", "amount", "-1")).path("code").asInt())
                .isEqualTo(100006);
        assertThat(rest.call("POST", "transfer/deposit", Map.of("asset", "USDTR", "amount", "1")).path("code").asInt())
                .isEqualTo(100006);
        JsonNode available = rest.call("GET", "free-margin", null).path("data").path("collaterals");
        assertThat(available.findValuesAsText("asset")).contains("BTC", "USDT");
    }

    @Test
    void everyBalanceAndPositionChangeEmitsAnAccountUpdateWithGrowingSn() throws Exception {
        try (WsTestClient ws = WsTestClient.connectSigned(sim.wsUrl() + "/1/api/pro/v2/stream",
                SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET, "v2/stream", KeyEncoding.RAW)) {
            ws.send(Map.of("op", "sub", "id", "a", "ch", "futures-account-update"));
            ws.awaitM("sub");
            rest.call("POST", "transfer/deposit", Map.of("asset", "USDT", "amount", "10"));
            JsonNode deposit = ws.awaitM("futures-account-update");
            rest.call("POST", "leverage", Map.of("symbol", "BTC-PERP", "leverage", 5));
            JsonNode leverage = ws.awaitM("futures-account-update");
            assertThat(leverage.path("pos").get(0).path("lev").asText()).isEqualTo("5");
            market("Buy", "0.01");
            JsonNode fill = ws.awaitM("futures-account-update");
            assertThat(fill.path("pos").get(0).path("pos").asText()).isEqualTo("0.01");
            assertThat(deposit.path("sn").asLong()).isLessThan(leverage.path("sn").asLong());
            assertThat(leverage.path("sn").asLong()).isLessThan(fill.path("sn").asLong());
        }
    }

    @Test
    void permissionsAreEnforced() throws Exception {
        sim.close();
        sim = BitMaxSimulator.builder().marketDataRate(0)
                .account(AccountSpec.numbered(9, "viewOnly", "s3cret").withPermissions(true, false, false)).build().start();
        RestTestClient viewer = new RestTestClient(sim.restUrl(), "viewOnly", "s3cret", SimulatorDefaults.ACCOUNT_GROUP);
        assertThat(viewer.call("GET", "position", null).path("code").asInt()).isZero();
        assertThat(viewer.call("POST", "order", Map.of("time", System.currentTimeMillis(), "symbol", "BTC-PERP",
                "orderQty", "0.01", "orderType", "Market", "side", "Buy")).path("code").asInt()).isEqualTo(200015);
        assertThat(viewer.call("POST", "transfer/deposit", Map.of("asset", "USDT", "amount", "1")).path("code").asInt())
                .isEqualTo(200015);
    }
}
