package dev.bitmaxconnect.common.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts an absolute URL with one of the given schemes and a host, or an empty value where the key allows it. */
public final class UrlValidator implements ConfigDef.Validator {
    private final List<String> schemes;
    private final boolean emptyAllowed;

    private UrlValidator(List<String> schemes, boolean emptyAllowed) {
        this.schemes = schemes;
        this.emptyAllowed = emptyAllowed;
    }

    public static UrlValidator of(String... schemes) {
        return new UrlValidator(List.of(schemes), false);
    }

    /** The same rule, but an empty value passes too: the key is then unused. */
    public UrlValidator orEmpty() {
        return new UrlValidator(schemes, true);
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return; // a required key left out: ConfigDef says so itself, once
        }
        String text = value.toString().trim();
        if (text.isEmpty() && emptyAllowed) {
            return;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ConfigException(name, text, "not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme) || uri.getHost() == null) {
            throw new ConfigException(name, text, "expected an absolute URL with scheme "
                    + String.join(" or ", schemes) + " and a host, e.g. " + schemes.get(0) + "://127.0.0.1:8090");
        }
    }

    @Override
    public String toString() {
        return (emptyAllowed ? "empty, or an " : "") + "absolute " + String.join("/", schemes) + " URL";
    }
}
