package dev.bitmaxconnect.simulator.engine;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mark and index prices of every contract and reference prices of every collateral asset. */
public final class PriceBoard {

    private final Map<String, MarketState> markets = new LinkedHashMap<>();
    private final List<CollateralAsset> collaterals;
    private final Map<String, CollateralAsset> collateralByAsset = new LinkedHashMap<>();

    PriceBoard(List<Contract> contracts, List<CollateralAsset> collaterals, long now) {
        for (Contract contract : contracts) {
            markets.put(contract.symbol(), new MarketState(contract.initialPrice(), now));
        }
        this.collaterals = collaterals;
        for (CollateralAsset asset : collaterals) {
            collateralByAsset.put(asset.asset(), asset);
        }
    }

    /** Prices of every contract, by symbol, in the contracts' order. */
    public Map<String, MarketState> markets() {
        return Collections.unmodifiableMap(markets);
    }

    public List<CollateralAsset> collaterals() {
        return collaterals;
    }

    public MarketState market(String symbol) {
        return markets.get(symbol);
    }

    public BigDecimal markPrice(String symbol) {
        return markets.get(symbol).markPrice;
    }

    public CollateralAsset collateral(String asset) {
        return collateralByAsset.get(asset);
    }

    public BigDecimal referencePrice(CollateralAsset asset) {
        if (asset.priceSymbol() != null) {
            return markets.get(asset.priceSymbol()).indexPrice;
        }
        return asset.fixedPrice();
    }

    public BigDecimal referencePrice(String asset) {
        CollateralAsset collateral = collateralByAsset.get(asset);
        return collateral == null ? BigDecimal.ZERO : referencePrice(collateral);
    }

    public BigDecimal discountFactor(String asset) {
        CollateralAsset collateral = collateralByAsset.get(asset);
        return collateral == null ? BigDecimal.ZERO : collateral.discountFactor();
    }
}
