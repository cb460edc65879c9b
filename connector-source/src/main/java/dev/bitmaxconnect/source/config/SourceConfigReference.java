package dev.bitmaxconnect.source.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;

/**
 * Renders the source connector's {@link BitMaxSourceConfig#CONFIG_DEF} as the Markdown configuration reference of
 * the README, between {@link #START_MARKER} and {@link #END_MARKER}. Run {@link #main} with the README path to
 * rewrite that block.
 */
public final class SourceConfigReference {
    public static final String START_MARKER = "<!-- source-config:start -->";
    public static final String END_MARKER = "<!-- source-config:end -->";

    private SourceConfigReference() {
    }

    public static String markdown(ConfigDef def) {
        List<ConfigKey> keys = new ArrayList<>(def.configKeys().values());
        List<String> groups = def.groups();
        keys.sort(Comparator.comparingInt((ConfigKey k) -> groups.indexOf(k.group)).thenComparingInt(k -> k.orderInGroup));
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
        return out.toString();
    }

    private static String defaultText(ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        if (key.defaultValue == null) {
            return "null";
        }
        String text = ConfigDef.convertToString(key.defaultValue, key.type);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The README with its generated block replaced by the current reference. */
    public static String withReference(String readme, ConfigDef def) {
        int start = readme.indexOf(START_MARKER);
        int end = readme.indexOf(END_MARKER);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("README lacks the markers " + START_MARKER + " ... " + END_MARKER);
        }
        return readme.substring(0, start + START_MARKER.length()) + "\n" + markdown(def).trim() + "\n"
                + readme.substring(end);
    }

    /** The generated block of a README as it stands, without the markers. */
    public static String currentBlock(String readme) {
        int start = readme.indexOf(START_MARKER);
        int end = readme.indexOf(END_MARKER);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("README lacks the markers " + START_MARKER + " ... " + END_MARKER);
        }
        return readme.substring(start + START_MARKER.length(), end).trim();
    }

    /** Rewrites the generated block of the README at {@code args[0]} (default {@code README.md}). */
    public static void main(String[] args) throws IOException {
        Path readme = Paths.get(args.length > 0 ? args[0] : "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Files.writeString(readme, withReference(text, BitMaxSourceConfig.CONFIG_DEF), StandardCharsets.UTF_8);
    }
}
