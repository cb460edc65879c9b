package dev.bitmaxconnect.sink.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a command asks the exchange to do, with the spelling used in the {@code action} field. */
public enum CommandAction {
    PLACE("place"),
    CANCEL("cancel"),
    CANCEL_ALL("cancel-all"),
    PLACE_BATCH("place-batch"),
    CANCEL_BATCH("cancel-batch"),
    SET_LEVERAGE("set-leverage"),
    SET_MARGIN_TYPE("set-margin-type"),
    DEPOSIT("deposit"),
    WITHDRAW("withdraw");

    private final String wireName;

    CommandAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the command moves funds between accounts (refused unless transfers are enabled). */
    public boolean isTransfer() {
        return this == DEPOSIT || this == WITHDRAW;
    }

    /** Whether the command places or cancels orders (stopped by the trading switch). */
    public boolean isTrading() {
        return !isTransfer();
    }

    /** Accepts {@code place-batch}, {@code place_batch}, {@code PlaceBatch} and so on. */
    public static Optional<CommandAction> fromName(String name) {
        String key = normalise(name);
        return Arrays.stream(values()).filter(a -> normalise(a.wireName).equals(key)).findFirst();
    }

    static String normalise(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
