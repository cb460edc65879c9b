package dev.bitmaxconnect.source.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/**
 * Fails when the README's source configuration reference differs from the ConfigDef. Regenerate with
 * {@code mvn -pl connector-source test -Dtest=SourceConfigReferenceTest -Dreadme.regenerate=true}.
 */
class SourceConfigReferenceTest {
    private static final Path README = Paths.get("..", "README.md");

    @Test
    void readmeBlockIsWhatTheConfigDefGenerates() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("readme.regenerate")) {
            readme = SourceConfigReference.withReference(readme, BitMaxSourceConfig.CONFIG_DEF);
            Files.writeString(README, readme, StandardCharsets.UTF_8);
        }
        assertThat(SourceConfigReference.currentBlock(readme))
                .as("README source configuration reference is stale; regenerate with -Dreadme.regenerate=true")
                .isEqualTo(SourceConfigReference.markdown(BitMaxSourceConfig.CONFIG_DEF).trim());
    }

    @Test
    void referenceListsEveryKeyWithItsGroup() {
        String markdown = SourceConfigReference.markdown(BitMaxSourceConfig.CONFIG_DEF);
        for (String key : BitMaxSourceConfig.CONFIG_DEF.names()) {
            assertThat(markdown).contains("| `" + key + "` |");
        }
        assertThat(markdown).contains("#### Exchange").contains("#### Queue");
        assertThat(markdown.indexOf("#### Exchange")).isLessThan(markdown.indexOf("#### Streams"));
        assertThat(markdown).contains("| `bitmax.api.secret` | password | null |");
    }
}
