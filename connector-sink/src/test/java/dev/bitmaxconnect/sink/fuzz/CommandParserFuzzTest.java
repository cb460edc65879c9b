package dev.bitmaxconnect.sink.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitmaxconnect.sink.command.CommandFormatException;
import dev.bitmaxconnect.sink.command.OrderCommand;
import dev.bitmaxconnect.sink.command.OrderCommandParser;
import dev.bitmaxconnect.sink.fuzz.HostileCommands.Mutated;
import dev.bitmaxconnect.sink.validate.CommandValidator;
import dev.bitmaxconnect.sink.validate.Rejection;
import dev.bitmaxconnect.sink.validate.RiskLimits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Property-based fuzzing of the command parser and validator over every input form they accept (JSON
 * text as String, byte[] and ByteBuffer, a schemaless Map, a Connect Struct). Tries per property come from
 * {@code -Dfuzz.tries} (see the module pom).
 */
class CommandParserFuzzTest {

    /** A refusal names its field first: {@code orders[3].price: ...}. */
    private static final Pattern NAMED = Pattern.compile("^(orders\\[\\d+]\\.)?[A-Za-z]+: .+", Pattern.DOTALL);
    /** Messages go to the results topic and log lines: hostile input must not make them huge. */
    private static final int MAX_MESSAGE = 1_000;

    private final OrderCommandParser parser = new OrderCommandParser();
    private final CommandValidator validator = new CommandValidator(HostileCommands.referenceFilters(),
            new RiskLimits(Set.of(), null, null, true, true));

    /** The outcome of parse + validate: the command when it would be sent, else the refusal's message. */
    record Verdict(OrderCommand sendable, String refusal) {
    }

    Verdict verdict(Object value) {
        OrderCommand command;
        try {
            command = parser.parse(value);
        } catch (CommandFormatException e) {
            // Any other exception escapes and fails the property.
            assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(MAX_MESSAGE);
            if (e.field() != null) {
                assertThat(e.getMessage()).startsWith(e.field() + ": ");
            }
            return new Verdict(null, e.getMessage());
        }
        Optional<Rejection> rejection = validator.validate(command);
        if (rejection.isPresent()) {
            assertThat(rejection.get().message()).matches(NAMED).hasSizeLessThanOrEqualTo(MAX_MESSAGE);
            assertThat(rejection.get().reason()).matches("[A-Z_]+");
            return new Verdict(null, rejection.get().message());
        }
        return new Verdict(command, null);
    }

    private void expect(Mutated m, Verdict v) {
        if (!m.mustRefuse()) {
            return;
        }
        assertThat(v.sendable()).as("an invalid command would be sent: %s", m).isNull();
        if (m.field() != null) {
            assertThat(v.refusal()).as("%s", m).contains(m.field());
        }
        if (m.value() != null) {
            assertThat(v.refusal()).as("%s", m).contains(m.value());
        }
    }

