package dev.bitmaxconnect.simulator.engine;

import java.util.List;

/**
 * An account's collateral and positions at one moment.
 *
 * @param sn the account's sequence number of this update (of the last update, for a snapshot)
 * @param requestId the id of the request that caused it ("" when none)
 */
public record AccountUpdate(String accountId, long sn, String requestId, long time,
                            List<CollateralBalance> collateral, List<PositionView> positions) {
}
