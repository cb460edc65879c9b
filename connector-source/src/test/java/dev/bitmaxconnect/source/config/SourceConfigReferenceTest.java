package dev.bitmaxconnect.source.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.common.config.ConfigReference;

/**
 * Fails when the README's source configuration reference differs from the ConfigDef. Regenerate with
 * {@code mvn -pl connector-source test -Dtest=SourceConfigReferenceTest -Dreadme.regenerate=true}.
 */
class SourceConfigReferenceTest {
    private static final Path README = Paths.get("..", "README.md");
    private static final ConfigReference REFERENCE = new ConfigReference("source", BitMaxSourceConfig.CONFIG_DEF);

    @Test
    void readmeBlockIsWhatTheConfigDefGenerates() throws IOException {
        if (Boolean.getBoolean("readme.regenerate")) {
            REFERENCE.writeTo(README);
        }
        assertThat(REFERENCE.currentBlock(Files.readString(README, StandardCharsets.UTF_8)))
                .as("README source configuration reference is stale; regenerate with -Dreadme.regenerate=true")
                .isEqualTo(REFERENCE.markdown());
    }

    @Test
    void referenceListsEveryKeyWithItsGroup() {
        String markdown = REFERENCE.markdown();
        for (String key : BitMaxSourceConfig.CONFIG_DEF.names()) {
            assertThat(markdown).contains("| `" + key + "` |");
        }
        assertThat(markdown).contains("#### Exchange").contains("#### Queue");
        assertThat(markdown.indexOf("#### Exchange")).isLessThan(markdown.indexOf("#### Streams"));
        assertThat(markdown).contains("| `bitmax.api.secret` | password | null |");
    }
}
