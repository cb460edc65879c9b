package dev.bitmaxconnect.client.model;

import static dev.bitmaxconnect.client.testing.Examples.SAME_VALUE;
import static dev.bitmaxconnect.client.testing.Examples.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.testing.Examples;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every REST response example of the reference decodes into its model and re-encodes to the same JSON. */
class ExampleResponsesTest {
    private static final ObjectMapper MAPPER = BitMaxJson.mapper();
    private static final TypeFactory TF = MAPPER.getTypeFactory();

    static JavaType envelope(Class<?> data) {
        return TF.constructParametricType(ApiResponse.class, data);
    }

    static JavaType envelopeOfList(Class<?> item) {
        return TF.constructParametricType(ApiResponse.class, TF.constructCollectionType(List.class, item));
    }

    static final Map<String, JavaType> RESPONSES = Map.ofEntries(
        Map.entry("account-info--account-info-sample-response.json", envelope(AccountInfo.class)),
        Map.entry("cancel-all-open-orders--response.json", envelope(Void.class)),
        Map.entry("cancel-batch-orders--cancel-batch-orders-successful-ack-response-status-200-code-0.json",
            envelope(BatchOrderResult.class)),
        Map.entry("cancel-order--response.json", envelope(OrderResult.class)),
        Map.entry("change-contract-leverage--response.json", envelope(LeverageChange.class)),
        Map.entry("change-margin-for-isolated-positions--successful-response.json", envelope(Void.class)),
        Map.entry("change-margin-type--response.json", envelope(Void.class)),
        Map.entry("deposit-to-the-futures-account--successful-response.json", envelope(Void.class)),
        Map.entry("withdraw-from-the-futures-account--successful-response.json", envelope(Void.class)),
        Map.entry("free-margin--response.json", envelope(FreeMargin.class)),
        Map.entry("futures-collateral-asset-info--response-futures-collateral-asset-info.json",
            envelopeOfList(CollateralAsset.class)),
        Map.entry("futures-contracts-info--response-futures-contracts-info.json", envelopeOfList(FuturesContract.class)),
        Map.entry("futures-pricing-data--requesting-pricing-data-for-all-futures-contract.json",
            envelope(FuturesPricing.class)),
        Map.entry("list-current-history-orders--successful-response-status-200-code-0.json", envelopeOfList(OrderInfo.class)),
        Map.entry("list-open-orders--response.json", envelopeOfList(OrderInfo.class)),
        Map.entry("new-order--response.json", envelope(OrderResult.class)),
        Map.entry("place-batch-orders--place-batch-orders-successful-ack-response-status-200-code-0.json",
            envelope(BatchOrderResult.class)),
        Map.entry("position--response.json", envelope(FuturesPosition.class)),
        Map.entry("query-order-by-id--successful-response-status-200-code-0.json", envelope(OrderInfo.class)),
        Map.entry("query-order-by-id--successful-response-status-200-code-0-2.json", envelopeOfList(OrderInfo.class)));

    static Stream<Arguments> responses() {
        return RESPONSES.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void decodesAndReencodesEveryField(String file, JavaType type) throws Exception {
        JsonNode original = Examples.json(file);
        ApiResponse<?> decoded = MAPPER.readValue(Examples.text(file), type);
        assertThat(decoded.code()).isZero();
        if (original.has("data")) {
            assertThat(decoded.data()).isNotNull();
            assertThat(decoded.data().getClass()).satisfiesAnyOf(
                c -> assertThat(type.containedType(0).getRawClass()).isAssignableFrom(c));
        }
        assertSameJson(MAPPER.valueToTree(decoded), original, SAME_VALUE);
    }

    @Test
    void everyExampleIsCoveredByATest() {
        List<String> uncovered = Examples.names().stream()
            .filter(n -> !RESPONSES.containsKey(n))
            .filter(n -> !ExampleCatalog.STREAM_MESSAGES.contains(n))
            .filter(n -> !ExampleCatalog.REQUESTS.contains(n))
            .toList();
        assertThat(uncovered).isEmpty();
        assertThat(Examples.names()).hasSizeGreaterThanOrEqualTo(57);
    }

    @Test
    void theComparisonSeesALostField() throws Exception {
        JsonNode original = Examples.json("new-order--response.json");
        JsonNode reencoded = MAPPER.valueToTree(MAPPER.readValue(Examples.text("new-order--response.json"),
            envelope(OrderResult.class)));
        ((ObjectNode) reencoded.get("data").get("order")).remove("stopBy");
        assertThat(reencoded.equals(SAME_VALUE, original)).isFalse();
        assertThat(original.equals(SAME_VALUE, Examples.json("new-order--response.json"))).isTrue();
    }

    @Test
    void typedFieldsCarryTheExampleValues() throws Exception {
        ApiResponse<OrderResult> placed = MAPPER.readValue(Examples.text("new-order--response.json"),
            TF.constructParametricType(ApiResponse.class, OrderResult.class));
        OrderInfo order = placed.data().order();
        assertThat(order.price()).isEqualByComparingTo("9500");
        assertThat(order.orderQty()).isEqualTo(new BigDecimal("0.1"));
        assertThat(order.side().is(Side.Known.BUY)).isTrue();
        assertThat(order.orderType().is(OrderType.Known.LIMIT)).isTrue();
        assertThat(order.status().is(OrderStatus.Known.NEW)).isTrue();
        assertThat(order.seqNum()).isEqualTo(14L);
        assertThat(placed.data().meta().respInst().is(RespInst.Known.ACCEPT)).isTrue();

        ApiResponse<AccountInfo> info = MAPPER.readValue(Examples.text("account-info--account-info-sample-response.json"),
            TF.constructParametricType(ApiResponse.class, AccountInfo.class));
        assertThat(info.data().accountGroup()).isZero();
        assertThat(info.data().userUID()).isEqualTo("U0866943712");

        ApiResponse<FuturesPosition> pos = MAPPER.readValue(Examples.text("position--response.json"),
            TF.constructParametricType(ApiResponse.class, FuturesPosition.class));
        ContractPosition btc = pos.data().contracts().get(0);
        assertThat(btc.marginType().is(MarginType.Known.CROSSED)).isTrue(); // "cross" in the example
        assertThat(btc.side().is(PositionSide.Known.LONG)).isTrue();
        assertThat(btc.markPrice()).isEqualByComparingTo("-1");
    }
}
