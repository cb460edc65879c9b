package dev.bitmaxconnect.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderLifecyclesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OrderLifecycles join = new OrderLifecycles();

    @Test
    void recordsJoinWhateverTheOrderTheTopicsAreReadIn() throws JsonProcessingException {
        // the order topic and the results first, the commands last
        join.orderEvent(json("{\"orderId\":\"o1\",\"status\":\"New\",\"cumFilledQty\":\"0\",\"avgFilledPx\":\"0\"}"));
        join.orderEvent(json("{\"schema\":{},\"payload\":{\"orderId\":\"o1\",\"status\":\"Canceled\",\"cumFilledQty\":\"0\"}}"));
        join.orderEvent(json("{\"orderId\":\"o2\",\"status\":\"Filled\",\"cumFilledQty\":\"0.05\",\"avgFilledPx\":\"1500\"}"));
        join.result(json("{\"commandId\":\"c1\",\"status\":\"accepted\",\"orderId\":\"o1\",\"topic\":\"cmd\",\"partition\":0,"
                + "\"offset\":0}"));
        join.result(json("{\"commandId\":\"b1\",\"status\":\"accepted\",\"topic\":\"cmd\",\"partition\":0,\"offset\":1,"
                + "\"orders\":[{\"clientId\":\"x1\",\"orderId\":\"o2\",\"status\":\"accepted\"},"
                + "{\"clientId\":\"x2\",\"orderId\":\"o3\",\"status\":\"accepted\"}]}"));
        join.result(json("{\"commandId\":\"k1\",\"status\":\"accepted\",\"orderId\":\"o1\",\"topic\":\"cmd\",\"partition\":0,"
                + "\"offset\":2}"));
        join.command(at(0), json("{\"action\":\"place\",\"id\":\"c1\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"orderQty\":\"0.01\",\"price\":\"20000\"}"));
        join.command(at(1), json("{\"action\":\"place-batch\",\"id\":\"b1\",\"orders\":["
                + "{\"id\":\"x1\",\"symbol\":\"ETH-PERP\",\"side\":\"Sell\",\"orderType\":\"Market\",\"orderQty\":\"0.05\"},"
                + "{\"symbol\":\"ETH-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\",\"orderQty\":\"1\",\"price\":\"1000\"}]}"));
        join.command(at(2), json("{\"action\":\"cancel\",\"id\":\"k1\",\"symbol\":\"BTC-PERP\",\"origId\":\"c1\"}"));
        join.command(at(3), json("{\"action\":\"place\",\"id\":\"r1\",\"symbol\":\"NOPE-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"orderQty\":\"1\",\"price\":\"1\"}"));

        List<OrderLifecycles.Lifecycle> lifecycles = join.lifecycles();

        assertThat(lifecycles).extracting(OrderLifecycles.Lifecycle::clientId).containsExactly("c1", "x1", "x2", null);
        assertThat(lifecycles).extracting(OrderLifecycles.Lifecycle::orderId).containsExactly("o1", "o2", "o3", null);
        assertThat(lifecycles).extracting(OrderLifecycles.Lifecycle::finalStatus)
                .containsExactly("Canceled", "Filled", "accepted", null);
        assertThat(lifecycles).extracting(OrderLifecycles.Lifecycle::isFinal).containsExactly(true, true, false, false);
        assertThat(lifecycles.get(0).states()).extracting(OrderLifecycles.OrderState::status).containsExactly("New", "Canceled");
        assertThat(lifecycles.get(0).cancels()).containsExactly("k1");
        assertThat(lifecycles.get(0).summary()).isEqualTo("BTC-PERP Buy Limit 0.01 @ 20000");
        assertThat(lifecycles.get(2).givenId()).isNull();
        assertThat(lifecycles.get(3).resultStatus()).as("no result read yet").isNull();
    }

    @Test
    void aRefusedCommandIsFinalWithTheSinksReason() throws JsonProcessingException {
        join.command(at(0), json("{\"action\":\"place\",\"id\":\"r1\",\"symbol\":\"NOPE-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"orderQty\":\"1\",\"price\":\"1\"}"));
        join.result(json("{\"commandId\":\"r1\",\"status\":\"rejected\",\"orderId\":null,\"reason\":\"UNKNOWN_SYMBOL\","
                + "\"topic\":\"cmd\",\"partition\":0,\"offset\":0}"));

        OrderLifecycles.Lifecycle refused = join.lifecycles().get(0);

        assertThat(refused.isFinal()).isTrue();
        assertThat(refused.finalStatus()).isEqualTo("rejected");
        assertThat(refused.reason()).isEqualTo("UNKNOWN_SYMBOL");
        assertThat(OrderLifecycleReport.format(List.of(refused))).contains("result  rejected UNKNOWN_SYMBOL, client id r1")
                .contains("final   rejected");
    }

    private static OrderLifecycles.Position at(long offset) {
        return new OrderLifecycles.Position("cmd", 0, offset);
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }
}
