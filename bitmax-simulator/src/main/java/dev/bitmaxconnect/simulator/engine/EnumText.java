package dev.bitmaxconnect.simulator.engine;

import java.util.Locale;

/** Enum values are read in any case, with or without underscores (docs/exchange-api.md). */
final class EnumText {

    private EnumText() {
    }

    static String normalize(String text) {
        return text.replace("_", "").trim().toLowerCase(Locale.ROOT);
    }

    /** The constant whose name {@code text} spells, {@code absent} when there is no text, null when none matches. */
    static <E extends Enum<E>> E parse(String text, E absent, E[] values) {
        if (text == null) {
            return absent;
        }
        String normalized = normalize(text);
        for (E value : values) {
            if (normalize(value.name()).equals(normalized)) {
                return value;
            }
        }
        return null;
    }
}
