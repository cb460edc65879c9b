package dev.bitmaxconnect.simulator.engine;

import dev.bitmaxconnect.simulator.AccountSpec;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One futures account: collateral, positions and open orders.
 * State is guarded by the account's own monitor; the engine takes it inside a book's lock, never the other way.
 */
public final class Account {

    private final AccountSpec spec;
    final boolean marketMaker;
    final Map<String, BigDecimal> balances = new LinkedHashMap<>();
    final Map<String, Position> positions = new LinkedHashMap<>();
    final ConcurrentHashMap<String, Order> openOrders = new ConcurrentHashMap<>();
    private final ArrayDeque<Order> history = new ArrayDeque<>();
    private long sn;

    Account(AccountSpec spec, List<Contract> contracts, List<CollateralAsset> assets, boolean marketMaker) {
        this.spec = spec;
        this.marketMaker = marketMaker;
        for (CollateralAsset asset : assets) {
            BigDecimal initial = spec.collateral().get(asset.asset());
            if (initial != null) {
                balances.put(asset.asset(), initial);
            }
        }
        for (Contract contract : contracts) {
            positions.put(contract.symbol(), new Position(contract));
        }
    }

    public String id() {
        return spec.futuresAccountId();
    }

    /** The key, ids and permissions the account was configured with. */
    public AccountSpec spec() {
        return spec;
    }

    /** The next per-account sequence number; call under the account's lock. */
    long nextSn() {
        return ++sn;
    }

    long currentSn() {
        return sn;
    }

    synchronized void remember(Order order) {
        history.addLast(order);
        while (history.size() > SimulatorDefaults.ORDER_HISTORY_LIMIT) {
            history.removeFirst();
        }
    }

    /** Recent orders, newest first (their state may move on while the caller reads it). */
    synchronized List<Order> recentOrders() {
        List<Order> orders = new ArrayList<>(history);
        Collections.reverse(orders);
        return orders;
    }

    BigDecimal balance(String asset) {
        return balances.getOrDefault(asset, BigDecimal.ZERO);
    }

