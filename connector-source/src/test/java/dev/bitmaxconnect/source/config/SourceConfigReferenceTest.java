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
 * Fails when the source configuration reference (docs/configuration-source.md) differs from the ConfigDef. Regenerate with
 * {@code mvn -pl connector-source test -Dtest=SourceConfigReferenceTest -Dreadme.regenerate=true}.
 */
class SourceConfigReferenceTest {
    private static final Path PAGE = Paths.get("..", "docs", "configuration-source.md");
    private static final ConfigReference REFERENCE = new ConfigReference("source", BitMaxSourceConfig.CONFIG_DEF);

    @Test
    void pageBlockIsWhatTheConfigDefGenerates() throws IOException {
        if (Boolean.getBoolean("readme.regenerate")) {
            REFERENCE.writeTo(PAGE);
        }
        assertThat(REFERENCE.currentBlock(Files.readString(PAGE, StandardCharsets.UTF_8)))
                .as("docs/configuration-source.md is stale; regenerate with -Dreadme.regenerate=true")
                .isEqualTo(REFERENCE.markdown());
    }

    @Test
    void referenceListsEveryKeyWithItsGroup() {
        String markdown = REFERENCE.markdown();
        for (String key : BitMaxSourceConfig.CONFIG_DEF.names()) {
            assertThat(markdown).contains("| `" + key + "` |");
        }
        assertThat(markdown).contains("## Exchange").contains("## Queue");
        assertThat(markdown.indexOf("## Exchange")).isLessThan(markdown.indexOf("## Streams"));
        assertThat(markdown).contains("| `bitmax.api.secret` | password | null |");
    }
}
