package dev.bitmaxconnect.sink.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/** What Connect's JsonConverter hands the task, read by the parser. */
class JsonConverterInputTest {

    private static Object convert(String json, boolean schemas) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", Boolean.toString(schemas)), false);
        SchemaAndValue v = converter.toConnectData("cmds", json.getBytes(StandardCharsets.UTF_8));
        return v.value();
    }

    @Test
    void schemalessJsonNumbersArriveAsDoublesAndAreRefusedWithTheFix() {
        Object value = convert("{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"price\":30000.25,\"orderQty\":1}", false);
        assertThatThrownBy(() -> new OrderCommandParser().parse(value)).isInstanceOf(CommandFormatException.class)
                .hasMessage("price: got the floating-point number 30000.25; send decimals as strings (\"30000.25\") "
                        + "so that no digit is lost");
    }

    @Test
    void schemalessStringDecimalsAndIntegersAreExact() {
        Object value = convert("{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"price\":\"30000.123456789012345\",\"orderQty\":3}", false);
        OrderCommand c = new OrderCommandParser().parse(value);
        OrderItem order = ((OrderCommand.Place) c).order();
        assertThat(order.price()).isEqualTo(new BigDecimal("30000.123456789012345"));
        assertThat(order.orderQty()).isEqualByComparingTo("3");
    }

    @Test
    void jsonTextKeepsEveryDigitOfANumber() {
        OrderCommand c = new OrderCommandParser().parse("{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"price\":30000.25,\"orderQty\":1}");
        assertThat(((OrderCommand.Place) c).order().price()).isEqualTo(new BigDecimal("30000.25"));
    }
}
