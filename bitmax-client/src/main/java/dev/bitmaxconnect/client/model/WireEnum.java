package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.annotation.Annotation;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An enum value as the exchange spells it. Reading accepts any case, with or without underscores or
 * hyphens, and keeps values it does not know ({@link #known()} is then empty) instead of failing.
 * Re-encoding writes the raw spelling back; requests send {@link #wire()}, the reference's table spelling.
 * Each type is a few lines: its known constants, spelled with {@link JsonProperty} (and {@link JsonAlias}
 * for other spellings seen), and a {@link Spellings} that reads them.
 */
public abstract class WireEnum<K extends Enum<K>> {
    private final String raw;
    private final K known;
    private final String wire;

    protected WireEnum(String raw, K known, String wire) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.known = known;
        this.wire = wire;
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
        return known != null ? wire : raw;
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

    /** The constructor of a wire enum type: {@code (raw, known or null, reference spelling of known)}. */
    @FunctionalInterface
    protected interface Constructor<K extends Enum<K>, T extends WireEnum<K>> {
        T create(String raw, K known, String wire);
    }

    /**
     * How one wire enum type is read: the spellings of its known constants (the constant's name, its
     * {@link JsonProperty} value, which is the reference's, and its {@link JsonAlias} values), and one shared
     * instance per constant, which a value in the reference's exact spelling gets without an allocation.
     */
    protected static final class Spellings<K extends Enum<K>, T extends WireEnum<K>> {
        private final Constructor<K, T> constructor;
        private final Map<String, K> byNormalizedSpelling = new HashMap<>();
        private final Map<K, T> shared;
        private final Map<String, T> byReferenceSpelling = new HashMap<>();

        public Spellings(Class<K> type, Constructor<K, T> constructor) {
            this.constructor = constructor;
            this.shared = new EnumMap<>(type);
            for (K k : type.getEnumConstants()) {
                String wire = referenceSpelling(type, k);
                T value = constructor.create(wire, k, wire);
                shared.put(k, value);
                byReferenceSpelling.put(wire, value);
                byNormalizedSpelling.put(normalize(k.name()), k);
                byNormalizedSpelling.put(normalize(wire), k);
                JsonAlias aliases = annotation(type, k, JsonAlias.class);
                for (String alias : aliases == null ? new String[0] : aliases.value()) {
                    byNormalizedSpelling.put(normalize(alias), k);
                }
            }
        }

        /** Reads a value as the exchange spells it; null for null, never fails on an unknown value. */
        public T of(String raw) {
            if (raw == null) {
                return null;
            }
            T exact = byReferenceSpelling.get(raw);
            if (exact != null) {
                return exact;
            }
            K known = byNormalizedSpelling.get(normalize(raw.trim()).toLowerCase(Locale.ROOT));
            return constructor.create(raw, known, known == null ? null : shared.get(known).wire());
        }

        /** The shared value of a known constant, in the reference's spelling. */
        public T of(K known) {
            return shared.get(Objects.requireNonNull(known, "known"));
        }

        private static <K extends Enum<K>> String referenceSpelling(Class<K> type, K constant) {
            JsonProperty spelling = annotation(type, constant, JsonProperty.class);
            if (spelling == null) {
                throw new IllegalStateException(type.getName() + "." + constant.name() + " has no @JsonProperty spelling");
            }
            return spelling.value();
        }

        private static <A extends Annotation> A annotation(Class<?> type, Enum<?> constant, Class<A> annotationType) {
            try {
                return type.getField(constant.name()).getAnnotation(annotationType);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
