package dev.bitmaxconnect.simulator.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.simulator.engine.Contract;
import dev.bitmaxconnect.simulator.engine.Depth;
import dev.bitmaxconnect.simulator.engine.PriceLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamMessagesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final Contract btc = Contract.standard().get(0);

    @Test
    void depthWritesPricesAndQuantitiesAsTextInTheReferenceOrder() {
        String text = StreamMessages.depth("depth", new Depth(btc, 7, 1000, List.of(new PriceLevel(120001, 0)),
                List.of(new PriceLevel(120000, 25))));
        assertThat(text).isEqualTo("{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1000,\"seqnum\":7,"
                + "\"asks\":[[\"30000.25\",\"0\"]],\"bids\":[[\"30000\",\"0.0025\"]]}}");
    }

    @Test
    void anEmptySideOfTheBboIsAnEmptyArray() throws Exception {
        JsonNode bbo = JSON.readTree(StreamMessages.bbo(btc, null, new PriceLevel(4, 1), 5));
        assertThat(bbo.path("data").path("bid").isEmpty()).isTrue();
        assertThat(bbo.path("data").path("ask").toString()).isEqualTo("[\"1\",\"0.0001\"]");
    }

    @Test
    void textFromClientsIsEscaped() throws Exception {
        String id = "quote\" backslash\\ line\n tab\t bell\u0007";
        JsonNode error = JSON.readTree(StreamMessages.error(id, 100005, "INVALID_WS_REQUEST_DATA", "Unknown op: '"
                + id + "'"));
        assertThat(error.path("id").asText()).isEqualTo(id);
        assertThat(error.path("info").asText()).isEqualTo("Unknown op: '" + id + "'");
    }
}
