package dev.bitmaxconnect.simulator.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * An asset accepted as futures collateral.
 *
 * @param priceSymbol the contract whose index price is this asset's reference price, or null for a fixed price
 */
public record CollateralAsset(String asset, String assetName, BigDecimal conversionFactor, BigDecimal discountFactor,
                       String statusCode, BigDecimal fixedPrice, String priceSymbol) {

    public static List<CollateralAsset> standard() {
        return List.of(
                new CollateralAsset("BTC", "Bitcoin", new BigDecimal("0.995"), new BigDecimal("0.98"), "Normal",
                        null, "BTC-PERP"),
                new CollateralAsset("ETH", "Ethereum", new BigDecimal("0.995"), new BigDecimal("0.95"), "Normal",
                        null, "ETH-PERP"),
                new CollateralAsset("USDT", "Tether", BigDecimal.ONE, BigDecimal.ONE, "Normal", BigDecimal.ONE, null),
                new CollateralAsset("USDC", "USD Coin", BigDecimal.ONE, BigDecimal.ONE, "Normal",
                        new BigDecimal("0.9996"), null),
                new CollateralAsset("PAX", "Paxos Standard", BigDecimal.ONE, BigDecimal.ONE, "Normal",
                        new BigDecimal("0.9995"), null),
                new CollateralAsset("USDTR", "Futures Reward Token", BigDecimal.ONE, BigDecimal.ONE, "NoTransaction",
                        BigDecimal.ONE, null));
    }
}
