package dev.bitmaxconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    private static ConfigDef def() {
        ConfigDef def = new ConfigDef();
        def.define("b.second", Type.INT, 5, ConfigDef.Range.between(1, 10), Importance.LOW, "Second | of <b>.",
                "B", 2, Width.SHORT, "b2");
        def.define("a.only", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Only key of A.", "A", 1,
                Width.SHORT, "a1");
        def.define("b.first", Type.STRING, "", Importance.MEDIUM, "First of B.", "B", 1, Width.SHORT, "b1");
        def.define("b.third", Type.PASSWORD, "s3cret", Importance.MEDIUM, "Third of B.", "B", 3, Width.SHORT, "b3");
        def.define("b.fourth", Type.LIST, null, Importance.LOW, "Fourth of B.", "B", 4, Width.SHORT, "b4");
        return def;
    }

    @Test
    void oneTablePerGroupInTheOrderOfGroupsAndKeys() {
        String markdown = new ConfigReference("x", def()).markdown();
        assertThat(markdown).startsWith("## B").contains("\n## A\n");
        assertThat(markdown.indexOf("`b.first`")).isLessThan(markdown.indexOf("`b.second`"));
        assertThat(markdown.indexOf("`b.second`")).isLessThan(markdown.indexOf("`b.third`"));
        assertThat(markdown.indexOf("`b.fourth`")).isLessThan(markdown.indexOf("## A"));
        assertThat(markdown).contains("| `b.second` | int | `5` | [1,...,10] | low | Second \\| of &lt;b&gt;. |");
    }

    @Test
    void requiredEmptyNullAndSecretDefaultsAreSpelledOut() {
        String markdown = new ConfigReference("x", def()).markdown();
        assertThat(markdown).contains("| `a.only` | string | required |")
                .contains("| `b.first` | string | \"\" |")
                .contains("| `b.third` | password | `[hidden]` |")
                .contains("| `b.fourth` | list | null |")
                .doesNotContain("s3cret");
    }

    @Test
    void rewriteReplacesOnlyTheNamedBlock() {
        ConfigReference reference = new ConfigReference("x", def());
        String readme = "intro\n<!-- x-config:start -->\nstale\n<!-- x-config:end -->\n"
                + "<!-- y-config:start -->\nother\n<!-- y-config:end -->\n";
        String rewritten = reference.rewrite(readme);
        assertThat(rewritten).startsWith("intro\n<!-- x-config:start -->\n## B")
                .contains("\n<!-- x-config:end -->\n<!-- y-config:start -->\nother\n");
        assertThat(reference.currentBlock(rewritten)).isEqualTo(reference.markdown());
        assertThat(reference.currentBlock(readme)).isEqualTo("stale");
    }

    @Test
    void aReadmeWithoutTheMarkersIsRefused() {
        assertThatThrownBy(() -> new ConfigReference("x", def()).currentBlock("no markers"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<!-- x-config:start -->");
    }
}
