package dev.bitmaxconnect.simulator.engine;

/** The fields of one request object, however the wire encodes them. */
public interface RequestFields {

    /** The field as text, or null when it is absent or null. */
    String text(String name);

    /** The field's value when it is an integer number (not a string of digits), else null. */
    Long integer(String name);
}
