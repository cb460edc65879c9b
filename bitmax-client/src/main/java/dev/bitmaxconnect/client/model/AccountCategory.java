package dev.bitmaxconnect.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/** Account category (`ac`). Tolerant: any case, with or without underscores; unknown values kept. */
public final class AccountCategory extends WireEnum<AccountCategory.Known> {
    /** The values the reference lists. */
    public enum Known implements WireEnum.Spelled {
        CASH("CASH"),
        MARGIN("MARGIN"),
        FUTURES("FUTURES");

        private final String wire;
        private final String[] aliases;

        Known(String wire, String... aliases) {
            this.wire = wire;
            this.aliases = aliases;
        }

        @Override
        public String wire() {
            return wire;
        }

        @Override
        public String[] aliases() {
            return aliases.clone();
        }
    }

    private static final Map<String, Known> INDEX = index(Known.values());

    public static final AccountCategory CASH = new AccountCategory("CASH", Known.CASH);
    public static final AccountCategory MARGIN = new AccountCategory("MARGIN", Known.MARGIN);
    public static final AccountCategory FUTURES = new AccountCategory("FUTURES", Known.FUTURES);

    private static final Map<String, AccountCategory> EXACT = exact(CASH, MARGIN, FUTURES);

    private AccountCategory(String raw, Known known) {
        super(raw, known);
    }

    /** Reads a value as the exchange spells it; never fails on an unknown value. */
    @JsonCreator
    public static AccountCategory of(String raw) {
        if (raw == null) {
            return null;
        }
        AccountCategory exact = EXACT.get(raw);
        if (exact != null) {
            return exact; // the reference spelling: a shared constant, no allocation
        }
        return new AccountCategory(raw, lookup(INDEX, raw));
    }

    /** The value for a known constant, in the reference's spelling. */
    public static AccountCategory of(Known known) {
        return new AccountCategory(known.wire(), known);
    }
}
