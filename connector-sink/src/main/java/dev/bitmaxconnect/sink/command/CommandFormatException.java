package dev.bitmaxconnect.sink.command;

/** A command record that cannot be read as a command; the message names the field and the value. */
public class CommandFormatException extends RuntimeException {

    private final String field;

    public CommandFormatException(String field, String message) {
        super(field == null ? message : field + ": " + message);
        this.field = field;
    }

    /** The field at fault (a dotted path such as {@code orders[3].price}), or null for the whole record. */
    public String field() {
        return field;
    }
}