    @Property
    void randomBytesGetATypedOutcome(@ForAll @Size(max = 400) byte[] bytes) {
        verdict(bytes);
        verdict(ByteBuffer.wrap(bytes));
        verdict(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Property
    void randomTextGetsATypedOutcome(@ForAll("jsonish") String text) {
        Verdict v = verdict(text);
        Verdict again = verdict(text.getBytes(StandardCharsets.UTF_8));
        assertThat(again.refusal() == null).isEqualTo(v.refusal() == null);
    }

    @Property
    void mutatedJsonTextIsRefusedNamingTheField(@ForAll("mutated") Mutated m) {
        Verdict text = verdict(m.json());
        Statistics.collect(m.kind(), text.sendable() == null ? "refused" : "sendable");
        expect(m, text);
        // UTF-8 bytes carry the same command (a lone surrogate becomes '?', so compare verdicts, not messages).
        byte[] utf8 = m.json().getBytes(StandardCharsets.UTF_8);
        Verdict bytes = verdict(utf8);
        if (new String(utf8, StandardCharsets.UTF_8).equals(m.json())) {
            expect(m, bytes);
        }
        assertThat(bytes.sendable() == null).isEqualTo(text.sendable() == null);
    }

    @Property
    void mutatedSchemalessMapsAreRefusedNamingTheField(@ForAll("mutatedMaps") Mutated m) {
        expect(m, verdict(m.map()));
    }

    @Property
    void hostileStructsGetATypedOutcome(@ForAll("structs") Struct s) {
        Verdict v = verdict(s);
        List<?> orders = s.getArray("orders");
        if (orders != null && orders.size() > CommandValidator.MAX_BATCH
                && s.getString("action").endsWith("-batch")) {
            assertThat(v.sendable()).as("a batch of %s", orders.size()).isNull();
        }
        String qty = s.getString("orderQty");
        if ("place".equals(s.getString("action")) && qty != null && !qty.matches("\\d+(\\.\\d+)?")) {
            assertThat(v.sendable()).as("orderQty %s", qty).isNull();
        }
    }

    @Provide
    Arbitrary<Mutated> mutated() {
        return Arbitraries.longs().map(seed -> HostileCommands.next(new Random(seed)));
    }

    /** Mutations that have a Map form (duplicate keys and spliced text exist only as JSON text). */
    @Provide
    Arbitrary<Mutated> mutatedMaps() {
        return mutated().filter(m -> m.map() != null);
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"action\"", "\"place\"",
                "\"orders\"", "\"orderQty\"", "\"price\"", "\"symbol\"", "\"BTC-PERP\"", "1e99999", "-0", "null",
                "true", "\"\\u0000\"", "\"\\uD800\"", "1.5", "\"\"", " ", "NaN", "\"cancel-batch\"");
        return tokens.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    static final Schema ORDER = SchemaBuilder.struct().name("dev.bitmaxconnect.sink.Order").optional()
            .field("id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("symbol", Schema.OPTIONAL_STRING_SCHEMA)
            .field("side", Schema.OPTIONAL_STRING_SCHEMA)
            .field("orderType", Schema.OPTIONAL_STRING_SCHEMA)
            .field("price", Schema.OPTIONAL_STRING_SCHEMA)
            .field("orderQty", Schema.OPTIONAL_STRING_SCHEMA)
            .field("stopPrice", Schema.OPTIONAL_STRING_SCHEMA)
            .field("postOnly", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("orderId", Schema.OPTIONAL_STRING_SCHEMA)
            .field("origId", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    static final Schema COMMAND = SchemaBuilder.struct().name("dev.bitmaxconnect.sink.OrderCommand")
            .field("action", Schema.STRING_SCHEMA)
            .field("id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("symbol", Schema.OPTIONAL_STRING_SCHEMA)
            .field("side", Schema.OPTIONAL_STRING_SCHEMA)
            .field("orderType", Schema.OPTIONAL_STRING_SCHEMA)
            .field("price", Schema.OPTIONAL_STRING_SCHEMA)
            .field("orderQty", Schema.OPTIONAL_STRING_SCHEMA)
            .field("stopPrice", Schema.OPTIONAL_STRING_SCHEMA)
            .field("postOnly", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("leverage", Schema.OPTIONAL_INT32_SCHEMA)
            .field("orders", SchemaBuilder.array(ORDER).optional().build())
            .build();

    private static final List<String> STRUCT_ACTIONS = List.of("place", "cancel", "cancel-all", "place-batch",
            "cancel-batch", "set-leverage", "set-margin-type", "deposit", "PLACE", "plac\u0435", "");
    private static final List<String> STRUCT_VALUES = List.of("BTC-PERP", "ETH-PERP", "Buy", "sell", "Limit",
            "market", "stop_limit", "0.1", "1", "30000.25", "30000.1", "-1", "0", "1e999999999", "NaN",
            "a177c2a8cfe1U0123456789rder00001", "x-limit", "order000001", " ", "\u0000");

    @Provide
    Arbitrary<Struct> structs() {
        return Arbitraries.longs().map(seed -> struct(new Random(seed)));
    }

    /** A Struct as an Avro or Protobuf converter would hand it over, with hostile or missing values. */
    static Struct struct(Random r) {
        Struct s = new Struct(COMMAND).put("action", STRUCT_ACTIONS.get(r.nextInt(STRUCT_ACTIONS.size())));
        for (String f : List.of("id", "symbol", "side", "orderType", "price", "orderQty", "stopPrice")) {
            s.put(f, structValue(r));
        }
        s.put("leverage", r.nextInt(3) == 0 ? null : r.nextInt(300) - 100);
        s.put("postOnly", r.nextInt(3) == 0 ? null : r.nextBoolean());
        if (r.nextBoolean()) {
            List<Struct> orders = new ArrayList<>();
            int n = r.nextInt(r.nextInt(4) == 0 ? 40 : 12);
            for (int i = 0; i < n; i++) {
                Struct o = new Struct(ORDER);
                for (String f : List.of("id", "symbol", "side", "orderType", "price", "orderQty", "stopPrice",
                        "orderId", "origId")) {
                    o.put(f, structValue(r));
                }
                o.put("postOnly", r.nextInt(3) == 0 ? null : r.nextBoolean());
                orders.add(o);
            }
            s.put("orders", orders);
        }
        return s;
    }

    private static String structValue(Random r) {
        return switch (r.nextInt(10)) {
            case 0, 1, 2 -> null;
            case 3 -> HostileCommands.exotic(r);
            case 4 -> r.nextInt(20) == 0 ? HostileCommands.overlong(r) : Long.toString(r.nextLong());
            default -> STRUCT_VALUES.get(r.nextInt(STRUCT_VALUES.size()));
        };
    }
}
