package dev.bitmaxconnect.sink.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class OrderCommandParserTest {

    private final OrderCommandParser parser = new OrderCommandParser();

    @Test
    void readsEveryOrderFieldFromJsonText() {
        OrderCommand c = parser.parse("""
                {"action":"place","id":"order000001","symbol":"BTC-PERP","side":"buy","orderType":"stop_limit",
                 "price":"30000.25","orderQty":"0.1234","stopPrice":"29999.5","timeInForce":"ioc","postOnly":true,
                 "execInst":"reduceonly","respInst":"accept","posStopLossPrice":"25000","posTakeProfitPrice":"40000"}
                """);
        assertThat(c.action()).isEqualTo(CommandAction.PLACE);
        assertThat(c.id()).isEqualTo("order000001");
        OrderItem o = ((OrderCommand.Place) c).order();
        assertThat(o.side()).isEqualTo("Buy");
        assertThat(o.orderType()).isEqualTo("StopLimit");
        assertThat(o.price()).isEqualByComparingTo("30000.25");
        assertThat(o.orderQty()).isEqualTo(new BigDecimal("0.1234"));
        assertThat(o.stopPrice()).isEqualByComparingTo("29999.5");
        assertThat(o.timeInForce()).isEqualTo("IOC");
        assertThat(o.postOnly()).isTrue();
        assertThat(o.execInst()).isEqualTo("ReduceOnly");
        assertThat(o.respInst()).isEqualTo("ACCEPT");
        assertThat(o.posStopLossPrice()).isEqualByComparingTo("25000");
        assertThat(o.posTakeProfitPrice()).isEqualByComparingTo("40000");
    }

    @Test
    void keepsEveryDigitOfAJsonNumber() {
        OrderCommand c = parser.parse("{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Sell\","
                + "\"orderType\":\"Limit\",\"price\":30000.123456789012345678,\"orderQty\":1}");
        assertThat(((OrderCommand.Place) c).order().price()).isEqualTo(new BigDecimal("30000.123456789012345678"));
    }

    @Test
    void readsBytesAndByteBuffers() {
        byte[] json = "{\"action\":\"cancel-all\",\"symbol\":\"ETH-PERP\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(((OrderCommand.CancelAll) parser.parse(json)).symbol()).isEqualTo("ETH-PERP");
        assertThat(parser.parse(ByteBuffer.wrap(json)).action()).isEqualTo(CommandAction.CANCEL_ALL);
    }

    @Test
    void readsASchemalessMapWithABatch() {
        Map<String, Object> order = new HashMap<>();
        order.put("symbol", "BTC-PERP");
        order.put("side", "Buy");
        order.put("orderType", "Limit");
        order.put("orderPrice", "34000");
        order.put("orderQty", "0.1");
        OrderCommand c = parser.parse(Map.of("action", "place_batch", "orders", List.of(order, order)));
        assertThat(c.action()).isEqualTo(CommandAction.PLACE_BATCH);
        assertThat(((OrderCommand.PlaceBatch) c).orders()).hasSize(2);
        assertThat(((OrderCommand.PlaceBatch) c).orders().get(1).price()).isEqualByComparingTo("34000");
    }

    @Test
    void readsAStructWithDecimalsAndNullOptionalFields() {
        Schema schema = SchemaBuilder.struct().name("dev.bitmaxconnect.sink.OrderCommand")
                .field("action", Schema.STRING_SCHEMA)
                .field("id", Schema.OPTIONAL_STRING_SCHEMA)
                .field("symbol", Schema.OPTIONAL_STRING_SCHEMA)
                .field("side", Schema.OPTIONAL_STRING_SCHEMA)
                .field("orderType", Schema.OPTIONAL_STRING_SCHEMA)
                .field("price", Decimal.builder(2).optional().build())
                .field("orderQty", Schema.OPTIONAL_STRING_SCHEMA)
                .field("stopPrice", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        Struct s = new Struct(schema).put("action", "place").put("symbol", "BTC-PERP").put("side", "Sell")
                .put("orderType", "Limit").put("price", new BigDecimal("31000.50")).put("orderQty", "2");
        OrderItem o = ((OrderCommand.Place) parser.parse(s)).order();
        assertThat(o.price()).isEqualTo(new BigDecimal("31000.50"));
        assertThat(o.stopPrice()).isNull();
        assertThat(o.side()).isEqualTo("Sell");
    }

    @Test
    void readsEveryOtherAction() {
        assertThat(((OrderCommand.Cancel) parser.parse("{\"action\":\"cancel\",\"orderId\":\"a177c2a8cfe1U0123456789eqntvwWsy\","
                + "\"symbol\":\"BTC-PERP\"}")).cancel().orderId()).endsWith("eqntvwWsy");
        assertThat(((OrderCommand.Cancel) parser.parse("{\"action\":\"cancel\",\"origId\":\"order000001\",\"symbol\":\"BTC-PERP\"}"))
                .cancel().origId()).isEqualTo("order000001");
        assertThat(((OrderCommand.CancelBatch) parser.parse("{\"action\":\"cancel-batch\",\"orders\":[{\"orderId\":\"x\","
                + "\"symbol\":\"B\"},{\"origId\":\"y\",\"symbol\":\"B\"}]}")).cancels()).hasSize(2);
        OrderCommand lev = parser.parse("{\"action\":\"set-leverage\",\"symbol\":\"BTC-PERP\",\"leverage\":20}");
        assertThat(((OrderCommand.SetLeverage) lev).leverage()).isEqualTo(20);
        assertThat(((OrderCommand.SetMarginType) parser.parse("{\"action\":\"set-margin-type\",\"symbol\":\"BTC-PERP\","
                + "\"marginType\":\"Isolated\"}")).marginType()).isEqualTo("isolated");
        OrderCommand dep = parser.parse("{\"action\":\"withdraw\",\"asset\":\"USDT\",\"amount\":\"12.5\"}");
        assertThat(dep.action()).isEqualTo(CommandAction.WITHDRAW);
        assertThat(((OrderCommand.Withdraw) dep).amount()).isEqualByComparingTo("12.5");
        assertThat(((OrderCommand.CancelAll) parser.parse("{\"action\":\"cancel-all\"}")).symbol()).isNull();
    }

    @Test
    void garbageBytesAreNamedAsNotUtf8() {
        assertThatThrownBy(() -> parser.parse(new byte[] {(byte) 0xff, (byte) 0xfe, 0x01}))
                .isInstanceOf(CommandFormatException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void invalidJsonQuotesTheText() {
        assertThatThrownBy(() -> parser.parse("{\"action\":\"place\",")).isInstanceOf(CommandFormatException.class)
                .hasMessageContaining("not valid JSON").hasMessageContaining("{\"action\":\"place\",");
        assertThatThrownBy(() -> parser.parse("[1,2]")).hasMessageContaining("must be a JSON object");
    }

    @Test
    void errorsNameTheFieldAndTheValue() {
        assertThatThrownBy(() -> parser.parse("{\"action\":\"explode\"}"))
                .isInstanceOf(CommandFormatException.class)
                .hasMessageContaining("action").hasMessageContaining("\"explode\"");
        assertThatThrownBy(() -> parser.parse("{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":5,"
                + "\"orderType\":\"Limit\",\"orderQty\":\"1\"}"))
                .hasMessageStartingWith("side: expected a string, got 5");
        assertThatThrownBy(() -> parser.parse("{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"up\","
                + "\"orderType\":\"Limit\",\"orderQty\":\"1\"}"))
                .hasMessageContaining("side: unknown value \"up\"").hasMessageContaining("[Buy, Sell]");
        assertThatThrownBy(() -> parser.parse("{\"action\":\"place\",\"side\":\"Buy\",\"orderType\":\"Limit\"}"))
                .hasMessage("symbol: is required");
        assertThatThrownBy(() -> parser.parse("{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"orderQty\":\"lots\"}"))
                .hasMessage("orderQty: expected a decimal number, got \"lots\"");
        assertThatThrownBy(() -> parser.parse("{\"action\":\"place-batch\",\"orders\":[{\"symbol\":\"BTC-PERP\","
                + "\"side\":\"Buy\",\"orderType\":\"Limit\",\"orderQty\":\"1\",\"price\":true}]}"))
                .hasMessageStartingWith("orders[0].price: expected a decimal string, got true");
        assertThatThrownBy(() -> parser.parse("{\"action\":\"set-leverage\",\"symbol\":\"BTC-PERP\",\"leverage\":2.5}"))
                .hasMessageStartingWith("leverage: expected an integer, got 2.5");
    }

    @Test
    void refusesFloatingPointNumbersInAMap() {
        Map<String, Object> m = Map.of("action", "place", "symbol", "BTC-PERP", "side", "Buy", "orderType", "Limit",
                "orderQty", "1", "price", 0.1);
        assertThatThrownBy(() -> parser.parse(m)).hasMessageStartingWith("price: got the floating-point number 0.1");
    }

    @Test
    void refusesMisspeltFields() {
        assertThatThrownBy(() -> parser.parse("{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"orderQty\":\"1\",\"timeInForc\":\"IOC\"}"))
                .hasMessageStartingWith("timeInForc: unknown field");
    }

    @Test
    void refusesACancelWithoutOrderIdOrTombstone() {
        assertThatThrownBy(() -> parser.parse("{\"action\":\"cancel\",\"symbol\":\"BTC-PERP\"}"))
                .hasMessageStartingWith("orderId: is required");
        assertThatThrownBy(() -> parser.parse(null)).hasMessageContaining("tombstone");
        assertThatThrownBy(() -> parser.parse(42)).hasMessageContaining("Integer");
    }

    @Test
    void disagreeingPriceAndOrderPriceAreRefused() {
        assertThatThrownBy(() -> parser.parse("{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"orderQty\":\"1\",\"price\":\"1\",\"orderPrice\":\"2\"}"))
                .hasMessageContaining("disagree");
    }

    @Test
    void aRefusedCommandKeepsItsOwnIdAndActionAndNamesTheField() {
        CommandFormatException e = refusal("{\"action\":\"place\",\"id\":\"myorder001\",\"symbol\":\"BTC-PERP\","
                + "\"side\":\"Buy\",\"orderType\":\"Limit\",\"orderQty\":\"lots\"}");
        assertThat(e.givenId()).isEqualTo("myorder001");
        assertThat(e.action()).isEqualTo(CommandAction.PLACE);
        assertThat(e.label()).isEqualTo("invalid field orderQty");
        assertThat(e.unreadable()).isFalse();
        assertThat(e).hasMessage("orderQty: expected a decimal number, got \"lots\"");

        CommandFormatException batch =
                refusal("{\"action\":\"place_batch\",\"id\":\"batch-7\",\"orders\":[{\"symbol\":5}]}");
        assertThat(batch.givenId()).isEqualTo("batch-7");
        assertThat(batch.action()).isEqualTo(CommandAction.PLACE_BATCH);
        assertThat(batch.label()).isEqualTo("invalid field orders[0].symbol");

        CommandFormatException unknownAction = refusal("{\"action\":\"teleport\",\"id\":\"tp1\"}");
        assertThat(unknownAction.givenId()).isEqualTo("tp1");
        assertThat(unknownAction.action()).isNull();
        assertThat(unknownAction.label()).isEqualTo("invalid field action");

        Map<String, Object> map = new HashMap<>(Map.of("action", "cancel", "id", " mycancel01 ", "symbol", "BTC-PERP"));
        CommandFormatException fromMap = refusal(map);
        assertThat(fromMap.givenId()).isEqualTo("mycancel01");
        assertThat(fromMap.action()).isEqualTo(CommandAction.CANCEL);
        assertThat(fromMap.label()).isEqualTo("invalid field orderId");
    }

    @Test
    void anIdThatIsNotAStringIsNotTakenForOne() {
        CommandFormatException e = refusal("{\"action\":\"place\",\"id\":12345678901,\"symbol\":\"BTC-PERP\"}");
        assertThat(e.givenId()).isNull();
        assertThat(e.label()).isEqualTo("invalid field id");
        assertThat(refusal("{\"action\":\"place\",\"id\":\"  \"}").givenId()).isNull();
    }

    @Test
    void aFieldGivenTwiceIsNamedAndTheIdStillRead() {
        CommandFormatException e = refusal("{\"action\":\"place\",\"id\":\"twice00001\",\"symbol\":\"BTC-PERP\","
                + "\"side\":\"Buy\",\"orderType\":\"Limit\",\"orderQty\":\"1\",\"orderQty\":\"1000\"}");
        assertThat(e.label()).isEqualTo("duplicate field orderQty");
        assertThat(e.unreadable()).isFalse();
        assertThat(e.givenId()).isEqualTo("twice00001");
        assertThat(e.action()).isEqualTo(CommandAction.PLACE);
        assertThat(e).hasMessageContaining("Duplicate field 'orderQty'");
        // An id given twice is ambiguous: neither of them names the command.
        CommandFormatException twoIds = refusal("{\"action\":\"place\",\"id\":\"first0001\",\"id\":\"second001\"}");
        assertThat(twoIds.givenId()).isNull();
        assertThat(twoIds.action()).isEqualTo(CommandAction.PLACE);
    }

    @Test
    void whatIsNoCommandObjectAtAllIsLabelledForWhatItIs() {
        assertThat(refusal("hello, exchange")).satisfies(e -> {
            assertThat(e.label()).isEqualTo("not JSON");
            assertThat(e.unreadable()).isTrue();
            assertThat(e.givenId()).isNull();
            assertThat(e.action()).isNull();
        });
        assertThat(refusal("[{\"id\":\"inarray01\"}]").label()).isEqualTo("not a JSON object");
        assertThat(refusal("\"place\"").label()).isEqualTo("not a JSON object");
        assertThat(refusal(new byte[] {(byte) 0xff, (byte) 0xfe}).label()).isEqualTo("not UTF-8 text");
        assertThat(refusal(null).label()).isEqualTo("a tombstone");
        assertThat(refusal(42).label()).isEqualTo("not a command value");
        assertThat(List.of("hello, exchange", "[1]", "null", "")).allSatisfy(v -> assertThat(refusal(v).unreadable())
                .as(v).isTrue());
    }

    private CommandFormatException refusal(Object value) {
        try {
            parser.parse(value);
        } catch (CommandFormatException e) {
            return e;
        }
        throw new AssertionError("accepted: " + value);
    }
}
