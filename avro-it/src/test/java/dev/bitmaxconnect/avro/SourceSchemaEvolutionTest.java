package dev.bitmaxconnect.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The source's Avro schemas of this build stay BACKWARD compatible with the previous release's, so that a consumer
 * upgraded to the new schemas still reads the records already in the topics (docs/source.md, "Schema evolution").
 * The registered schemas themselves are checked the same way by {@link AvroPipelineIT}.
 */
class SourceSchemaEvolutionTest {

    private static final Path CURRENT = Paths.get(System.getProperty("project.basedir", "."))
            .resolve("../connector-source/src/main/resources/avro").normalize();

    static final Iterable<String> TYPES = PreviousRelease.TYPES;

    @ParameterizedTest
    @FieldSource("TYPES")
    void currentSchemaReadsWhatThePreviousReleaseWrote(String type) throws IOException {
        Schema current = new Schema.Parser().parse(CURRENT.resolve(type + ".avsc").toFile());

        assertThat(PreviousRelease.backward(current, PreviousRelease.schema(type)).getResult().getIncompatibilities())
                .as("%s of this build against %s%s.avsc", type, PreviousRelease.SCHEMAS, type)
                .isEmpty();
    }

    @Test
    void noTypeOfThePreviousReleaseIsGone() throws IOException {
        try (Stream<Path> files = Files.list(CURRENT)) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".avsc", "")))
                    .containsAll(PreviousRelease.TYPES);
        }
    }

    @Test
    void aNewFieldWithoutADefaultIsNotBackwardCompatible() {
        Schema previous = PreviousRelease.schema("Trade");
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("Trade")
                .namespace(previous.getNamespace()).fields();
        previous.getFields().forEach(f -> fields.name(f.name()).type(f.schema()).noDefault());
        Schema withRequiredField = fields.name("venue").type().stringType().noDefault().endRecord();

        assertThat(PreviousRelease.isBackwardCompatible(withRequiredField, previous)).isFalse();
        assertThat(PreviousRelease.isBackwardCompatible(previous, previous)).isTrue();
    }
}
