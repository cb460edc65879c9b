package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An enum value as the exchange spells it. Reading accepts any case, with or without underscores or
 * hyphens, and keeps values it does not know ({@link #known()} is then empty) instead of failing.
 * Re-encoding writes the raw spelling back; requests send {@link #wire()}, the reference's table spelling.
 */
public abstract class WireEnum<K extends Enum<K> & WireEnum.Spelled> {
    /** A known constant with its reference spelling and any aliases. */
    public interface Spelled {
        String wire();

        default String[] aliases() {
            return new String[0];
        }
    }

    private final String raw;
    private final K known;

    protected WireEnum(String raw, K known) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.known = known;
    }

    /** The value exactly as read (or as given). */
    @JsonValue
    public final String raw() {
        return raw;
    }

    /** The known constant, or empty for a value this client does not know. */
    public final Optional<K> known() {
        return Optional.ofNullable(known);
    }

    /** The constant or null; for switch statements. */
    public final K knownOrNull() {
        return known;
    }

    public final boolean is(K constant) {
        return known == constant;
    }

    /** The reference's spelling when known, else the raw value. */
    public final String wire() {
        return known != null ? known.wire() : raw;
    }

    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        WireEnum<?> other = (WireEnum<?>) o;
        return known != null ? known == other.known : other.known == null && normalize(raw).equals(normalize(other.raw));
    }

    @Override
    public final int hashCode() {
        return known != null ? known.hashCode() : normalize(raw).hashCode();
    }

    @Override
    public final String toString() {
        return raw;
    }

    /** Lower case without underscores, hyphens and spaces: {@code stop_limit}, {@code StopLimit} -> {@code stoplimit}. */
    public static String normalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '_' && c != '-' && c != ' ') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** An index from normalized spellings (constant name, wire spelling, aliases) to constants. */
    protected static <K extends Enum<K> & Spelled> Map<String, K> index(K[] values) {
        Map<String, K> map = new HashMap<>();
        for (K k : values) {
            map.put(normalize(k.name()), k);
            map.put(normalize(k.wire()), k);
            for (String alias : k.aliases()) {
                map.put(normalize(alias), k);
            }
        }
        return Map.copyOf(map);
    }

    /** An index from the exact raw spelling to shared constants. */
    @SafeVarargs
    protected static <T extends WireEnum<?>> Map<String, T> exact(T... constants) {
        Map<String, T> map = new HashMap<>();
        for (T c : constants) {
            map.put(c.raw(), c);
        }
        return Map.copyOf(map);
    }

    protected static <K extends Enum<K> & Spelled> K lookup(Map<String, K> index, String raw) {
        return raw == null ? null : index.get(normalize(raw.trim()).toLowerCase(Locale.ROOT));
    }
}
