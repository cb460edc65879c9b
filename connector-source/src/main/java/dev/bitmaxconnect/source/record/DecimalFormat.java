package dev.bitmaxconnect.source.record;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

import dev.bitmaxconnect.source.config.DecimalHandlingMode;

/** Writes exchange decimals as the configured {@link DecimalHandlingMode} asks: their schema and their value. */
public final class DecimalFormat {
    private final DecimalHandlingMode mode;
    private final int scale;

    public DecimalFormat(DecimalHandlingMode mode, int scale) {
        this.mode = mode;
        this.scale = scale;
    }

    public DecimalHandlingMode mode() {
        return mode;
    }

    /** An optional field schema for a decimal amount, with the given documentation. */
    public Schema schema(String doc) {
        SchemaBuilder builder;
        switch (mode) {
            case DOUBLE:
                builder = SchemaBuilder.float64();
                break;
            case PRECISE:
                builder = Decimal.builder(scale);
                break;
            default:
                builder = SchemaBuilder.string();
        }
        return builder.optional().doc(doc).build();
    }

    /** The record value of an amount; {@code null} stays {@code null}. */
    public Object value(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        switch (mode) {
            case DOUBLE:
                return amount.doubleValue();
            case PRECISE:
                return amount.setScale(scale, RoundingMode.HALF_EVEN);
            default:
                return amount.toPlainString();
        }
    }
}
