package dev.bitmaxconnect.simulator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mark and index prices of every contract and reference prices of every collateral asset. */
final class PriceBoard {

    final Map<String, MarketState> markets = new LinkedHashMap<>();
    final List<CollateralAsset> collaterals;
    private final Map<String, CollateralAsset> collateralByAsset = new LinkedHashMap<>();

    PriceBoard(List<Contract> contracts, List<CollateralAsset> collaterals, long now) {
        for (Contract contract : contracts) {
            markets.put(contract.symbol, new MarketState(contract.initialPrice, now));
        }
        this.collaterals = collaterals;
        for (CollateralAsset asset : collaterals) {
            collateralByAsset.put(asset.asset(), asset);
        }
    }

    MarketState market(String symbol) {
        return markets.get(symbol);
    }

    BigDecimal markPrice(String symbol) {
        return markets.get(symbol).markPrice;
    }

    CollateralAsset collateral(String asset) {
        return collateralByAsset.get(asset);
    }

    BigDecimal referencePrice(CollateralAsset asset) {
        if (asset.priceSymbol() != null) {
            return markets.get(asset.priceSymbol()).indexPrice;
        }
        return asset.fixedPrice();
    }

    BigDecimal referencePrice(String asset) {
        CollateralAsset collateral = collateralByAsset.get(asset);
        return collateral == null ? BigDecimal.ZERO : referencePrice(collateral);
    }

    BigDecimal discountFactor(String asset) {
        CollateralAsset collateral = collateralByAsset.get(asset);
        return collateral == null ? BigDecimal.ZERO : collateral.discountFactor();
    }
}
