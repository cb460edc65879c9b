package dev.bitmaxconnect.simulator.engine;

import java.util.Locale;

/** Enum values are read in any case, with or without underscores (docs/exchange-api.md). */
final class EnumText {

    private EnumText() {
    }

    static String normalize(String text) {
        return text.replace("_", "").trim().toLowerCase(Locale.ROOT);
    }
}
