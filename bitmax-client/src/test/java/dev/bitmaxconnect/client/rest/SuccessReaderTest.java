package dev.bitmaxconnect.client.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.client.json.BitMaxJson;
import dev.bitmaxconnect.client.model.AccountInfo;
import dev.bitmaxconnect.client.model.BatchOrderResult;
import dev.bitmaxconnect.client.model.CollateralAsset;
import dev.bitmaxconnect.client.model.FreeMargin;
import dev.bitmaxconnect.client.model.FuturesContract;
import dev.bitmaxconnect.client.model.FuturesPosition;
import dev.bitmaxconnect.client.model.FuturesPricing;
import dev.bitmaxconnect.client.model.LeverageChange;
import dev.bitmaxconnect.client.model.OrderInfo;
import dev.bitmaxconnect.client.model.OrderResult;
import dev.bitmaxconnect.client.testing.Examples;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reading of a successful answer gives what the tree gave ({@link #throughTree}, the reading it
 * replaces on the common path), or nothing, and then the tree reads it as before: for every answer of the reference
 * and for many variants of the order answers (fields moved, unknown fields, error codes, missing or misshapen data,
 * fractional numbers, broken text).
 */
class SuccessReaderTest {
    private static final ObjectMapper MAPPER = BitMaxJson.mapper();
    private static final SuccessReader READER = new SuccessReader(MAPPER);

    private static final Map<String, JavaType> ANSWERS = Map.ofEntries(
        Map.entry("account-info--account-info-sample-response.json", type(AccountInfo.class)),
        Map.entry("cancel-batch-orders--cancel-batch-orders-successful-ack-response-status-200-code-0.json",
            type(BatchOrderResult.class)),
        Map.entry("cancel-order--response.json", type(OrderResult.class)),
        Map.entry("change-contract-leverage--response.json", type(LeverageChange.class)),
        Map.entry("free-margin--response.json", type(FreeMargin.class)),
        Map.entry("futures-collateral-asset-info--response-futures-collateral-asset-info.json", listOf(CollateralAsset.class)),
        Map.entry("futures-contracts-info--response-futures-contracts-info.json", listOf(FuturesContract.class)),
        Map.entry("futures-pricing-data--requesting-pricing-data-for-all-futures-contract.json", type(FuturesPricing.class)),
        Map.entry("list-current-history-orders--successful-response-status-200-code-0.json", listOf(OrderInfo.class)),
        Map.entry("list-open-orders--response.json", listOf(OrderInfo.class)),
        Map.entry("new-order--response.json", type(OrderResult.class)),
        Map.entry("place-batch-orders--place-batch-orders-successful-ack-response-status-200-code-0.json",
            type(BatchOrderResult.class)),
        Map.entry("position--response.json", type(FuturesPosition.class)),
        Map.entry("query-order-by-id--successful-response-status-200-code-0.json", type(OrderInfo.class)),
        Map.entry("query-order-by-id--successful-response-status-200-code-0-2.json", listOf(OrderInfo.class)));

    private static final List<String> ORDER_ANSWERS = List.of("new-order--response.json", "cancel-order--response.json",
        "place-batch-orders--place-batch-orders-successful-ack-response-status-200-code-0.json",
        "cancel-batch-orders--cancel-batch-orders-successful-ack-response-status-200-code-0.json");

    @Test
    void everyAnswerOfTheReferenceReadsAsThroughTheTree() {
        ANSWERS.forEach((file, type) -> assertSameAsTree(Examples.text(file), type));
        for (String file : ORDER_ANSWERS) {
            assertThat(READER.<Object>read(Examples.text(file), ANSWERS.get(file))).as(file).isNotNull();
        }
    }

    @Test
    void variantsOfTheOrderAnswersReadAsThroughTheTreeOrGoThroughIt() throws Exception {
        Random rnd = new Random(20261129L);
        int oneStep = 0;
        for (int i = 0; i < 4_000; i++) {
            String file = ORDER_ANSWERS.get(rnd.nextInt(ORDER_ANSWERS.size()));
            String body = variant(rnd, (ObjectNode) Examples.json(file));
            if (assertSameAsTree(body, ANSWERS.get(file))) {
                oneStep++;
            }
        }
        assertThat(oneStep).as("answers read in one pass").isGreaterThan(500);
    }

    @Test
    void whatTheTreeMustDecideIsLeftToIt() {
        JavaType order = ANSWERS.get("new-order--response.json");
        JavaType list = listOf(OrderInfo.class);
        String data = "{\"meta\":{\"id\":\"x\"}}";
        assertThat(READER.<Object>read("{\"code\":0,\"data\":" + data + "}", order)).isNotNull();
        for (String body : List.of("{\"code\":300011,\"data\":" + data + "}", "{\"data\":" + data + "}",
            "{\"code\":0,\"data\":null}", "{\"code\":0}", "{\"code\":0.0,\"data\":" + data + "}",
            "{\"code\":\"0\",\"data\":" + data + "}", "{\"code\":4294967296,\"data\":" + data + "}",
            "{\"code\":0,\"data\":[" + data + "]}", "{\"code\":0,\"data\":{\"meta\":{\"id\":1.50}}}",
            "{\"code\":0,\"data\":" + data + ",\"data\":" + data + "}", "{\"code\":0,\"data\":{\"meta\":[1]}}",
            "{\"code\":0,\"data\":{\"meta\"", "not json", "", "[]")) {
            assertThat(READER.<Object>read(body, order)).as(body).isNull();
        }
        assertThat(READER.<Object>read("{\"code\":0,\"data\":{\"orderId\":\"a\"}}", list)).isNull();
        assertThat(READER.<List<?>>read("{\"code\":0,\"data\":[{\"orderId\":\"a\"}]}", list)).hasSize(1);
    }

    /** True when the answer was read in one pass; either way the data is what the tree gives. */
    private static boolean assertSameAsTree(String body, JavaType type) {
        Object fast = READER.read(body, type);
        Object tree;
        try {
            tree = throughTree(body, type);
        } catch (RuntimeException e) {
            assertThat(fast).as("the tree refuses %s: %s", body, e.getMessage()).isNull();
            return false;
        }
        if (fast != null) {
            assertThat(fast).as(body).isEqualTo(tree);
        }
        return fast != null;
    }

    /** How a successful answer's data was read before: the whole answer as a tree, then its data converted. */
    private static Object throughTree(String body, JavaType type) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (root == null || !root.path("code").isNumber() || root.path("code").asInt() != 0) {
            throw new IllegalArgumentException("not a success");
        }
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            if (!type.isCollectionLikeType()) {
                throw new IllegalArgumentException("no data");
            }
            data = MAPPER.createArrayNode();
        }
        if (type.isCollectionLikeType() && data.isObject()) {
            data = MAPPER.createArrayNode().add(data);
        } else if (!type.isCollectionLikeType() && data.isArray() && data.size() == 1) {
            data = data.get(0);
        }
        return MAPPER.convertValue(data, type);
    }

    // ---------------------------------------------------------------- variants

    private static String variant(Random rnd, ObjectNode answer) throws Exception {
        ObjectNode root = answer.deepCopy();
        switch (rnd.nextInt(10)) {
            case 0 -> root.put("code", rnd.nextInt(3) == 0 ? 0 : 300000 + rnd.nextInt(100));
            case 1 -> root.remove("data");
            case 2 -> root.putNull("data");
            case 3 -> root.set("data", MAPPER.createArrayNode().add(root.get("data")));
            case 4 -> root.set("data", MAPPER.createArrayNode());
            default -> {
                // the common case: the same answer in another order, with unknown fields
            }
        }
        mutate(rnd, root, 0);
        String text = MAPPER.writeValueAsString(shuffled(rnd, root));
        if (rnd.nextInt(40) == 0) {
            text = text.substring(0, rnd.nextInt(text.length()));
        } else if (rnd.nextInt(40) == 0) {
            text = "{\"data\":" + MAPPER.writeValueAsString(root.get("data")) + "," + text.substring(1); // data twice
        }
        return text;
    }

    /** Unknown fields (some fractional), and now and then a fractional number or an integer where the model has text. */
    private static void mutate(Random rnd, JsonNode node, int depth) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = o.get(name);
                if (child.isTextual() && rnd.nextInt(60) == 0) {
                    o.put(name, rnd.nextBoolean() ? new BigDecimal("1.50") : BigDecimal.TEN);
                } else {
                    mutate(rnd, child, depth + 1);
                }
            }
            if (rnd.nextInt(4) == 0) {
                ObjectNode extra = o.putObject("x" + rnd.nextInt(100));
                extra.put("f", "1.25").putArray("a").add(7).add(1.25).add("s").addObject().put("n", 3);
            }
            if (rnd.nextInt(4) == 0) {
                String name = "y" + rnd.nextInt(100);
                if (rnd.nextInt(40) == 0) {
                    o.put(name, 2.50);
                } else {
                    o.put(name, rnd.nextInt());
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (Iterator<JsonNode> it = a.elements(); it.hasNext(); ) {
                mutate(rnd, it.next(), depth + 1);
            }
        }
    }

    private static JsonNode shuffled(Random rnd, JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            Collections.shuffle(names, rnd);
            ObjectNode out = MAPPER.createObjectNode();
            for (String name : names) {
                out.set(name, shuffled(rnd, o.get(name)));
            }
            return out;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = MAPPER.createArrayNode();
            a.forEach(e -> out.add(shuffled(rnd, e)));
            return out;
        }
        return node;
    }

    private static JavaType type(Class<?> c) {
        return MAPPER.getTypeFactory().constructType(c);
    }

    private static JavaType listOf(Class<?> c) {
        return MAPPER.getTypeFactory().constructCollectionType(List.class, c);
    }
}
