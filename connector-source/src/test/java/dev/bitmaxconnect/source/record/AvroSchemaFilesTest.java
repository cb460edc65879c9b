package dev.bitmaxconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.bitmaxconnect.source.config.DecimalHandlingMode;

/**
 * Checks every {@code src/main/resources/avro/*.avsc} against the Connect schema it describes (decimal mode
 * {@code string}, the default). Run with {@code -Davro.regenerate=true} to rewrite the files.
 */
class AvroSchemaFilesTest {
    private static final Path AVRO_DIR = Paths.get("src/main/resources/avro");
    private static final RecordSchemas SCHEMAS = new RecordSchemas(new DecimalFormat(DecimalHandlingMode.STRING, 0));

    static Stream<Schema> valueSchemas() {
        return SCHEMAS.valueSchemas().stream();
    }

    static Path fileOf(Schema schema) {
        return AVRO_DIR.resolve(schema.name().substring(RecordSchemas.NAMESPACE.length()) + ".avsc");
    }

    @ParameterizedTest
    @MethodSource("valueSchemas")
    void avroFileMatchesConnectSchema(Schema connect) throws IOException {
        org.apache.avro.Schema expected = ConnectAvroSchemas.toAvro(connect);
        Path file = fileOf(connect);
        if (Boolean.getBoolean("avro.regenerate")) {
            Files.createDirectories(AVRO_DIR);
            Files.writeString(file, expected.toString(true) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(file).as("Avro schema file for %s (regenerate with -Davro.regenerate=true)", connect.name()).exists();
        org.apache.avro.Schema actual = new org.apache.avro.Schema.Parser().parse(file.toFile());
        assertThat(actual.getFullName()).isEqualTo(connect.name());
        assertThat(actual).as("%s differs from the Connect schema %s", file, connect.name()).isEqualTo(expected);
        assertThat(actual.toString(true)).isEqualTo(expected.toString(true));
    }

    @Test
    void everyAvroFileBelongsToARecordType() throws IOException {
        try (Stream<Path> files = Files.list(AVRO_DIR)) {
            assertThat(files.map(Path::getFileName).map(Path::toString))
                    .containsExactlyInAnyOrderElementsOf(valueSchemas().map(s -> fileOf(s).getFileName().toString()).toList());
        }
    }
}
