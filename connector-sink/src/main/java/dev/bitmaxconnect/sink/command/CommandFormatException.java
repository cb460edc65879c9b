package dev.bitmaxconnect.sink.command;

/**
 * A command record that cannot be read as a command; the message names the field and the value. It also
 * carries what could be read of the command (its own {@code id} and its action), so that the refusal is
 * reported under the command's own name.
 */
public class CommandFormatException extends RuntimeException {

    private final String field;
    private final String label;
    private final boolean unreadable;
    private final String givenId;
    private final CommandAction action;

    /** A command read as an object whose field {@code field} is wrong (null: the object as a whole). */
    public CommandFormatException(String field, String message) {
        this(field, field == null ? "invalid command" : "invalid field " + field, false, message, null, null);
    }

    private CommandFormatException(String field, String label, boolean unreadable, String message, String givenId,
                                   CommandAction action) {
        super(field == null ? message : field + ": " + message);
        this.field = field;
        this.label = label;
        this.unreadable = unreadable;
        this.givenId = givenId;
        this.action = action;
    }

    /** A record that is not a command object at all; {@code label} says what it is instead, e.g. "not JSON". */
    static CommandFormatException unreadable(String label, String message) {
        return new CommandFormatException(null, label, true, message, null, null);
    }

    /** A command object refused as a whole, e.g. for a field given twice; {@code label} names why. */
    static CommandFormatException invalid(String label, String message) {
        return new CommandFormatException(null, label, false, message, null, null);
    }

    /** The same refusal, naming the command by the {@code id} and action read from it (each may be null). */
    CommandFormatException of(String givenId, CommandAction action) {
        String message = field == null ? getMessage() : getMessage().substring(field.length() + 2);
        return new CommandFormatException(field, label, unreadable, message, givenId, action);
    }

    /** The field at fault (a dotted path such as {@code orders[3].price}), or null for the whole record. */
    public String field() {
        return field;
    }

    /** What is wrong, in a few words: "invalid field orderQty", "not JSON", "a tombstone". */
    public String label() {
        return label;
    }

    /** Whether the record is no command object at all (not text, not JSON, not an object), so nothing was read. */
    public boolean unreadable() {
        return unreadable;
    }

    /** The {@code id} written in the command, when it could be read; null otherwise. */
    public String givenId() {
        return givenId;
    }

    /** The command's action, when it could be read; null otherwise. */
    public CommandAction action() {
        return action;
    }
}
