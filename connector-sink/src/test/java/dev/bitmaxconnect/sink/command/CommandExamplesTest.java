package dev.bitmaxconnect.sink.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.sink.validate.CommandValidator;
import dev.bitmaxconnect.sink.validate.ContractFilter;
import dev.bitmaxconnect.sink.validate.ContractFilters;
import dev.bitmaxconnect.sink.validate.RiskLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The documented command examples and the Avro schema agree with the parser and the validator. */
class CommandExamplesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private final ObjectMapper json = new ObjectMapper();

    private static ContractFilter contract(String symbol, String tick, String lot) {
        return new ContractFilter(symbol, "Normal", new BigDecimal(tick), new BigDecimal("1000000"),
                new BigDecimal(tick), new BigDecimal(lot), new BigDecimal("1000000000"), new BigDecimal(lot));
    }

    @Test
    void everyExampleParsesAndPassesValidation() throws IOException {
        ContractFilters filters = new ContractFilters();
        filters.replace(List.of(contract("BTC-PERP", "0.25", "0.0001"), contract("ETH-PERP", "0.01", "0.001")));
        CommandValidator validator = new CommandValidator(filters, new RiskLimits(Set.of(), null, null, true, true));
        Set<CommandAction> seen = new HashSet<>();
        try (Stream<Path> files = Files.list(RESOURCES.resolve("command-examples"))) {
            for (Path file : files.toList()) {
                OrderCommand c = new OrderCommandParser().parse(Files.readString(file));
                assertThat(validator.validate(c)).as(file.toString()).isEmpty();
                seen.add(c.action());
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(CommandAction.values());
    }

    @Test
    void avroSchemaCarriesEveryFieldTheParserReads() throws IOException {
        JsonNode schema = json.readTree(RESOURCES.resolve("order-command.avsc").toFile());
        Set<String> top = names(schema.get("fields"));
        assertThat(top).containsAll(OrderCommandParser.ORDER_FIELDS.stream().filter(f -> !f.equals("orderPrice")).toList())
                .containsAll(OrderCommandParser.CANCEL_FIELDS)
                .contains("action", "orders", "leverage", "marginType", "asset", "amount");
        JsonNode orders = null;
        for (JsonNode f : schema.get("fields")) {
            if (f.get("name").asText().equals("orders")) {
                orders = f.get("type").get(1).get("items");
            }
        }
        assertThat(orders).isNotNull();
        assertThat(names(orders.get("fields"))).containsAll(OrderCommandParser.CANCEL_FIELDS)
                .containsAll(OrderCommandParser.ORDER_FIELDS.stream().filter(f -> !f.equals("orderPrice")).toList());
    }

    private static Set<String> names(JsonNode fields) {
        Set<String> out = new HashSet<>();
        for (Iterator<JsonNode> it = fields.elements(); it.hasNext(); ) {
            out.add(it.next().get("name").asText());
        }
        return out;
    }
}
