package dev.bitmaxconnect.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiExamplesTest {

    private static final String CONTRACTS = "futures-contracts-info--response-futures-contracts-info.json";

    @Test
    void readsAnExampleOfTheRepository() {
        assertThat(ApiExamples.json(CONTRACTS).path("data").get(0).path("symbol").asText()).isEqualTo("BTC-PERP");
    }

    @Test
    void restDataIsAListEvenForOneObject() {
        List<JsonNode> data = ApiExamples.restData(CONTRACTS, JsonNode.class, new ObjectMapper());
        assertThat(data).isNotEmpty().allSatisfy(item -> assertThat(item.has("symbol")).isTrue());
    }

    @Test
    void decodesWithTheGivenDecoder() {
        assertThat(ApiExamples.decoded(CONTRACTS, String::length, Integer.class)).isPositive();
    }

    @Test
    void aMissingExampleIsNamedInTheError() {
        assertThatThrownBy(() -> ApiExamples.text("no-such-example.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-example.json").hasMessageContaining("api-examples");
    }
}
