package dev.bitmaxconnect.sink.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.testsupport.ApiExamples;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The contract filters of the reference's futures-contracts example, as the sink's validator reads them. */
public final class ReferenceContracts {

    private ReferenceContracts() {
    }

    public static ContractFilters filters() {
        JsonNode data = ApiExamples.json("futures-contracts-info--response-futures-contracts-info.json").get("data");
        List<ContractFilter> list = new ArrayList<>();
        for (JsonNode c : data) {
            JsonNode p = c.get("priceFilter");
            JsonNode l = c.get("lotSizeFilter");
            list.add(new ContractFilter(c.get("symbol").asText(), c.get("status").asText(),
                    new BigDecimal(p.get("minPrice").asText()), new BigDecimal(p.get("maxPrice").asText()),
                    new BigDecimal(p.get("tickSize").asText()), new BigDecimal(l.get("minQty").asText()),
                    new BigDecimal(l.get("maxQty").asText()), new BigDecimal(l.get("lotSize").asText())));
        }
        ContractFilters filters = new ContractFilters();
        filters.replace(list);
        return filters;
    }
}
