package dev.bitmaxconnect.common.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/**
 * A connector's {@link ConfigDef} as the Markdown configuration reference of the README: one table per group, in
 * the order of the groups and of the keys within them. The README holds it between the markers
 * {@code <!-- <name>-config:start -->} and {@code <!-- <name>-config:end -->}.
 */
public final class ConfigReference {
    private final ConfigDef def;
    private final String startMarker;
    private final String endMarker;

    /** The reference of {@code def} in the README block named {@code name}, e.g. {@code source}. */
    public ConfigReference(String name, ConfigDef def) {
        this.def = def;
        this.startMarker = "<!-- " + name + "-config:start -->";
        this.endMarker = "<!-- " + name + "-config:end -->";
    }

    public String markdown() {
        List<ConfigKey> keys = new ArrayList<>(def.configKeys().values());
        List<String> groups = def.groups();
        keys.sort(Comparator.comparingInt((ConfigKey k) -> groups.indexOf(k.group))
                .thenComparingInt(k -> k.orderInGroup));
        StringBuilder out = new StringBuilder();
        String group = null;
        for (ConfigKey key : keys) {
            if (!key.group.equals(group)) {
                group = key.group;
                out.append('\n').append("#### ").append(group).append("\n\n");
                out.append("| Key | Type | Default | Valid values | Importance | Description |\n");
                out.append("|---|---|---|---|---|---|\n");
            }
            out.append("| `").append(key.name).append("` | ")
                    .append(key.type.name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(defaultText(key)).append(" | ")
                    .append(key.validator == null ? "" : cell(key.validator.toString())).append(" | ")
                    .append(key.importance.name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(cell(key.documentation)).append(" |\n");
        }
        return out.toString().trim();
    }

    private static String defaultText(ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        if (key.defaultValue == null) {
            return "null";
        }
        // A password default renders as [hidden]: ConfigDef prints it through Password.toString().
        String text = ConfigDef.convertToString(key.defaultValue, key.type);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    /** Escapes what would break a table row, and angle brackets that Markdown would take for HTML. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The README with its block replaced by the current reference. */
    public String rewrite(String readme) {
        int start = blockStart(readme);
        return readme.substring(0, start) + "\n" + markdown() + "\n" + readme.substring(readme.indexOf(endMarker));
    }

    /** The block of a README as it stands, without the markers. */
    public String currentBlock(String readme) {
        return readme.substring(blockStart(readme), readme.indexOf(endMarker)).trim();
    }

    private int blockStart(String readme) {
        int start = readme.indexOf(startMarker);
        int end = readme.indexOf(endMarker);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("README lacks the markers " + startMarker + " ... " + endMarker);
        }
        return start + startMarker.length();
    }

    /** Rewrites the block of the README file at {@code readme}. */
    public void writeTo(Path readme) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Files.writeString(readme, rewrite(text), StandardCharsets.UTF_8);
    }
}
