package dev.bitmaxconnect.source.record;

import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Where a record goes: its topic, and the source partition and offset Connect commits for it (see
 * {@link SourcePartitions}). Every source record is built here, with the string key and the value's own schema: a
 * Struct's, or a string's for the exchange's JSON text ({@code value.format=exchange-json}).
 */
public record RecordDestination(String topic, Map<String, ?> partition, Map<String, ?> offset) {

    /** {@code value}: a Struct, or the exchange's JSON text of the message. */
    public SourceRecord record(String key, Object value, long timestamp, RecordHeaders headers) {
        Schema schema = value instanceof Struct struct ? struct.schema() : Schema.STRING_SCHEMA;
        return new SourceRecord(partition, offset, topic, null, RecordSchemas.KEY_SCHEMA, key, schema, value,
                timestamp, headers.toConnectHeaders());
    }
}
