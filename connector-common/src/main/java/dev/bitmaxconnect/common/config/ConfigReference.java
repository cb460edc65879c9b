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
 * A connector's {@link ConfigDef} as its Markdown configuration reference: one section and table per group, in
 * the order of the groups and of the keys within them. Its page ({@code docs/configuration-<name>.md}) holds it
 * between the markers {@code <!-- <name>-config:start -->} and {@code <!-- <name>-config:end -->}.
 */
public final class ConfigReference {
    private final ConfigDef def;
    private final String startMarker;
    private final String endMarker;

    /** The reference of {@code def} in the page block named {@code name}, e.g. {@code source}. */
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
                out.append('\n').append("## ").append(group).append("\n\n");
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

    /** The page with its block replaced by the current reference. */
    public String rewrite(String page) {
        int start = blockStart(page);
        return page.substring(0, start) + "\n" + markdown() + "\n" + page.substring(page.indexOf(endMarker));
    }

    /** The block of a page as it stands, without the markers. */
    public String currentBlock(String page) {
        return page.substring(blockStart(page), page.indexOf(endMarker)).trim();
    }

    private int blockStart(String page) {
        int start = page.indexOf(startMarker);
        int end = page.indexOf(endMarker);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("The page lacks the markers " + startMarker + " ... " + endMarker);
        }
        return start + startMarker.length();
    }

    /** Rewrites the block of the page file at {@code page}. */
    public void writeTo(Path page) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        Files.writeString(page, rewrite(text), StandardCharsets.UTF_8);
    }
}
