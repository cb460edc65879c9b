package dev.bitmaxconnect.sink.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * Renders the sink's {@link ConfigDef} as the README's configuration reference (Markdown tables, one per
 * group). {@code main} rewrites the block between the README's sink markers.
 */
public final class SinkConfigReference {

    public static final String START = "<!-- sink-config:start -->";
    public static final String END = "<!-- sink-config:end -->";

    private SinkConfigReference() {
    }

    public static String markdown() {
        ConfigDef def = BitMaxSinkConfig.CONFIG_DEF;
        Set<String> groups = new LinkedHashSet<>(def.groups());
        StringBuilder out = new StringBuilder();
        for (String group : groups) {
            out.append("\n#### ").append(group).append("\n\n");
            out.append("| key | type | default | valid values | importance | description |\n");
            out.append("|---|---|---|---|---|---|\n");
            List<ConfigDef.ConfigKey> keys = new ArrayList<>();
            for (ConfigDef.ConfigKey key : def.configKeys().values()) {
                if (group.equals(key.group)) {
                    keys.add(key);
                }
            }
            keys.sort((a, b) -> Integer.compare(a.orderInGroup, b.orderInGroup));
            for (ConfigDef.ConfigKey key : keys) {
                out.append("| `").append(key.name).append("` | ")
                        .append(key.type.name().toLowerCase()).append(" | ")
                        .append(defaultValue(key)).append(" | ")
                        .append(key.validator == null ? "" : cell(key.validator.toString())).append(" | ")
                        .append(key.importance.name().toLowerCase()).append(" | ")
                        .append(cell(key.documentation)).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String defaultValue(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        Object v = key.defaultValue;
        if (v == null) {
            return "null";
        }
        if (v instanceof Password) {
            return "[hidden]";
        }
        String s = v instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : v.toString();
        return s.isEmpty() ? "\"\"" : "`" + s + "`";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** The README text with the block between the markers replaced by {@link #markdown()}. */
    public static String rewrite(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("README has no " + START + " ... " + END + " block");
        }
        return readme.substring(0, start + START.length()) + "\n" + markdown() + "\n" + readme.substring(end);
    }

    /** The block currently between the README's markers. */
    public static String block(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("README has no " + START + " ... " + END + " block");
        }
        return readme.substring(start + START.length(), end);
    }

    /** Rewrites the block in the README at {@code args[0]} (default {@code README.md}). */
    public static void main(String[] args) throws IOException {
        Path readme = Path.of(args.length > 0 ? args[0] : "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Files.writeString(readme, rewrite(text), StandardCharsets.UTF_8);
    }
}
