package dev.bitmaxconnect.sink.send;

import dev.bitmaxconnect.sink.command.CommandAction;
import dev.bitmaxconnect.sink.command.CommandFormatException;
import dev.bitmaxconnect.sink.command.OrderCommand;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A record waiting in its partition's lane: the parsed command, or why it could not be parsed, or
 * nothing (an ignored tombstone).
 *
 * @param command the parsed command, null when {@code formatError} is set or the record is an ignored tombstone
 * @param formatError why the record is not a command, or null
 */
public record PendingCommand(SinkRecord record, OrderCommand command, CommandFormatException formatError,
                             long receivedNanos) {

    public long offset() {
        return record.kafkaOffset();
    }

    /** The {@code id} written in the command: read from it even when it was refused, null when unreadable. */
    public String givenId() {
        return command != null ? command.id() : formatError == null ? null : formatError.givenId();
    }

    /** The command's action, read from it even when it was refused; null when it could not be read. */
    public CommandAction action() {
        return command != null ? command.action() : formatError == null ? null : formatError.action();
    }

    public boolean ignored() {
        return command == null && formatError == null;
    }

    /** Whether this is a single place or single cancel, which the lane may coalesce with its neighbours. */
    public boolean coalescable() {
        return command instanceof OrderCommand.Place || command instanceof OrderCommand.Cancel;
    }
}
