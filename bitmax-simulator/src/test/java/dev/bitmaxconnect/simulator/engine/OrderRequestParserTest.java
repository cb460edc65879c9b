package dev.bitmaxconnect.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.simulator.FieldNames;
import dev.bitmaxconnect.simulator.json.JsonFields;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderRequestParserTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final Map<String, Contract> contracts = new LinkedHashMap<>();
    final OrderRequestParser parser;

    OrderRequestParserTest() {
        for (Contract c : Contract.standard()) {
            contracts.put(c.symbol(), c);
        }
        parser = new OrderRequestParser(contracts, 1);
    }

    @Test
    void orderIdOfTheReferenceBatchExample() throws Exception {
        JsonNode batch = FieldNames.example("place-batch-orders--place-batch-orders-request-body");
        JsonNode second = batch.path("orders").get(1);
        long time = second.path("time").asLong();
        OrderRequest request = parser.parse(JsonFields.ofObject(second), "U0123456789", 'a', null, time);
        assertThat(request.orderId()).isEqualTo("a177c2a8cfe1U0123456789equestId2");
        assertThat(request.price()).isEqualByComparingTo("35000");
    }

    @Test
    void webSocketOrdersUseTheRequestIdWhenArgsHaveNone() throws Exception {
        ObjectNode args = (ObjectNode) FieldNames.example("ws-place-order--request-to-place-new-order").get("args");
        long time = args.path("time").asLong();
        args.remove("id");
        OrderRequest request = parser.parse(JsonFields.ofObject(args), "U1234567890", 's', "sampleRequestID", time);
        assertThat(request.orderId()).isEqualTo("s" + Long.toHexString(time) + "U1234567890" + "RequestID");
        assertThat(request.clientId()).isEqualTo("sampleRequestID");
    }

    @Test
    void shortOrNonAlphanumericIdsGetNineRandomCharacters() throws Exception {
        String a = parser.orderId('a', 1000, "U0123456789", "abc");
        String b = parser.orderId('a', 1000, "U0123456789", "with-dash-12345");
        assertThat(a).hasSize(1 + 3 + 11 + 9).matches("a3e8U0123456789[A-Za-z0-9]{9}");
        assertThat(b).doesNotEndWith("ash-12345").hasSize(24);
        // the same seed gives the same random parts
        assertThat(new OrderRequestParser(contracts, 1).orderId('a', 1000, "U0123456789", "abc")).isEqualTo(a);
    }

    @Test
    void acceptsPriceOrOrderPriceAndEnumSpellings() throws Exception {
        long now = 1_700_000_000_000L;
        JsonNode node = JSON.readTree("{\"time\":" + now + ",\"symbol\":\"ETH-PERP\",\"price\":\"1000.01\","
                + "\"orderQty\":\"0.5\",\"orderType\":\"STOP_LIMIT\",\"stopPrice\":\"999\",\"side\":\"SELL\","
                + "\"timeInForce\":\"ioc\",\"respInst\":\"done\",\"execInst\":\"ReduceOnly\",\"clientOrderId\":\"x\"}");
        OrderRequest request = parser.parse(JsonFields.ofObject(node), "U0123456789", 'a', null, now);
        assertThat(request.type()).isEqualTo(OrderType.STOP_LIMIT);
        assertThat(request.side()).isEqualTo(Side.SELL);
        assertThat(request.timeInForce()).isEqualTo(TimeInForce.IOC);
        assertThat(request.respInst()).isEqualTo(RespInst.DONE);
        assertThat(request.reduceOnly()).isTrue();
        assertThat(request.priceTicks()).isEqualTo(100001);
        assertThat(request.qtyLots()).isEqualTo(500);
    }

    @Test
    void refusesWithCodeAndAMessageNamingFieldAndValue() throws Exception {
        long now = 1_700_000_000_000L;
        assertRefused("{\"time\":" + now + ",\"symbol\":\"BTC-PERP\",\"price\":\"abc\",\"orderQty\":\"1\","
                + "\"orderType\":\"Limit\",\"side\":\"Buy\"}", now, 300001, "abc");
        assertRefused("{\"symbol\":\"BTC-PERP\",\"orderQty\":\"1\",\"orderType\":\"Market\",\"side\":\"Buy\"}",
                now, 100011, "time");
        assertRefused("{\"time\":" + (now + 31_000) + ",\"symbol\":\"BTC-PERP\",\"orderQty\":\"1\","
                + "\"orderType\":\"Market\",\"side\":\"Buy\"}", now, 100011, String.valueOf(now + 31_000));
        assertRefused("{\"time\":" + now + ",\"symbol\":\"BTC-PERP\",\"orderQty\":\"1\",\"orderType\":\"Market\","
                + "\"side\":\"Buy\",\"respInst\":\"LATER\"}", now, 100004, "LATER");
        assertRefused("{\"time\":" + now + ",\"symbol\":\"BTC-PERP\",\"orderQty\":\"1\",\"orderType\":\"Market\","
                + "\"side\":\"Buy\",\"postOnly\":true}", now, 300008, "postOnly");
    }

    void assertRefused(String json, long now, int code, String mentioned) {
        assertThatThrownBy(() -> parser.parse(JsonFields.ofObject(JSON.readTree(json)), "U0123456789", 'a', null, now))
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(mentioned);
                });
    }
}
