package dev.bitmaxconnect.source.record;

import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Timestamp;

/** Translates a Connect schema into the Avro schema a consumer would generate classes from. */
final class ConnectAvroSchemas {

    private ConnectAvroSchemas() {
    }

    static org.apache.avro.Schema toAvro(Schema connect) {
        return toAvro(connect, new HashMap<>());
    }

    private static org.apache.avro.Schema toAvro(Schema connect, Map<String, org.apache.avro.Schema> defined) {
        org.apache.avro.Schema avro = nonNull(connect, defined);
        if (connect.isOptional()) {
            return org.apache.avro.Schema.createUnion(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL), avro);
        }
        return avro;
    }

    private static org.apache.avro.Schema nonNull(Schema connect, Map<String, org.apache.avro.Schema> defined) {
        if (Timestamp.LOGICAL_NAME.equals(connect.name())) {
            return LogicalTypes.timestampMillis().addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG));
        }
        if (Decimal.LOGICAL_NAME.equals(connect.name())) {
            int scale = Integer.parseInt(connect.parameters().get(Decimal.SCALE_FIELD));
            return LogicalTypes.decimal(38, scale).addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BYTES));
        }
        switch (connect.type()) {
            case STRING:
                return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING);
            case INT64:
                return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG);
            case INT32:
                return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT);
            case BOOLEAN:
                return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BOOLEAN);
            case FLOAT64:
                return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.DOUBLE);
            case ARRAY:
                return org.apache.avro.Schema.createArray(toAvro(connect.valueSchema(), defined));
            case STRUCT:
                String full = connect.name();
                int dot = full.lastIndexOf('.');
                if (defined.containsKey(full)) {
                    return defined.get(full);
                }
                org.apache.avro.Schema record = org.apache.avro.Schema.createRecord(full.substring(dot + 1),
                        connect.doc(), full.substring(0, dot), false);
                defined.put(full, record);
                List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
                for (Field field : connect.fields()) {
                    org.apache.avro.Schema fieldSchema = toAvro(field.schema(), defined);
                    Object defaultValue = field.schema().isOptional() ? JsonProperties.NULL_VALUE : null;
                    fields.add(new org.apache.avro.Schema.Field(field.name(), fieldSchema, field.schema().doc(), defaultValue));
                }
                record.setFields(fields);
                return record;
            default:
                throw new IllegalArgumentException("no Avro mapping for " + connect.type());
        }
    }
}