    /** Collateral value in USDT after discount factors. */
    BigDecimal collateralValue(PriceBoard prices) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> entry : balances.entrySet()) {
            String asset = entry.getKey();
            total = total.add(entry.getValue().multiply(prices.referencePrice(asset))
                    .multiply(prices.discountFactor(asset)));
        }
        return total;
    }

    /** Free margin of the crossed margin group; call under the account's lock. */
    BigDecimal crossedFreeMargin(PriceBoard prices) {
        BigDecimal free = collateralValue(prices);
        for (Position position : positions.values()) {
            BigDecimal mark = prices.markPrice(position.contract.symbol());
            free = free.subtract(position.openOrderMargin());
            // isolated margin has already left the USDT balance, so only crossed positions count here
            if (!position.isolated) {
                free = free.add(position.unrealizedPnl(mark)).subtract(position.requiredMargin(mark));
            }
        }
        return free;
    }

    /** Free margin of one isolated position; call under the account's lock. */
    BigDecimal isolatedFreeMargin(Position position, PriceBoard prices) {
        BigDecimal mark = prices.markPrice(position.contract.symbol());
        return position.isolatedMargin.add(position.unrealizedPnl(mark)).subtract(position.requiredMargin(mark));
    }

    /** How much of {@code asset} may leave the account; call under the account's lock. */
    BigDecimal availableForTransfer(String asset, PriceBoard prices) {
        BigDecimal balance = balance(asset);
        if (balance.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal free = crossedFreeMargin(prices);
        if (free.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal unitValue = prices.referencePrice(asset).multiply(prices.discountFactor(asset));
        if (unitValue.signum() <= 0) {
            return balance;
        }
        return balance.min(free.divide(unitValue, 8, RoundingMode.DOWN));
    }

    /** Collateral and the given positions, valued now; call under the account's lock. */
    AccountUpdate update(Collection<Position> changed, long sn, String requestId, PriceBoard prices, long now) {
        List<CollateralBalance> collateral = new ArrayList<>(balances.size());
        for (Map.Entry<String, BigDecimal> entry : balances.entrySet()) {
            String asset = entry.getKey();
            collateral.add(new CollateralBalance(asset, entry.getValue(), prices.discountFactor(asset),
                    prices.referencePrice(asset)));
        }
        List<PositionView> views = new ArrayList<>(changed.size());
        for (Position position : changed) {
            views.add(position.view(prices));
        }
        return new AccountUpdate(id(), sn, requestId, now, collateral, views);
    }

    /** What may leave the account and the free margin of each margin group; call under the account's lock. */
    FreeMargin freeMargin(PriceBoard prices) {
        Map<String, BigDecimal> transferable = new LinkedHashMap<>();
        for (String asset : balances.keySet()) {
            transferable.put(asset, availableForTransfer(asset, prices));
        }
        Map<String, BigDecimal> isolated = new LinkedHashMap<>();
        for (Position position : positions.values()) {
            if (position.isolated) {
                isolated.put(position.contract.symbol(), isolatedFreeMargin(position, prices));
            }
        }
        return new FreeMargin(transferable, crossedFreeMargin(prices), isolated);
    }

    /**
     * Applies one fill to the position and balances (realized PnL and fee in USDT); call under the account's lock.
     */
    void applyFill(Contract contract, Side side, BigDecimal price, BigDecimal qty, BigDecimal fee) {
        Position position = positions.get(contract.symbol());
        BigDecimal signed = side == Side.BUY ? qty : qty.negate();
        BigDecimal current = position.qty;
        BigDecimal realized = BigDecimal.ZERO;
        if (current.signum() == 0 || current.signum() == signed.signum()) {
            BigDecimal newQty = current.add(signed);
            position.avgOpenPrice = current.abs().multiply(position.avgOpenPrice).add(qty.multiply(price))
                    .divide(newQty.abs(), 9, RoundingMode.HALF_EVEN);
            if (position.isolated) {
                BigDecimal margin = qty.multiply(price).divide(BigDecimal.valueOf(position.leverage), 9,
                        RoundingMode.UP);
                position.isolatedMargin = position.isolatedMargin.add(margin);
                credit("USDT", margin.negate());
            }
            position.qty = newQty;
        } else {
            BigDecimal closing = qty.min(current.abs());
            realized = closing.multiply(price.subtract(position.avgOpenPrice)).multiply(BigDecimal.valueOf(current.signum()));
            BigDecimal newQty = current.add(signed);
            if (newQty.signum() == 0) {
                position.avgOpenPrice = BigDecimal.ZERO;
                releaseIsolatedMargin(position);
            } else if (newQty.signum() != current.signum()) {
                position.avgOpenPrice = price;
                releaseIsolatedMargin(position);
            }
            position.qty = newQty;
        }
        position.realizedPnl = position.realizedPnl.add(realized);
        credit("USDT", realized.subtract(fee));
    }

    private void releaseIsolatedMargin(Position position) {
        if (position.isolatedMargin.signum() != 0) {
            credit("USDT", position.isolatedMargin);
            position.isolatedMargin = BigDecimal.ZERO;
        }
    }

    void credit(String asset, BigDecimal amount) {
        if (amount.signum() != 0) {
            balances.merge(asset, amount, BigDecimal::add);
        }
    }

    /** Open order notional changed by {@code delta} on one side of one contract; call under the account's lock. */
    void openNotionalChanged(String symbol, Side side, BigDecimal delta) {
        Position position = positions.get(symbol);
        if (side == Side.BUY) {
            position.buyOpenOrderNotional = position.buyOpenOrderNotional.add(delta);
        } else {
            position.sellOpenOrderNotional = position.sellOpenOrderNotional.add(delta);
        }
    }

    List<Order> openOrdersOf(String symbol) {
        List<Order> result = new ArrayList<>();
        for (Order order : openOrders.values()) {
            if (symbol == null || order.contract.symbol().equals(symbol)) {
                result.add(order);
            }
        }
        result.sort((a, b) -> Long.compare(a.seqNum, b.seqNum));
        return result;
    }
}
