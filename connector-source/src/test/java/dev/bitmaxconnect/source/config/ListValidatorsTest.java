package dev.bitmaxconnect.source.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

/** A list with several bad items names each of them, in one message on its field. */
class ListValidatorsTest {

    @Test
    void everyUnknownChannelIsNamedInOneMessage() {
        Map<String, String> props = BitMaxSourceConfigTest.minimal();
        props.put(BitMaxSourceConfig.CHANNELS, "trade,bbo,orders");

        List<String> errors = errorsOf(props, BitMaxSourceConfig.CHANNELS);

        assertThat(errors).singleElement().asString()
                .contains("unknown items trade, orders;")
                .endsWith("unknown items trade, orders; each must be one of pricing, bbo, depth, book, trades, bar, order, account");
    }

    @Test
    void everyUnknownBarIntervalAndReferenceDataIsNamed() {
        Map<String, String> props = BitMaxSourceConfigTest.minimal();
        props.put(BitMaxSourceConfig.BAR_INTERVALS, "2,5,3");
        props.put(BitMaxSourceConfig.REFERENCE_DATA, "contract,prices");

        assertThat(errorsOf(props, BitMaxSourceConfig.BAR_INTERVALS)).singleElement().asString()
                .contains("unknown items 2, 3;");
        assertThat(errorsOf(props, BitMaxSourceConfig.REFERENCE_DATA)).singleElement().asString()
                .contains("unknown items contract, prices;").contains("contracts, collateral, pricing");
    }

    @Test
    void emptyListsAndKnownItemsPass() {
        ChoiceListValidator validator = new ChoiceListValidator(List.of("a", "b"));
        validator.ensureValid("k", List.of());
        validator.ensureValid("k", List.of("b", "a"));
        assertThatThrownBy(() -> validator.ensureValid("k", List.of("c"))).isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value [c] for configuration k: unknown item c; each must be one of a, b");
    }

    @Test
    void everyMalformedSymbolIsNamedInOneMessage() {
        SymbolListValidator validator = new SymbolListValidator();
        assertThatThrownBy(() -> validator.ensureValid("symbols", List.of("BTC PERP", "ETH-PERP", "-X")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not contract symbols: BTC PERP, -X (");
    }

    private static List<String> errorsOf(Map<String, String> props, String key) {
        return BitMaxSourceConfig.CONFIG_DEF.validate(props).stream().filter(v -> v.name().equals(key))
                .findFirst().map(ConfigValue::errorMessages).orElseThrow();
    }
}
