package dev.bitmaxconnect.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitmaxconnect.simulator.AccountSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountTest {

    final List<Contract> contracts = Contract.standard();
    final Contract btc = contracts.get(0);
    final Account account = new Account(AccountSpec.defaults().withCollateral(Map.of("USDT", new BigDecimal("10000"))),
            contracts, CollateralAsset.standard(), false);
    final PriceBoard prices = new PriceBoard(contracts, CollateralAsset.standard(), 0);

    @Test
    void flippingAPositionRealizesTheClosedPartAndOpensTheRestAtTheFillPrice() {
        account.applyFill(btc, Side.BUY, new BigDecimal("100"), new BigDecimal("1"), new BigDecimal("0.1"));
        account.applyFill(btc, Side.SELL, new BigDecimal("110"), new BigDecimal("3"), new BigDecimal("0.3"));
        Position position = account.positions.get("BTC-PERP");
        assertThat(position.qty).isEqualByComparingTo("-2");
        assertThat(position.avgOpenPrice).isEqualByComparingTo("110");
        assertThat(position.realizedPnl).isEqualByComparingTo("10");
        assertThat(position.sideText()).isEqualTo("SHORT");
        assertThat(account.balance("USDT")).isEqualByComparingTo("10009.6"); // + 10 realized - 0.4 fees
        assertThat(position.unrealizedPnl(new BigDecimal("100"))).isEqualByComparingTo("20");
    }

    @Test
    void averageOpenPriceIsWeightedByQuantity() {
        account.applyFill(btc, Side.BUY, new BigDecimal("100"), new BigDecimal("1"), BigDecimal.ZERO);
        account.applyFill(btc, Side.BUY, new BigDecimal("130"), new BigDecimal("2"), BigDecimal.ZERO);
        assertThat(account.positions.get("BTC-PERP").avgOpenPrice).isEqualByComparingTo("120");
        assertThat(account.positions.get("BTC-PERP").referenceCost()).isEqualByComparingTo("-360");
    }

    @Test
    void isolatedPositionsTakeTheirMarginFromUsdtAndGiveItBackWhenClosed() {
        Position position = account.positions.get("BTC-PERP");
        position.isolated = true;
        account.applyFill(btc, Side.BUY, new BigDecimal("1000"), new BigDecimal("1"), BigDecimal.ZERO);
        assertThat(position.isolatedMargin).isEqualByComparingTo("100"); // leverage 10
        assertThat(account.balance("USDT")).isEqualByComparingTo("9900");
        account.applyFill(btc, Side.SELL, new BigDecimal("1000"), new BigDecimal("1"), BigDecimal.ZERO);
        assertThat(position.isolatedMargin).isEqualByComparingTo("0");
        assertThat(account.balance("USDT")).isEqualByComparingTo("10000");
    }

    @Test
    void marginUsesTheTierRateWhenItIsAboveOneOverLeverage() {
        Position position = account.positions.get("BTC-PERP");
        position.qty = new BigDecimal("10");
        position.avgOpenPrice = new BigDecimal("30000");
        position.leverage = 100;
        // notional 300,000 at mark 30,000 is in the 5 % tier, above 1 %
        assertThat(position.requiredMargin(new BigDecimal("30000"))).isEqualByComparingTo("15000");
        position.leverage = 10;
        assertThat(position.requiredMargin(new BigDecimal("30000"))).isEqualByComparingTo("30000");
        assertThat(account.crossedFreeMargin(prices)).isEqualByComparingTo("-20000");
    }
}
