package dev.bitmaxconnect.simulator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One API key and the futures account behind it, as configured when the simulator starts.
 *
 * @param collateral initial collateral balances by asset
 */
public record AccountSpec(
        String apiKey,
        String apiSecret,
        String userUid,
        int accountGroup,
        String futuresAccountId,
        String email,
        boolean viewPermission,
        boolean tradePermission,
        boolean transferPermission,
        Map<String, BigDecimal> collateral) {

    private static final Pattern USER_UID = Pattern.compile("U\\d{10}");

    public AccountSpec {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiSecret, "apiSecret");
        Objects.requireNonNull(futuresAccountId, "futuresAccountId");
        if (userUid == null || !USER_UID.matcher(userUid).matches()) {
            throw new IllegalArgumentException("userUid must be 'U' and 10 digits, got '" + userUid + "'");
        }
        if (accountGroup < 0) {
            throw new IllegalArgumentException("accountGroup must not be negative, got " + accountGroup);
        }
        collateral = Map.copyOf(new LinkedHashMap<>(collateral));
    }

    /** The default account ({@link SimulatorDefaults}) with all permissions. */
    public static AccountSpec defaults() {
        return new AccountSpec(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET, SimulatorDefaults.USER_UID,
                SimulatorDefaults.ACCOUNT_GROUP, SimulatorDefaults.FUTURES_ACCOUNT_ID, SimulatorDefaults.EMAIL,
                true, true, true, SimulatorDefaults.COLLATERAL);
    }

    /**
     * A second, third... account with all permissions, default collateral and ids derived from {@code n}
     * (userUID {@code U00000000<n>}, futures account id {@code futSimulatedAccount<n>}).
     */
    public static AccountSpec numbered(int n, String apiKey, String apiSecret) {
        return new AccountSpec(apiKey, apiSecret, String.format("U%010d", n), SimulatorDefaults.ACCOUNT_GROUP,
                "futSimulatedAccount" + n, "account" + n + "@bitmax.local", true, true, true,
                SimulatorDefaults.COLLATERAL);
    }

    public AccountSpec withKey(String key, String secret) {
        return new AccountSpec(key, secret, userUid, accountGroup, futuresAccountId, email, viewPermission,
                tradePermission, transferPermission, collateral);
    }

    public AccountSpec withPermissions(boolean view, boolean trade, boolean transfer) {
        return new AccountSpec(apiKey, apiSecret, userUid, accountGroup, futuresAccountId, email, view, trade,
                transfer, collateral);
    }

    public AccountSpec withCollateral(Map<String, BigDecimal> balances) {
        return new AccountSpec(apiKey, apiSecret, userUid, accountGroup, futuresAccountId, email, viewPermission,
                tradePermission, transferPermission, balances);
    }

    public AccountSpec withAccountGroup(int group) {
        return new AccountSpec(apiKey, apiSecret, userUid, group, futuresAccountId, email, viewPermission,
                tradePermission, transferPermission, collateral);
    }

    @Override
    public String toString() {
        return "AccountSpec[apiKey=" + apiKey + ", userUid=" + userUid + ", accountGroup=" + accountGroup
                + ", futuresAccountId=" + futuresAccountId + "]";
    }
}
