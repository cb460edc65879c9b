package dev.bitmaxconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.source.config.DecimalHandlingMode;

/** The shape consumers and committed offsets depend on: topic, partition, offset, key, value schema, headers. */
class RecordDestinationTest {
    private final RecordSchemas schemas = new RecordSchemas(new DecimalFormat(DecimalHandlingMode.STRING, 0));
    private final RecordDestination destination = new RecordDestination("bitmax.trades",
            SourcePartitions.market("trades", "BTC-PERP"), SourcePartitions.sequenceOffset(SourcePartitions.SEQNUM, 9, 1_009));

    @Test
    void aRecordCarriesItsDestinationTheStringKeyAndTheValuesOwnSchema() {
        Struct value = new Struct(schemas.collateralAsset());
        SourceRecord record = destination.record("BTC-PERP", value, 1_009L, RecordHeaders.of("trades"));
        assertThat(record.topic()).isEqualTo("bitmax.trades");
        assertThat(record.kafkaPartition()).isNull();
        assertThat(record.sourcePartition()).isEqualTo(Map.of("channel", "trades", "symbol", "BTC-PERP"));
        assertThat(record.sourceOffset()).isEqualTo(Map.of("seqnum", 9L, "time", 1_009L));
        assertThat(record.keySchema()).isSameAs(RecordSchemas.KEY_SCHEMA);
        assertThat(record.key()).isEqualTo("BTC-PERP");
        assertThat(record.valueSchema()).isSameAs(schemas.collateralAsset());
        assertThat(record.value()).isSameAs(value);
        assertThat(record.timestamp()).isEqualTo(1_009L);
    }

    @Test
    void onlyTheHeadersWithAValueAreWrittenAndTheGapMarkerOnlyWhenTrue() {
        assertThat(headers(RecordHeaders.of("bbo"))).containsExactly(RecordHeaders.CHANNEL + "=bbo");
        assertThat(headers(RecordHeaders.of("trades").withSequence(9).withGap(false)))
                .containsExactly(RecordHeaders.CHANNEL + "=trades", RecordHeaders.SEQUENCE + "=9");
        assertThat(headers(RecordHeaders.of("depth").withSequence(21).withGap(true))).containsExactly(
                RecordHeaders.CHANNEL + "=depth", RecordHeaders.SEQUENCE + "=21", RecordHeaders.GAP + "=true");
        assertThat(headers(RecordHeaders.of("futures-order").withSequence(127).withOrigin("stream"))).containsExactly(
                RecordHeaders.CHANNEL + "=futures-order", RecordHeaders.SEQUENCE + "=127", RecordHeaders.ORIGIN + "=stream");
    }

    private List<String> headers(RecordHeaders headers) {
        SourceRecord record = destination.record("k", new Struct(schemas.collateralAsset()), 0L, headers);
        List<String> written = new ArrayList<>();
        for (Header header : record.headers()) {
            written.add(header.key() + "=" + header.value());
        }
        return written;
    }
}
