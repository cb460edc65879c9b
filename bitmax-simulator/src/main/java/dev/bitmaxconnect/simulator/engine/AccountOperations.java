package dev.bitmaxconnect.simulator.engine;

import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * What an account holds and the requests that move collateral or change margin settings: deposits, withdrawals,
 * isolated margin, margin type and leverage. Each change is made and reported under the account's lock.
 */
public final class AccountOperations {

    private final Exchange exchange;
    private final PriceBoard prices;
    private final PrivateFeed feed;

    AccountOperations(Exchange exchange, PriceBoard prices, PrivateFeed feed) {
        this.exchange = exchange;
        this.prices = prices;
        this.feed = feed;
    }

    /** Collateral and every position, with the sn of the account's last update. */
    public AccountUpdate snapshot(Account account, String requestId, long now) {
        synchronized (account) {
            return account.update(account.positions.values(), account.currentSn(), requestId, prices, now);
        }
    }

    /**
     * Hands the snapshot to {@code use} while holding the account's lock, so that whatever {@code use} sends reaches
     * its reader before any later account update.
     */
    public void withSnapshot(Account account, String requestId, long now, Consumer<AccountUpdate> use) {
        synchronized (account) {
            use.accept(snapshot(account, requestId, now));
        }
    }

    public FreeMargin freeMargin(Account account) {
        synchronized (account) {
            return account.freeMargin(prices);
        }
    }

    public void deposit(Account account, String asset, BigDecimal amount, long now) throws ExchangeException {
        CollateralAsset collateral = transferable(asset, amount);
        synchronized (account) {
            account.credit(collateral.asset(), amount);
            feed.accountChanged(account, null, Exchange.requestId("d", account, now), now);
        }
    }

    public void withdraw(Account account, String asset, BigDecimal amount, long now) throws ExchangeException {
        CollateralAsset collateral = transferable(asset, amount);
        synchronized (account) {
            BigDecimal available = account.availableForTransfer(collateral.asset(), prices);
            if (amount.compareTo(available) > 0) {
                throw new ExchangeException(ErrorCode.INVALID_BALANCE, "Invalid amount: " + amount.toPlainString()
                        + " " + asset + " is more than the " + DecimalText.plain(available) + " available for transfer");
            }
            account.credit(collateral.asset(), amount.negate());
            feed.accountChanged(account, null, Exchange.requestId("w", account, now), now);
        }
    }

    private CollateralAsset transferable(String asset, BigDecimal amount) throws ExchangeException {
        CollateralAsset collateral = asset == null ? null : prices.collateral(asset);
        if (collateral == null || !collateral.statusCode().equals("Normal")) {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT,
                    "Invalid asset: '" + asset + "' is not a transferable collateral asset");
        }
        if (amount == null || amount.signum() <= 0) {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT,
                    "Invalid amount: '" + (amount == null ? null : amount.toPlainString()) + "' must be positive");
        }
        return collateral;
    }

    public void changeIsolatedMargin(Account account, String symbol, BigDecimal amount, long now)
            throws ExchangeException {
        Contract contract = exchange.contract(symbol);
        if (amount == null || amount.signum() == 0) {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT, "Invalid amount: must be a non-zero number");
        }
        synchronized (account) {
            Position position = account.positions.get(contract.symbol());
            if (!position.isolated) {
                throw new ExchangeException(ErrorCode.INVALID_OPERATION,
                        "Margin can only be changed for isolated positions; " + symbol + " is crossed");
            }
            if (amount.signum() > 0) {
                BigDecimal free = account.crossedFreeMargin(prices).min(account.balance("USDT"));
                if (amount.compareTo(free) > 0) {
                    throw new ExchangeException(ErrorCode.INVALID_MARGIN_BALANCE, "Invalid amount: "
                            + amount.toPlainString() + " is more than the crossed free margin " + DecimalText.plain(free));
                }
            } else {
                BigDecimal free = account.isolatedFreeMargin(position, prices).min(position.isolatedMargin);
                if (amount.negate().compareTo(free) > 0) {
                    throw new ExchangeException(ErrorCode.INVALID_MARGIN_BALANCE, "Invalid amount: "
                            + amount.toPlainString() + " would take more than the isolated free margin "
                            + DecimalText.plain(free));
                }
            }
            position.isolatedMargin = position.isolatedMargin.add(amount);
            account.credit("USDT", amount.negate());
            feed.accountChanged(account, position, Exchange.requestId("m", account, now), now);
        }
    }

    public void changeMarginType(Account account, String symbol, String marginType, long now) throws ExchangeException {
        Contract contract = exchange.contract(symbol);
        String normalized = marginType == null ? "" : EnumText.normalize(marginType);
        boolean isolated;
        if (normalized.equals("isolated")) {
            isolated = true;
        } else if (normalized.equals("crossed") || normalized.equals("cross")) {
            isolated = false;
        } else {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT,
                    "Invalid marginType: '" + marginType + "' (isolated or crossed)");
        }
        synchronized (account) {
            Position position = account.positions.get(contract.symbol());
            if (position.isolated != isolated) {
                if (position.qty.signum() != 0) {
                    throw new ExchangeException(ErrorCode.INVALID_OPERATION,
                            "Cannot change the margin type of " + symbol + " while a position is open");
                }
                if (!isolated && position.isolatedMargin.signum() != 0) {
                    account.credit("USDT", position.isolatedMargin);
                    position.isolatedMargin = BigDecimal.ZERO;
                }
                position.isolated = isolated;
            }
            feed.accountChanged(account, position, Exchange.requestId("t", account, now), now);
        }
    }

    public void changeLeverage(Account account, String symbol, int leverage, long now) throws ExchangeException {
        Contract contract = exchange.contract(symbol);
        if (leverage < 1 || leverage > 100) {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT,
                    "Invalid leverage: " + leverage + " (an integer from 1 to 100)");
        }
        synchronized (account) {
            Position position = account.positions.get(contract.symbol());
            position.leverage = leverage;
            feed.accountChanged(account, position, Exchange.requestId("l", account, now), now);
        }
    }
}
