package dev.bitmaxconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.bitmaxconnect.testsupport.ApiExamples.decoded;
import static dev.bitmaxconnect.testsupport.ApiExamples.restData;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.client.stream.StreamMessageDecoder;
import dev.bitmaxconnect.source.config.DecimalHandlingMode;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.testsupport.ApiExamples;

class PrivateDataMapperTest {
    private static final Function<String, StreamMessage> DECODE = new StreamMessageDecoder()::decode;

    private final DecimalFormat decimals = new DecimalFormat(DecimalHandlingMode.STRING, 0);
    private final RecordSchemas schemas = new RecordSchemas(decimals);
    private final PrivateDataMapper mapper = new PrivateDataMapper(schemas, decimals);

    @Test
    void orderReportIsOneRecord() {
        StreamMessage.OrderReport report = decoded("channel-order.json", DECODE, StreamMessage.OrderReport.class);
        Struct order = mapper.order(report);
        order.validate();
        assertThat(order.getString("accountId")).isEqualTo("sample-futures-account-id");
        assertThat(order.getString("ac")).isEqualTo("FUTURES");
        assertThat(order.getInt64("seqNum")).isEqualTo(127L);
        assertThat(order.getString("orderId")).isEqualTo("a176010c4957U68469127074abcd1234");
        assertThat(order.getString("symbol")).isEqualTo("BTC-PERP");
        assertThat(order.getString("side")).isEqualTo("Buy");
        assertThat(order.getString("orderType")).isEqualTo("Limit");
        assertThat(order.getString("status")).isEqualTo("New");
        assertThat(order.getString("price")).isEqualTo("18000");
        assertThat(order.getString("orderQty")).isEqualTo("0.1");
        assertThat(order.get("lastExecTime")).isEqualTo(new Date(1606335352348L));
        assertThat(order.get("time")).isEqualTo(new Date(1606335351541L));
        assertThat(order.getString("feeAsset")).isEqualTo("USDT");
        assertThat(order.getString("execInst")).isEqualTo("NULL_VAL");
        assertThat(order.getString("source")).isEqualTo(PrivateDataMapper.SOURCE_STREAM);
    }

    @Test
    void restOrderStatesMapToTheSameSchema() {
        List<OrderInfo> open = restData("list-open-orders--response.json", OrderInfo.class, BitMaxJson.mapper());
        Struct order = mapper.order(open.get(0));
        order.validate();
        assertThat(order.schema()).isEqualTo(schemas.order());
        assertThat(order.getInt64("seqNum")).isEqualTo(14L);
        assertThat(order.getString("orderId")).isEqualTo("sample-order-id");
        assertThat(order.get("lastExecTime")).isEqualTo(new Date(1605677684479L));
        assertThat(order.getString("source")).isEqualTo(PrivateDataMapper.SOURCE_RECOVERY);

        List<OrderInfo> history = restData("list-current-history-orders--successful-response-status-200-code-0.json",
                OrderInfo.class, BitMaxJson.mapper());
        Struct filled = mapper.order(history.get(0));
        filled.validate();
        assertThat(filled.getString("status")).isEqualTo("Filled");
        assertThat(filled.getString("cumFee")).isEqualTo("0.058501");
        assertThat(filled.getInt64("seqNum")).isEqualTo(1041950L);
    }

    @Test
    void accountUpdateHasBalancesAndPositionsAsStructs() {
        StreamMessage.AccountUpdate update = decoded("channel-account-update.json", DECODE, StreamMessage.AccountUpdate.class);
        Struct account = mapper.accountUpdate(update);
        account.validate();
        assertThat(account.getString("accountId")).isEqualTo("sample-futures-account-id");
        assertThat(account.getInt64("seqNum")).isEqualTo(23128L);
        assertThat(account.getBoolean("snapshot")).isFalse();
        assertThat(account.getString("requestId")).isEqualTo("r177710001cbU3813942147C5kbFGOan");
        Struct usdt = account.<Struct>getArray("collaterals").get(0);
        assertThat(usdt.getString("asset")).isEqualTo("USDT");
        assertThat(usdt.getString("balance")).isEqualTo("1000000");
        Struct position = account.<Struct>getArray("positions").get(0);
        assertThat(position.getString("symbol")).isEqualTo("BTC-PERP");
        assertThat(position.getString("side")).isEqualTo("LONG");
        assertThat(position.getString("position")).isEqualTo("0.011");
        assertThat(position.getString("avgOpenPrice")).isEqualTo("35041.363636363");
        assertThat(position.getString("marginType")).isEqualTo("crossed");
        assertThat(position.getString("leverage")).isEqualTo("10");
    }

    @Test
    void accountSnapshotIsMarkedAsSnapshot() {
        StreamMessage.AccountSnapshot snapshot = decoded("ws-account-snapshot--futures-account-snapshot-response.json", DECODE,
                StreamMessage.AccountSnapshot.class);
        Struct account = mapper.accountSnapshot(snapshot);
        account.validate();
        assertThat(account.getBoolean("snapshot")).isTrue();
        assertThat(account.getInt64("seqNum")).isEqualTo(9982L);
        assertThat(account.getString("event")).isEqualTo("ClientRequest");
        assertThat(account.<Struct>getArray("collaterals")).extracting(c -> c.getString("asset")).containsExactly("ETH", "BTC", "USDT");
        assertThat(account.<Struct>getArray("positions").get(0).getString("side")).isEqualTo("NULL_VAL");
    }

    @Test
    void aNullPositionIsRefusedByName() {
        String update = ApiExamples.text("channel-account-update.json").replaceFirst("\"pos\": \\[", "\"pos\": [null, ");
        StreamMessage.AccountUpdate broken = (StreamMessage.AccountUpdate) new StreamMessageDecoder().decode(update);
        assertThatThrownBy(() -> mapper.accountUpdate(broken)).isInstanceOf(MessageMappingException.class)
                .hasMessageContaining("field 'pos'");
    }
}
