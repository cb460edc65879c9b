package dev.bitmaxconnect.sink.validate;

/**
 * Why the sink refused a command before sending it.
 *
 * @param reason a short upper-case code, e.g. {@code TICK_SIZE_VIOLATION}
 * @param message what is wrong, naming the field and the value
 */
public record Rejection(String reason, String message) {
}
