package dev.bitmaxconnect.sink.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitmaxconnect.sink.command.CommandFormatException;
import dev.bitmaxconnect.sink.command.OrderCommandParser;
import dev.bitmaxconnect.sink.validate.CommandValidator;
import dev.bitmaxconnect.sink.validate.Rejection;
import dev.bitmaxconnect.sink.validate.RiskLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Inputs the fuzzing turned up (or that it showed would hang), each refused cleanly. */
class HostileInputRegressionTest {

    private final OrderCommandParser parser = new OrderCommandParser();
    private final CommandValidator validator = new CommandValidator(HostileCommands.referenceFilters(),
            new RiskLimits(Set.of(), null, null, true, true));

    private Optional<Rejection> validate(String json) {
        return validator.validate(parser.parse(json));
    }

    private static String place(String fields) {
        return "{\"action\":\"place\",\"symbol\":\"BTC-PERP\",\"side\":\"Buy\",\"orderType\":\"Limit\"," + fields + "}";
    }

    @Test
    void duplicateKeysAreRefusedRatherThanTheLastOneWinning() {
        assertThatThrownBy(() -> parser.parse(place("\"price\":\"30000\",\"orderQty\":\"1\",\"orderQty\":\"1000\"")))
                .isInstanceOf(CommandFormatException.class).hasMessageContaining("Duplicate field 'orderQty'");
        assertThatThrownBy(() -> parser.parse("{\"action\":\"1\",\"action\":\"cancel-all\"}"))
                .isInstanceOf(CommandFormatException.class).hasMessageContaining("'action'");
    }

    @Test
    void absurdExponentsAreRefusedBeforeAnythingComputesWithThem() {
        // Before: 1e999999999 passed the parser; the lot-size remainder and toPlainString then ran for ever.
        for (String v : new String[] {"1e999999999", "1e-999999999", "1E+2147483647", "1e31"}) {
            assertThatThrownBy(() -> parser.parse(place("\"price\":\"30000\",\"orderQty\":\"" + v + "\"")))
                    .isInstanceOf(CommandFormatException.class)
                    .hasMessageStartingWith("orderQty: ")
                    .hasMessageContaining(v);
        }
        assertThatThrownBy(() -> parser.parse(place("\"price\":1e999999999,\"orderQty\":\"1\"")))
                .isInstanceOf(CommandFormatException.class).hasMessageStartingWith("price: ")
                .hasMessageContaining("1E+999999999");
        assertThatThrownBy(() -> parser.parse("{\"action\":\"deposit\",\"asset\":\"USDT\",\"amount\":\"1e-40\"}"))
                .isInstanceOf(CommandFormatException.class).hasMessageStartingWith("amount: ");
        assertThat(validate(place("\"price\":\"30000\",\"orderQty\":\"1e2\""))).isEmpty();
    }

    @Test
    void digitsOfOtherScriptsAreNotReadAsNumbers() {
        // BigDecimal reads "١٢٣" as 123; a price in the wrong script is refused, not guessed.
        assertThatThrownBy(() -> parser.parse(place("\"price\":\"30000\",\"orderQty\":\"\u0661\u0662\"")))
                .isInstanceOf(CommandFormatException.class)
                .hasMessage("orderQty: expected a decimal number, got \"\u0661\u0662\"");
    }

    @Test
    void deeplyNestedValuesAreDescribedWithoutPrintingThem() {
        Object deep = 1L;
        for (int i = 0; i < 20_000; i++) {
            Map<String, Object> wrap = new LinkedHashMap<>();
            wrap.put("a", deep);
            deep = wrap;
        }
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("action", "cancel-all");
        command.put("comment", deep);
        assertThatThrownBy(() -> parser.parse(command)).isInstanceOf(CommandFormatException.class)
                .hasMessage("comment: unknown field (value an object with 1 field); a misspelt field is refused "
                        + "rather than ignored");
        command.remove("comment");
        command.put("symbol", deep);
        assertThatThrownBy(() -> parser.parse(command)).isInstanceOf(CommandFormatException.class)
                .hasMessage("symbol: expected a string, got an object with 1 field");
    }

    @Test
    void refusalsOfOverlongValuesStayShort() {
        String symbol = "X".repeat(100_000);
        Optional<Rejection> r = validate("{\"action\":\"cancel-all\",\"symbol\":\"" + symbol + "\"}");
        assertThat(r).get().extracting(Rejection::reason).isEqualTo("UNKNOWN_SYMBOL");
        assertThat(r.get().message()).startsWith("symbol: \"XXX").hasSizeLessThan(200);

        assertThatThrownBy(() -> parser.parse("{\"action\":\"place\",\"x\":" + "t".repeat(50_000) + "}"))
                .isInstanceOf(CommandFormatException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
    }

    @Test
    void orderIdsAndAssetsMustLookLikeThem() {
        assertThat(validate("{\"action\":\"cancel\",\"symbol\":\"BTC-PERP\",\"orderId\":\""
                + "a177c2a8cfe1U0123456789rder0000\\u0000\"}"))
                .get().extracting(Rejection::reason).isEqualTo("INVALID_ORDER_ID");
        assertThat(validate("{\"action\":\"deposit\",\"asset\":\"" + "U".repeat(5_000) + "\",\"amount\":\"1\"}"))
                .get().extracting(Rejection::reason).isEqualTo("INVALID_ASSET");
        assertThat(validate("{\"action\":\"deposit\",\"asset\":\"USDT\",\"amount\":\"1\"}")).isEmpty();
    }

    @Test
    void positionStopPricesMustBePositivePrices() {
        assertThat(validate(place("\"price\":\"30000\",\"orderQty\":\"1\",\"posStopLossPrice\":\"-5\"")))
                .get().extracting(Rejection::reason, Rejection::message)
                .containsExactly("INVALID_PRICE", "posStopLossPrice: -5 must be positive");
        assertThat(validate(place("\"price\":\"30000\",\"orderQty\":\"1\",\"posTakeProfitPrice\":\"0\"")))
                .get().extracting(Rejection::message).isEqualTo("posTakeProfitPrice: 0 must be positive");
    }
}
