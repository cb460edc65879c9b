package dev.bitmaxconnect.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link and {@code #anchor} of the README, the pages of {@code docs/} and the modules' own pages
 * leads somewhere, as GitHub resolves it.
 */
class DocumentationLinksTest {

    private static final Path ROOT = PluginLocations.moduleDirectory().getParent();

    @Test
    void everyRelativeLinkOfTheDocumentationResolves() throws IOException {
        List<Path> pages = documentationPages();
        assertThat(pages).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/sink.md"),
                ROOT.resolve("docs/examples/order-lifecycle.md"),
                ROOT.resolve("bitmax-client/README.md"), ROOT.resolve("bitmax-simulator/README.md"));

        assertThat(new MarkdownLinks(ROOT).broken(pages)).as("links that lead nowhere").isEmpty();
    }

    @Test
    void aMissingFileAMissingAnchorAndAPathOutsideTheRepositoryAreReported(@TempDir Path repository) throws IOException {
        Files.createDirectories(repository.resolve("docs"));
        Files.writeString(repository.resolve("docs/page.md"), "# A page\n\n## The `key` setting, again\n\n## Twice\n\n## Twice\n");
        Files.writeString(repository.resolve("README.md"), String.join("\n",
                "[fine](docs/page.md#the-key-setting-again) [second](docs/page.md#twice-1) [folder](docs)",
                "[gone](docs/gone.md) [no anchor](docs/page.md#nowhere) [up](../elsewhere.md) [web](https://example.com/x)",
                "```", "[in a code block](docs/gone.md)", "```", "`[in a span](docs/gone.md)` [self](#a-readme)",
                "# A README", ""));

        assertThat(new MarkdownLinks(repository).broken(List.of(repository.resolve("README.md")))).containsExactly(
                "README.md: docs/gone.md (no such file)",
                "README.md: docs/page.md#nowhere (no such anchor)",
                "README.md: ../elsewhere.md (outside the repository)");
    }

    @Test
    void headingsGetGitHubsAnchors() {
        assertThat(MarkdownLinks.slug("Operating it: metrics and troubleshooting"))
                .isEqualTo("operating-it-metrics-and-troubleshooting");
        assertThat(MarkdownLinks.slug("Exactly once, as tested")).isEqualTo("exactly-once-as-tested");
        assertThat(MarkdownLinks.slug("`bitmax.gap` and [links](x.md)")).isEqualTo("bitmaxgap-and-links");
    }

    /** The README, every page of docs/ and its folders (docs/examples/), and the Markdown pages at the top of each module. */
    private static List<Path> documentationPages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : (Iterable<Path>) modules.filter(Files::isDirectory).sorted()::iterator) {
                if (module.getFileName().toString().startsWith(".") || module.endsWith("docs")) {
                    continue;
                }
                try (Stream<Path> files = Files.list(module)) {
                    files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
                }
            }
        }
        return pages;
    }
}
