package dev.bitmaxconnect.examples.orders;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the three topics of an order pipeline into each order's lifecycle, whatever order their records are read
 * in:
 * <ul>
 * <li>a command (the sink's topic) is matched to its result (the results topic) by the command's topic, partition
 * and offset, which every result carries;</li>
 * <li>the result gives the client order id the sink sent ({@code commandId}, or {@code orders[i].clientId} in a
 * batch) and the exchange's {@code orderId};</li>
 * <li>the orderId finds the order's states on the source connector's order topic ({@code status},
 * {@code cumFilledQty}, ...), and the accepted cancels that named it.</li>
 * </ul>
 */
public final class OrderLifecycles {

    /** Order statuses after which an order never changes again. */
    private static final Set<String> FINAL_STATUSES = Set.of("Filled", "Canceled", "Rejected");

    /** Where a record was read: a command is known by it, and its result names it. */
    public record Position(String topic, int partition, long offset) {
        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    /** One state of an order on the order topic. */
    public record OrderState(String status, String cumFilledQty, String avgFilledPx, long lastExecTime, String source) {
    }

    /**
     * One order, or one command that placed none: the command's action and given id, the client id the sink used,
     * the sink's result, the exchange's orderId, the order's states in the order they were written, and the
     * accepted cancels that named it.
     */
    public record Lifecycle(Position command, String action, String givenId, String clientId, String summary,
            String resultStatus, String reason, String orderId, List<OrderState> states, List<String> cancels) {

        /** The order's last state on the order topic, else the sink's verdict on the command. */
        public String finalStatus() {
            return states.isEmpty() ? resultStatus : states.get(states.size() - 1).status();
        }

        /** The order reached a state it cannot leave, or the command was refused, so no order exists. */
        public boolean isFinal() {
            if (orderId == null) {
                return resultStatus != null && !"accepted".equals(resultStatus);
            }
            return FINAL_STATUSES.contains(finalStatus());
        }
    }

    private final Map<Position, JsonNode> commands = new LinkedHashMap<>();
    private final Map<Position, JsonNode> results = new HashMap<>();
    private final Map<String, List<OrderState>> statesByOrderId = new HashMap<>();

    /** A record of the command topic (the JSON the application wrote). */
    public void command(Position position, JsonNode command) {
        commands.put(position, command);
    }

    /** A record of the results topic; the last result of a command wins (a result can be written twice). */
    public void result(JsonNode result) {
        results.put(new Position(result.path("topic").asText(), result.path("partition").asInt(),
                result.path("offset").asLong()), result);
    }

    /** A record of the order topic: {@code JsonConverter} output, with or without its schema envelope. */
    public void orderEvent(JsonNode value) {
        JsonNode order = value.has("payload") && value.has("schema") ? value.get("payload") : value;
        statesByOrderId.computeIfAbsent(order.path("orderId").asText(), id -> new ArrayList<>())
                .add(new OrderState(order.path("status").asText(), order.path("cumFilledQty").asText(),
                        order.path("avgFilledPx").asText(), order.path("lastExecTime").asLong(),
                        order.path("source").asText()));
    }

    /** Every order placed by a command read so far, and every command that placed none, in command order. */
    public List<Lifecycle> lifecycles() {
        Map<String, List<String>> cancels = new HashMap<>();
        List<Lifecycle> lifecycles = new ArrayList<>();
        for (Map.Entry<Position, JsonNode> entry : commands.entrySet()) {
            JsonNode command = entry.getValue();
            JsonNode result = results.get(entry.getKey());
            String action = command.path("action").asText();
            String status = result == null ? null : result.path("status").asText();
            switch (action) {
                case "place" -> lifecycles.add(lifecycle(entry.getKey(), action, command, result,
                        text(result, "commandId"), text(result, "orderId"), status, text(result, "reason")));
                case "place-batch" -> {
                    JsonNode orders = command.path("orders");
                    for (int i = 0; i < orders.size(); i++) {
                        JsonNode outcome = result == null ? null : result.path("orders").path(i);
                        lifecycles.add(lifecycle(entry.getKey(), action, orders.get(i), result,
                                text(outcome, "clientId"), text(outcome, "orderId"),
                                outcome == null ? null : outcome.path("status").asText(status), text(outcome, "reason")));
                    }
                }
                case "cancel" -> {
                    if ("accepted".equals(status) && text(result, "orderId") != null) {
                        cancels.computeIfAbsent(text(result, "orderId"), id -> new ArrayList<>())
                                .add(text(result, "commandId"));
                    } else {
                        lifecycles.add(lifecycle(entry.getKey(), action, command, result, text(result, "commandId"),
                                null, status, text(result, "reason")));
                    }
                }
                default -> lifecycles.add(lifecycle(entry.getKey(), action, command, result,
                        text(result, "commandId"), null, status, text(result, "reason")));
            }
        }
        List<Lifecycle> joined = new ArrayList<>();
        for (Lifecycle l : lifecycles) {
            joined.add(l.orderId() == null ? l : new Lifecycle(l.command(), l.action(), l.givenId(), l.clientId(),
                    l.summary(), l.resultStatus(), l.reason(), l.orderId(),
                    List.copyOf(statesByOrderId.getOrDefault(l.orderId(), List.of())),
                    List.copyOf(cancels.getOrDefault(l.orderId(), List.of()))));
        }
        return joined;
    }

    private static Lifecycle lifecycle(Position position, String action, JsonNode order, JsonNode result,
            String clientId, String orderId, String status, String reason) {
        return new Lifecycle(position, action, text(order, "id"), clientId, summary(order), result == null ? null : status,
                reason, orderId, List.of(), List.of());
    }

    /** {@code BTC-PERP Buy Limit 0.01 @ 26990.25}, or the command's target for a cancel. */
    private static String summary(JsonNode order) {
        if (order.has("side")) {
            String price = order.path("price").asText(order.path("orderPrice").asText(""));
            return String.join(" ", order.path("symbol").asText(), order.path("side").asText(),
                    order.path("orderType").asText(), order.path("orderQty").asText()) + (price.isEmpty() ? "" : " @ " + price);
        }
        String target = order.path("origId").asText(order.path("orderId").asText(""));
        return order.path("symbol").asText() + (target.isEmpty() ? "" : " " + target);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
