package dev.bitmaxconnect.source.stream;

import static dev.bitmaxconnect.testsupport.ApiExamples.decoded;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.stream.StreamMessage;
import dev.bitmaxconnect.client.stream.StreamMessageDecoder;

class PrivateEventTest {

    @Test
    void aStreamedOrderStateIsAtItsLastExecutionTime() {
        StreamMessage.OrderReport report = decoded("channel-order.json", new StreamMessageDecoder()::decode,
                StreamMessage.OrderReport.class);
        PrivateEvent event = PrivateEvent.order(report);
        assertThat(event.kind()).isEqualTo(PrivateEvent.Kind.ORDER);
        assertThat(event.id()).isEqualTo(report.orderId());
        assertThat(event.sn()).isEqualTo(report.sn());
        assertThat(event.state()).isEqualTo(PrivateEvent.orderState(report.status(), report.cumFilledQty()));
        assertThat(event.time()).isEqualTo(report.lastExecTime());
        assertThat(event.fromStream()).isTrue();
    }

    @Test
    void aRecoveredOrderStateWithoutATimeCountsAsTheNewest() throws JsonProcessingException {
        assertThat(PrivateEvent.order(order("\"lastExecTime\":7,\"time\":3")).time()).isEqualTo(7L);
        assertThat(PrivateEvent.order(order("\"time\":3")).time()).isEqualTo(3L);
        PrivateEvent timeless = PrivateEvent.order(order("\"status\":\"Filled\""));
        assertThat(timeless.time()).isEqualTo(Long.MAX_VALUE);
        assertThat(timeless.state()).isEqualTo("Filled|0");
        assertThat(timeless.fromStream()).isFalse();
    }

    private static OrderInfo order(String fields) throws JsonProcessingException {
        return BitMaxJson.mapper().readValue("{\"orderId\":\"o1\",\"seqNum\":5," + fields + "}", OrderInfo.class);
    }
}
