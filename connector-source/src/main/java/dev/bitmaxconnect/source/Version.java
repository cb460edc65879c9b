package dev.bitmaxconnect.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The plugin's version, as the build wrote it into the jar. */
final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream(
                "/META-INF/maven/dev.bitmaxconnect/connector-source/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        String implementation = Version.class.getPackage().getImplementationVersion();
        return implementation != null ? implementation : "unknown";
    }
}
