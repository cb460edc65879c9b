package dev.bitmaxconnect.source.record;

/** A message lacks a field the record needs, or carries a value that cannot be written; names both. */
public class MessageMappingException extends RuntimeException {
    public MessageMappingException(String messageType, String field, Object value) {
        super(messageType + ": field '" + field + "' " + (value == null ? "is missing" : "has unusable value '" + value + "'"));
    }
}
