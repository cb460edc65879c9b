package dev.bitmaxconnect.simulator;

/** Appends JSON string literals; the hot stream messages are written by hand, once per broadcast. */
final class JsonText {

    private JsonText() {
    }

    static StringBuilder quote(StringBuilder sb, String value) {
        sb.append('"');
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
        }
        return sb.append('"');
    }

    /** {@code ,"name":"value"} (or without the comma when {@code first}). */
    static StringBuilder field(StringBuilder sb, String name, String value) {
        if (sb.charAt(sb.length() - 1) != '{') {
            sb.append(',');
        }
        sb.append('"').append(name).append("\":");
        return quote(sb, value);
    }

    static StringBuilder field(StringBuilder sb, String name, long value) {
        if (sb.charAt(sb.length() - 1) != '{') {
            sb.append(',');
        }
        return sb.append('"').append(name).append("\":").append(value);
    }

    static StringBuilder field(StringBuilder sb, String name, boolean value) {
        if (sb.charAt(sb.length() - 1) != '{') {
            sb.append(',');
        }
        return sb.append('"').append(name).append("\":").append(value);
    }
}
