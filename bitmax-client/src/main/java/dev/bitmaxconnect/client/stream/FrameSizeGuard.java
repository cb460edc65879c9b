package dev.bitmaxconnect.client.stream;

/**
 * The frame-size guard. OkHttp reads a whole WebSocket message into memory before handing it over and has no
 * limit of its own, so the stream refuses frames over {@code maxFrameBytes} before decoding them (and resets
 * the connection). The exchange sends text: a binary frame is never decoded.
 */
final class FrameSizeGuard {
    private final int maxFrameBytes;

    FrameSizeGuard(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Why a text frame is refused, or null to decode it. */
    String refusal(String text) {
        if (text.length() <= maxFrameBytes / 3) {
            return null; // 3 UTF-8 bytes per char at most: only long frames need counting
        }
        long bytes = utf8Length(text);
        return bytes > maxFrameBytes ? "frame of " + bytes + " bytes over maxFrameBytes " + maxFrameBytes : null;
    }

    /** Why a binary frame resets the connection, or null when it is only ignored. */
    String binaryRefusal(int size) {
        return size > maxFrameBytes ? "binary frame of " + size + " bytes over maxFrameBytes " + maxFrameBytes : null;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
