package dev.bitmaxconnect.simulator.engine;

import dev.bitmaxconnect.simulator.SimulatorDefaults;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** An account's position in one contract; guarded by the account's lock. */
final class Position {

    final Contract contract;
    BigDecimal qty = BigDecimal.ZERO;
    BigDecimal avgOpenPrice = BigDecimal.ZERO;
    BigDecimal realizedPnl = BigDecimal.ZERO;
    boolean isolated;
    int leverage = SimulatorDefaults.LEVERAGE;
    BigDecimal isolatedMargin = BigDecimal.ZERO;
    BigDecimal buyOpenOrderNotional = BigDecimal.ZERO;
    BigDecimal sellOpenOrderNotional = BigDecimal.ZERO;

    Position(Contract contract) {
        this.contract = contract;
    }

    /** The position valued at the current mark price. */
    PositionView view(PriceBoard prices) {
        MarketState state = prices.market(contract.symbol());
        BigDecimal mark = state.markPrice();
        return new PositionView(contract.symbol(), sideText(), qty, referenceCost(), unrealizedPnl(mark), realizedPnl,
                avgOpenPrice, marginTypeText(), isolatedMargin, leverage, buyOpenOrderNotional, sellOpenOrderNotional,
                state.indexPrice(), mark);
    }

    String sideText() {
        return qty.signum() > 0 ? "LONG" : qty.signum() < 0 ? "SHORT" : "NULL_VAL";
    }

    String marginTypeText() {
        return isolated ? "isolated" : "crossed";
    }

    BigDecimal referenceCost() {
        return qty.multiply(avgOpenPrice).negate();
    }

    BigDecimal unrealizedPnl(BigDecimal mark) {
        if (qty.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return qty.multiply(mark.subtract(avgOpenPrice));
    }

    BigDecimal notional(BigDecimal mark) {
        return qty.abs().multiply(mark);
    }

    /** Initial margin the position needs: notional times the larger of 1/leverage and its tier's rate. */
    BigDecimal requiredMargin(BigDecimal mark) {
        BigDecimal notional = notional(mark);
        if (notional.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal byLeverage = notional.divide(BigDecimal.valueOf(leverage), 9, RoundingMode.UP);
        BigDecimal byTier = notional.multiply(contract.tierFor(notional).initialMarginRate());
        return byLeverage.max(byTier);
    }

    BigDecimal openOrderMargin() {
        BigDecimal open = buyOpenOrderNotional.add(sellOpenOrderNotional);
        if (open.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return open.divide(BigDecimal.valueOf(leverage), 9, RoundingMode.UP);
    }
}
