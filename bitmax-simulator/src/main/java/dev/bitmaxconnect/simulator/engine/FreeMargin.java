package dev.bitmaxconnect.simulator.engine;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An account's free margin at one moment.
 *
 * @param availableForTransfer what may leave the account, by asset
 * @param crossed free margin of the crossed margin group
 * @param isolated free margin of each isolated position, by symbol
 */
public record FreeMargin(Map<String, BigDecimal> availableForTransfer, BigDecimal crossed,
                         Map<String, BigDecimal> isolated) {
}
