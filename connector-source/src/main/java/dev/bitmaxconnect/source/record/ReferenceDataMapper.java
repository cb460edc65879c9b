package dev.bitmaxconnect.source.record;

import static dev.bitmaxconnect.source.record.MarketDataMapper.require;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.kafka.connect.data.Struct;

import dev.bitmaxconnect.client.model.CollateralAsset;
import dev.bitmaxconnect.client.model.CollateralPrice;
import dev.bitmaxconnect.client.model.ContractPricing;
import dev.bitmaxconnect.client.model.FuturesContract;
import dev.bitmaxconnect.client.model.MarginRequirement;

/** Maps reference data read over REST (contracts, collateral assets, pricing data) to record values. */
public final class ReferenceDataMapper {
    private final RecordSchemas schemas;
    private final DecimalFormat decimals;
    private final MarketDataMapper marketData;

    public ReferenceDataMapper(RecordSchemas schemas, DecimalFormat decimals) {
        this.schemas = schemas;
        this.decimals = decimals;
        this.marketData = new MarketDataMapper(schemas, decimals);
    }

    public Struct contract(FuturesContract contract) {
        Struct priceFilter = null;
        if (contract.priceFilter() != null) {
            priceFilter = new Struct(schemas.contract().field("priceFilter").schema())
                    .put("minPrice", decimals.value(contract.priceFilter().minPrice()))
                    .put("maxPrice", decimals.value(contract.priceFilter().maxPrice()))
                    .put("tickSize", decimals.value(contract.priceFilter().tickSize()));
        }
        Struct lotSizeFilter = null;
        if (contract.lotSizeFilter() != null) {
            lotSizeFilter = new Struct(schemas.contract().field("lotSizeFilter").schema())
                    .put("minQty", decimals.value(contract.lotSizeFilter().minQty()))
                    .put("maxQty", decimals.value(contract.lotSizeFilter().maxQty()))
                    .put("lotSize", decimals.value(contract.lotSizeFilter().lotSize()));
        }
        List<Struct> tiers = new ArrayList<>();
        if (contract.marginRequirements() != null) {
            for (MarginRequirement tier : contract.marginRequirements()) {
                tiers.add(new Struct(schemas.contract().field("marginRequirements").schema().valueSchema())
                        .put("positionNotionalLowerbound", decimals.value(tier.positionNotionalLowerbound()))
                        .put("positionNotionalUpperbound", decimals.value(tier.positionNotionalUpperbound()))
                        .put("initialMarginRate", decimals.value(tier.initialMarginRate()))
                        .put("maintenanceMarginRate", decimals.value(tier.maintenanceMarginRate())));
            }
        }
        return new Struct(schemas.contract())
                .put("symbol", require("contract", "symbol", contract.symbol()))
                .put("status", contract.status())
                .put("displayName", contract.displayName())
                .put("settlementAsset", contract.settlementAsset())
                .put("underlying", contract.underlying())
                .put("tradingStartTime", contract.tradingStartTime() == null ? null : new Date(contract.tradingStartTime()))
                .put("priceFilter", priceFilter)
                .put("lotSizeFilter", lotSizeFilter)
                .put("marginRequirements", tiers);
    }

    public Struct collateralAsset(CollateralAsset asset) {
        return new Struct(schemas.collateralAsset())
                .put("asset", require("collateral", "asset", asset.asset()))
                .put("assetName", asset.assetName())
                .put("conversionFactor", decimals.value(asset.conversionFactor()))
                .put("discountFactor", decimals.value(asset.discountFactor()))
                .put("displayName", asset.displayName())
                .put("statusCode", asset.statusCode());
    }

    public Struct contractPricing(ContractPricing pricing) {
        return marketData.contractPricing(schemas.contractPricing(), pricing.symbol(),
                require("pricing-data", "time", pricing.time()), pricing.markPrice(), pricing.indexPrice(),
                pricing.fundingRate(), pricing.nextFundingTime());
    }

    public Struct collateralPrice(CollateralPrice price) {
        return new Struct(schemas.collateralPrice())
                .put("asset", require("pricing-data", "asset", price.asset()))
                .put("referencePrice", decimals.value(price.referencePrice()));
    }
}
