package dev.bitmaxconnect.sink.command;

import java.math.BigDecimal;
import java.util.List;

/**
 * A parsed command record. Which fields are set depends on the action: {@code orders} for place and
 * place-batch, {@code cancels} for cancel and cancel-batch, {@code symbol} for cancel-all (optional),
 * set-leverage and set-margin-type, {@code asset} and {@code amount} for deposit and withdraw.
 *
 * @param id the command's own {@code id} as written (may be null or not a valid client id)
 */
public record OrderCommand(
        CommandAction action,
        String id,
        List<OrderItem> orders,
        List<CancelItem> cancels,
        String symbol,
        Integer leverage,
        String marginType,
        String asset,
        BigDecimal amount) {

    public OrderCommand {
        orders = orders == null ? List.of() : List.copyOf(orders);
        cancels = cancels == null ? List.of() : List.copyOf(cancels);
    }

    @Override
    public String toString() {
        return "OrderCommand{" + action + (id == null ? "" : " id=" + id)
                + (orders.isEmpty() ? "" : " orders=" + orders)
                + (cancels.isEmpty() ? "" : " cancels=" + cancels)
                + (symbol == null ? "" : " symbol=" + symbol) + "}";
    }
}
