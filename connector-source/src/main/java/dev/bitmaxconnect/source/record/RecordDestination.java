package dev.bitmaxconnect.source.record;

import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Where a record goes: its topic, and the source partition and offset Connect commits for it (see
 * {@link SourcePartitions}). Every source record is built here, with the string key and the value's own schema.
 */
public record RecordDestination(String topic, Map<String, ?> partition, Map<String, ?> offset) {

    public SourceRecord record(String key, Struct value, long timestamp, RecordHeaders headers) {
        return new SourceRecord(partition, offset, topic, null, RecordSchemas.KEY_SCHEMA, key, value.schema(), value,
                timestamp, headers.toConnectHeaders());
    }
}
