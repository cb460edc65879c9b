package dev.bitmaxconnect.source.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts an absolute URL with a host and one of the given schemes. */
final class UrlValidator implements ConfigDef.Validator {
    private final List<String> schemes;

    UrlValidator(String... schemes) {
        this.schemes = List.of(schemes);
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            throw new ConfigException(name, null, "a URL is required, e.g. " + schemes.get(0) + "://127.0.0.1:8080");
        }
        String text = value.toString().trim();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!schemes.contains(scheme) || uri.getHost() == null) {
                throw new ConfigException(name, text, "expected an absolute URL with scheme " + String.join(" or ", schemes) + " and a host");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name, text, "not a URL: " + e.getReason());
        }
    }

    @Override
    public String toString() {
        return "absolute " + String.join("/", schemes) + " URL";
    }
}
