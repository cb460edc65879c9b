package dev.bitmaxconnect.avro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The source's value schemas as the previous release shipped them ({@code connector-source/src/main/resources/avro}
 * at commit 694f795, checked in under {@code src/test/resources/schemas-694f795}), and the rule new schemas keep
 * with them: BACKWARD, i.e. a consumer on the new schema reads every record written with the old one.
 */
final class PreviousRelease {

    static final String SCHEMAS = "schemas-694f795/";

    /** The value schema types of the previous release, one {@code <type>.avsc} each. */
    static final List<String> TYPES = List.of("AccountUpdate", "Bar", "Bbo", "CollateralAsset", "CollateralPrice",
            "Contract", "ContractPricing", "DepthUpdate", "Order", "PricingData", "Trade");

    private PreviousRelease() {
    }

    static Schema schema(String type) {
        try (InputStream in = PreviousRelease.class.getClassLoader().getResourceAsStream(SCHEMAS + type + ".avsc")) {
            if (in == null) {
                throw new IllegalArgumentException("No previous-release schema for type " + type);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code current} reads what {@code previous} wrote, with Avro's own resolution rules. */
    static SchemaPairCompatibility backward(Schema current, Schema previous) {
        return SchemaCompatibility.checkReaderWriterCompatibility(current, previous);
    }

    static boolean isBackwardCompatible(Schema current, Schema previous) {
        return backward(current, previous).getType() == SchemaCompatibilityType.COMPATIBLE;
    }
}
