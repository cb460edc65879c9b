package dev.bitmaxconnect.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.distribution.PluginLocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's "Install into an existing Connect cluster" steps and its "Minimal configurations", read from the
 * README itself so that the test and the page cannot drift: the {@code unzip} of the component archive into a
 * directory, the worker properties that go with it, and the two connector configurations.
 */
final class ReadmeInstall {

    private static final Pattern CODE_BLOCK = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```$");
    private static final Pattern UNZIP = Pattern.compile("(?m)^unzip (\\S+) -d (\\S+)$");
    private static final Pattern FILE_REFERENCE = Pattern.compile("\\$\\{file:([^:}]+):([^}]+)}");

    private final String install;
    private final String minimalConfigs;

    private ReadmeInstall(String readme) {
        this.install = section(readme, "## Install into an existing Connect cluster");
        this.minimalConfigs = section(readme, "## Minimal configurations");
    }

    static ReadmeInstall read(Path readme) {
        try {
            return new ReadmeInstall(Files.readString(readme));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Follows the install steps on this machine, under {@code root} standing for {@code /}: unpacks the archive
     * into the README's directory as {@code unzip -d} does, and returns the README's worker properties, with that
     * directory moved under {@code root}.
     */
    Map<String, String> installUnder(Path root) {
        Matcher unzip = UNZIP.matcher(installBlock());
        if (!unzip.find()) {
            throw new IllegalStateException("README: no `unzip <archive> -d <directory>` in the install steps");
        }
        String archive = unzip.group(1).replace("<version>", System.getProperty("project.version"));
        if (!archive.equals(PluginLocations.archive().getFileName().toString())) {
            throw new IllegalStateException("README unzips " + archive + ", the build makes "
                    + PluginLocations.archive().getFileName());
        }
        String directory = unzip.group(2);
        Path local = root.resolve(directory.replaceFirst("^/+", ""));
        PluginLocations.unpackArchiveInto(local);

        Map<String, String> worker = new LinkedHashMap<>();
        for (String line : installBlock().lines().toList()) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && !line.startsWith("unzip ") && eq > 0) {
                worker.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        if (!directory.equals(worker.get("plugin.path"))) {
            throw new IllegalStateException("README: plugin.path=" + worker.get("plugin.path")
                    + " is not the directory the archive is unpacked into, " + directory);
        }
        worker.put("plugin.path", local.toString());
        return worker;
    }

    /** The minimal configuration of the connector whose class ends with {@code simpleClassName}: name and config. */
    Connector minimalConfig(String simpleClassName) {
        ObjectMapper json = new ObjectMapper();
        Matcher block = CODE_BLOCK.matcher(minimalConfigs);
        while (block.find()) {
            if (!block.group(1).equals("json")) {
                continue;
            }
            try {
                JsonNode connector = json.readTree(block.group(2));
                if (connector.path("config").path("connector.class").asText().endsWith("." + simpleClassName)) {
                    Map<String, String> config = new LinkedHashMap<>();
                    connector.path("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
                    return new Connector(connector.path("name").asText(), config);
                }
            } catch (IOException e) {
                throw new IllegalStateException("README: a json block of the minimal configurations does not parse",
                        e);
            }
        }
        throw new IllegalStateException("README: no minimal configuration of " + simpleClassName);
    }

    /** A connector of the README: its name and its config, as the page prints them. */
    record Connector(String name, Map<String, String> config) {

        /**
         * This config on a test machine: {@code overrides} replace the README's values of settings it has (the
         * exchange's and the broker's addresses), and each {@code ${file:<path>:<key>}} reads {@code secrets}
         * instead of the README's path. {@code secrets} is written, for each such key, with the value that
         * {@code secretValues} gives for the setting that reads it.
         */
        Map<String, String> on(Map<String, String> overrides, Path secrets, Map<String, String> secretValues) {
            Map<String, String> local = new LinkedHashMap<>(config);
            local.put("name", name);
            overrides.forEach((key, value) -> {
                if (local.replace(key, value) == null) {
                    throw new IllegalStateException("README: the " + name + " config has no " + key);
                }
            });
            StringBuilder file = new StringBuilder();
            for (Map.Entry<String, String> setting : local.entrySet()) {
                Matcher reference = FILE_REFERENCE.matcher(setting.getValue());
                if (reference.matches()) {
                    String value = secretValues.get(setting.getKey());
                    if (value == null) {
                        throw new IllegalStateException("no value for " + setting.getKey() + " of " + name);
                    }
                    file.append(reference.group(2)).append('=').append(value).append('\n');
                    setting.setValue("${file:" + secrets + ":" + reference.group(2) + "}");
                }
            }
            if (!file.isEmpty()) {
                try {
                    Files.writeString(secrets, file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return local;
        }
    }

    private String installBlock() {
        Matcher block = CODE_BLOCK.matcher(install);
        while (block.find()) {
            if (UNZIP.matcher(block.group(2)).find()) {
                return block.group(2);
            }
        }
        throw new IllegalStateException("README: no code block with the unzip step under the install section");
    }

    private static String section(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalStateException("README: no section " + heading);
        }
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
