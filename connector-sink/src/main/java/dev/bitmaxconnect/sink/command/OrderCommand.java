package dev.bitmaxconnect.sink.command;

import java.math.BigDecimal;
import java.util.List;

/**
 * A parsed command record: one record type per action, holding exactly the fields that action has.
 * {@link #id()} is the command's own {@code id} as written (may be null or not a valid client id).
 */
public sealed interface OrderCommand {

    CommandAction action();

    String id();

    /** One order to place; the command's {@code id} is the order's client id. */
    record Place(String id, OrderItem order) implements OrderCommand {
        @Override
        public CommandAction action() {
            return CommandAction.PLACE;
        }

        @Override
        public String toString() {
            return describe(this, " orders=" + List.of(order));
        }
    }

    /** One order to cancel; the command's {@code id}, else the cancel's, is the cancel's client id. */
    record Cancel(String id, CancelItem cancel) implements OrderCommand {
        @Override
        public CommandAction action() {
            return CommandAction.CANCEL;
        }

        @Override
        public String toString() {
            return describe(this, " cancels=" + List.of(cancel) + " symbol=" + cancel.symbol());
        }
    }

    /** Cancels every open order, of one symbol when {@code symbol} is set. */
    record CancelAll(String id, String symbol) implements OrderCommand {
        @Override
        public CommandAction action() {
            return CommandAction.CANCEL_ALL;
        }

        @Override
        public String toString() {
            return describe(this, symbol == null ? "" : " symbol=" + symbol);
        }
    }

    /** Orders placed in one all-or-none request. */
    record PlaceBatch(String id, List<OrderItem> orders) implements OrderCommand {
        public PlaceBatch {
            orders = List.copyOf(orders);
        }

        @Override
        public CommandAction action() {
            return CommandAction.PLACE_BATCH;
        }

        @Override
        public String toString() {
            return describe(this, orders.isEmpty() ? "" : " orders=" + orders);
        }
    }

    /** Orders canceled in one request. */
    record CancelBatch(String id, List<CancelItem> cancels) implements OrderCommand {
        public CancelBatch {
            cancels = List.copyOf(cancels);
        }

        @Override
        public CommandAction action() {
            return CommandAction.CANCEL_BATCH;
        }

        @Override
        public String toString() {
            return describe(this, cancels.isEmpty() ? "" : " cancels=" + cancels);
        }
    }

    record SetLeverage(String id, String symbol, int leverage) implements OrderCommand {
        @Override
        public CommandAction action() {
            return CommandAction.SET_LEVERAGE;
        }

        @Override
        public String toString() {
            return describe(this, " symbol=" + symbol);
        }
    }

    /** @param marginType the reference's table spelling */
    record SetMarginType(String id, String symbol, String marginType) implements OrderCommand {
        @Override
        public CommandAction action() {
            return CommandAction.SET_MARGIN_TYPE;
        }

        @Override
        public String toString() {
            return describe(this, " symbol=" + symbol);
        }
    }

    record Deposit(String id, String asset, BigDecimal amount) implements OrderCommand {
        @Override
        public CommandAction action() {
            return CommandAction.DEPOSIT;
        }

        @Override
        public String toString() {
            return describe(this, "");
        }
    }

    record Withdraw(String id, String asset, BigDecimal amount) implements OrderCommand {
        @Override
        public CommandAction action() {
            return CommandAction.WITHDRAW;
        }

        @Override
        public String toString() {
            return describe(this, "");
        }
    }

    private static String describe(OrderCommand c, String fields) {
        return "OrderCommand{" + c.action() + (c.id() == null ? "" : " id=" + c.id()) + fields + "}";
    }
}
