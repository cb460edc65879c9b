package dev.bitmaxconnect.sink.validate;

import dev.bitmaxconnect.sink.command.CancelItem;
import dev.bitmaxconnect.sink.command.CommandAction;
import dev.bitmaxconnect.sink.command.OrderCommand;
import dev.bitmaxconnect.sink.command.OrderItem;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a parsed command against the reference (required fields, positive quantities, prices for limit
 * orders, batch size), the live contract filters (known symbol, price range, tick size, lot size) and the
 * user's risk limits. A command that fails any check is not sent.
 */
public final class CommandValidator {

    /** The exchange's batch limit. */
    public static final int MAX_BATCH = 10;
    private static final int MIN_LEVERAGE = 1;
    private static final int MAX_LEVERAGE = 100;
    /** An exchange orderId: prefix, time in hex, userUID and 9 more, 32 letters and digits in all. */
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9]{32}");

    private final ContractFilters filters;
    private final RiskLimits limits;

    public CommandValidator(ContractFilters filters, RiskLimits limits) {
        this.filters = filters;
        this.limits = limits;
    }

    /** The first reason to refuse {@code command}, or empty when it may be sent. */
    public Optional<Rejection> validate(OrderCommand command) {
        CommandAction action = command.action();
        if (action.isTransfer() && !limits.transfersEnabled()) {
            return reject("TRANSFERS_DISABLED", "action: " + action + " is refused because transfers.enabled is false");
        }
        if (command instanceof OrderCommand.Place c) {
            return orders(List.of(c.order()), false);
        } else if (command instanceof OrderCommand.PlaceBatch c) {
            return orders(c.orders(), true);
        } else if (command instanceof OrderCommand.Cancel c) {
            return cancels(List.of(c.cancel()), false);
        } else if (command instanceof OrderCommand.CancelBatch c) {
            return cancels(c.cancels(), true);
        } else if (command instanceof OrderCommand.CancelAll c) {
            return c.symbol() == null ? Optional.empty() : symbol("symbol", c.symbol());
        } else if (command instanceof OrderCommand.SetLeverage c) {
            if (c.leverage() < MIN_LEVERAGE || c.leverage() > MAX_LEVERAGE) {
                return reject("INVALID_LEVERAGE", "leverage: " + c.leverage() + " is outside 1..100");
            }
            return symbol("symbol", c.symbol());
        } else if (command instanceof OrderCommand.SetMarginType c) {
            return symbol("symbol", c.symbol());
        } else if (command instanceof OrderCommand.Deposit c) {
            return transfer(c.asset(), c.amount());
        } else if (command instanceof OrderCommand.Withdraw c) {
            return transfer(c.asset(), c.amount());
        }
        throw new IllegalStateException("unknown command type: " + command.action());
    }

    private Optional<Rejection> transfer(String asset, BigDecimal amount) {
        if (!ASSET.matcher(asset).matches()) {
            return reject("INVALID_ASSET", "asset: " + quote(asset) + " is not an asset code (1 to 20 letters and digits)");
        }
        return amount.signum() > 0 ? Optional.empty()
                : reject("INVALID_AMOUNT", "amount: " + plain(amount) + " must be positive");
    }

    private Optional<Rejection> orders(List<OrderItem> orders, boolean batch) {
        if (orders.isEmpty()) {
            return reject("EMPTY_BATCH", "orders: the batch holds no order");
        }
        if (orders.size() > MAX_BATCH) {
            return reject("BATCH_TOO_LARGE", "orders: " + orders.size() + " orders; a batch holds at most " + MAX_BATCH);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            String id = orders.get(i).id();
            Integer first = id == null ? null : seen.putIfAbsent(id, i);
            if (first != null) {
                return reject("DUPLICATE_ID", "orders[" + i + "].id: " + quote(id) + " is also the id of orders["
                        + first + "]; the orders of a batch need distinct ids");
            }
        }
        for (int i = 0; i < orders.size(); i++) {
            Optional<Rejection> r = order(orders.get(i), batch ? "orders[" + i + "]." : "");
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private Optional<Rejection> order(OrderItem o, String path) {
        if (o.orderQty() == null) {
            return reject("MISSING_FIELD", path + "orderQty: is required");
        }
        if (o.orderQty().signum() <= 0) {
            return reject("INVALID_QTY", path + "orderQty: " + plain(o.orderQty()) + " must be positive");
        }
        if (o.needsPrice() && o.price() == null) {
            return reject("MISSING_FIELD", path + "price: is required for " + o.orderType() + " orders");
        }
        if (o.price() != null && o.price().signum() <= 0) {
            return reject("INVALID_PRICE", path + "price: " + plain(o.price()) + " must be positive");
        }
        if (o.needsStopPrice() && o.stopPrice() == null) {
            return reject("MISSING_FIELD", path + "stopPrice: is required for " + o.orderType() + " orders");
        }
        if (o.stopPrice() != null && o.stopPrice().signum() <= 0) {
            return reject("INVALID_PRICE", path + "stopPrice: " + plain(o.stopPrice()) + " must be positive");
        }
        if (o.posStopLossPrice() != null && o.posStopLossPrice().signum() <= 0) {
            return reject("INVALID_PRICE", path + "posStopLossPrice: " + plain(o.posStopLossPrice())
                    + " must be positive");
        }
        if (o.posTakeProfitPrice() != null && o.posTakeProfitPrice().signum() <= 0) {
            return reject("INVALID_PRICE", path + "posTakeProfitPrice: " + plain(o.posTakeProfitPrice())
                    + " must be positive");
        }
        Optional<Rejection> sym = symbol(path + "symbol", o.symbol());
        if (sym.isPresent()) {
            return sym;
        }
        ContractFilter f = filters.filter(o.symbol()).orElseThrow();
        for (String field : List.of("price", "stopPrice", "posStopLossPrice", "posTakeProfitPrice")) {
            BigDecimal p = switch (field) {
                case "price" -> o.price();
                case "stopPrice" -> o.stopPrice();
                case "posStopLossPrice" -> o.posStopLossPrice();
                default -> o.posTakeProfitPrice();
            };
            if (p == null) {
                continue;
            }
            if (f.minPrice() != null && p.compareTo(f.minPrice()) < 0) {
                return reject("INVALID_PRICE", path + field + ": " + plain(p) + " is below the minimum price "
                        + plain(f.minPrice()) + " of " + o.symbol());
            }
            if (f.maxPrice() != null && f.maxPrice().signum() > 0 && p.compareTo(f.maxPrice()) > 0) {
                return reject("INVALID_PRICE", path + field + ": " + plain(p) + " is above the maximum price "
                        + plain(f.maxPrice()) + " of " + o.symbol());
            }
            if (!multipleOf(p, f.tickSize())) {
                return reject("TICK_SIZE_VIOLATION", path + field + ": " + plain(p)
                        + " is not a multiple of the tick size " + plain(f.tickSize()) + " of " + o.symbol());
            }
        }
        BigDecimal q = o.orderQty();
        if (f.minQty() != null && q.compareTo(f.minQty()) < 0) {
            return reject("INVALID_QTY", path + "orderQty: " + plain(q) + " is below the minimum quantity "
                    + plain(f.minQty()) + " of " + o.symbol());
        }
        if (f.maxQty() != null && f.maxQty().signum() > 0 && q.compareTo(f.maxQty()) > 0) {
            return reject("INVALID_QTY", path + "orderQty: " + plain(q) + " is above the maximum quantity "
                    + plain(f.maxQty()) + " of " + o.symbol());
        }
        if (!multipleOf(q, f.lotSize())) {
            return reject("LOT_SIZE_VIOLATION", path + "orderQty: " + plain(q) + " is not a multiple of the lot size "
                    + plain(f.lotSize()) + " of " + o.symbol());
        }
        if (limits.maxOrderQty() != null && q.compareTo(limits.maxOrderQty()) > 0) {
            return reject("RISK_MAX_QTY", path + "orderQty: " + plain(q) + " exceeds risk.max.order.qty "
                    + plain(limits.maxOrderQty()));
        }
        if (limits.maxOrderNotional() != null) {
            BigDecimal price = o.price() != null ? o.price()
                    : o.stopPrice() != null ? o.stopPrice() : filters.markPrice(o.symbol()).orElse(null);
            if (price == null) {
                return reject("RISK_NO_REFERENCE_PRICE", path + "price: a " + o.orderType() + " order on "
                        + o.symbol() + " has no price to check risk.max.order.notional against");
            }
            BigDecimal notional = price.multiply(q);
            if (notional.compareTo(limits.maxOrderNotional()) > 0) {
                return reject("RISK_MAX_NOTIONAL", path + "orderQty: notional " + plain(notional) + " ("
                        + plain(q) + " x " + plain(price) + ") exceeds risk.max.order.notional "
                        + plain(limits.maxOrderNotional()));
            }
        }
        return Optional.empty();
    }

    private Optional<Rejection> cancels(List<CancelItem> cancels, boolean batch) {
        if (cancels.isEmpty()) {
            return reject("EMPTY_BATCH", "orders: the batch holds no order");
        }
        if (cancels.size() > MAX_BATCH) {
            return reject("BATCH_TOO_LARGE", "orders: " + cancels.size() + " cancels; a batch holds at most "
                    + MAX_BATCH);
        }
        for (int i = 0; i < cancels.size(); i++) {
            String path = batch ? "orders[" + i + "]." : "";
            CancelItem c = cancels.get(i);
            if (c.orderId() != null && !ORDER_ID.matcher(c.orderId()).matches()) {
                return reject("INVALID_ORDER_ID", path + "orderId: " + quote(c.orderId())
                        + " is not an orderId (32 letters and digits)");
            }
            Optional<Rejection> sym = symbol(path + "symbol", c.symbol());
            if (sym.isPresent()) {
                return sym;
            }
        }
        return Optional.empty();
    }

    private Optional<Rejection> symbol(String field, String symbol) {
        if (!limits.allowedSymbols().isEmpty() && !limits.allowedSymbols().contains(symbol)) {
            return reject("RISK_SYMBOL_NOT_ALLOWED", field + ": " + quote(symbol) + " is not in risk.allowed.symbols "
                    + limits.allowedSymbols());
        }
        Optional<ContractFilter> f = filters.filter(symbol);
        if (f.isEmpty()) {
            return reject("UNKNOWN_SYMBOL", field + ": " + quote(symbol) + " is not a futures contract listed by the exchange");
        }
        String status = f.get().status();
        if (status != null && !status.isEmpty() && !status.equalsIgnoreCase("Normal")) {
            return reject("CONTRACT_NOT_TRADING", field + ": " + quote(symbol) + " has status " + status
                    + " at the exchange, not Normal");
        }
        return Optional.empty();
    }

    private static boolean multipleOf(BigDecimal value, BigDecimal step) {
        if (step == null || step.signum() <= 0) {
            return true;
        }
        return value.remainder(step).signum() == 0;
    }

    /** A value as shown in a message: quoted, and cut short so that hostile input cannot bloat results. */
    private static String quote(String s) {
        return "\"" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "\"";
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static Optional<Rejection> reject(String reason, String message) {
        return Optional.of(new Rejection(reason, message));
    }
}
