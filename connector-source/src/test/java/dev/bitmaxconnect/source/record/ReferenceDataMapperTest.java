package dev.bitmaxconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.bitmaxconnect.testsupport.ApiExamples.restData;

import java.util.Date;
import java.util.List;

import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import dev.bitmaxconnect.client.model.CollateralAsset;
import dev.bitmaxconnect.client.model.FuturesContract;
import dev.bitmaxconnect.client.model.FuturesPricing;
import dev.bitmaxconnect.source.config.DecimalHandlingMode;
import dev.bitmaxconnect.client.json.BitMaxJson;

class ReferenceDataMapperTest {
    private final DecimalFormat decimals = new DecimalFormat(DecimalHandlingMode.STRING, 0);
    private final ReferenceDataMapper mapper = new ReferenceDataMapper(new RecordSchemas(decimals), decimals);

    @Test
    void contractWithFiltersAndMarginTiers() {
        FuturesContract contract = restData("futures-contracts-info--response-futures-contracts-info.json",
                FuturesContract.class, BitMaxJson.mapper()).get(0);
        Struct record = mapper.contract(contract);
        record.validate();
        assertThat(record.getString("symbol")).isEqualTo("BTC-PERP");
        assertThat(record.getString("status")).isEqualTo("Normal");
        assertThat(record.get("tradingStartTime")).isEqualTo(new Date(1579701600000L));
        assertThat(record.getStruct("priceFilter").getString("tickSize")).isEqualTo("0.25");
        assertThat(record.getStruct("lotSizeFilter").getString("minQty")).isEqualTo("0.0001");
        assertThat(record.<Struct>getArray("marginRequirements")).extracting(t -> t.getString("initialMarginRate"))
                .containsExactly("0.01", "0.02");
    }

    @Test
    void collateralAssets() {
        List<CollateralAsset> assets = restData("futures-collateral-asset-info--response-futures-collateral-asset-info.json",
                CollateralAsset.class, BitMaxJson.mapper());
        Struct usdtr = mapper.collateralAsset(assets.get(2));
        usdtr.validate();
        assertThat(usdtr.getString("asset")).isEqualTo("USDTR");
        assertThat(usdtr.getString("statusCode")).isEqualTo("NoTransaction");
        assertThat(mapper.collateralAsset(assets.get(0)).getString("conversionFactor")).isEqualTo("0.995");
    }

    @Test
    void pricingDataSplitsIntoContractAndCollateralRecords() {
        FuturesPricing pricing = restData("futures-pricing-data--requesting-pricing-data-for-all-futures-contract.json",
                FuturesPricing.class, BitMaxJson.mapper()).get(0);
        Struct contract = mapper.contractPricing(pricing.contracts().get(0));
        contract.validate();
        assertThat(contract.getString("markPrice")).isEqualTo("28097.526022138");
        assertThat(contract.get("time")).isEqualTo(new Date(1609368616960L));
        assertThat(pricing.collaterals()).hasSize(6);
        Struct btc = mapper.collateralPrice(pricing.collaterals().get(4));
        btc.validate();
        assertThat(btc.getString("asset")).isEqualTo("BTC");
        assertThat(btc.getString("referencePrice")).isEqualTo("28761.985");
    }
}
