package dev.bitmaxconnect.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.bitmaxconnect.simulator.engine.Account;
import dev.bitmaxconnect.simulator.json.JsonFields;
import java.io.IOException;
import org.eclipse.jetty.util.Fields;

/** One authenticated call of a private endpoint; the body is parsed when an endpoint first asks for it. */
final class RestCall {

    final Account account;
    final String method;
    final Fields query;
    final long now;
    private final String bodyText;
    private final ObjectMapper json;
    private JsonNode body;

    RestCall(Account account, String method, Fields query, String bodyText, long now, ObjectMapper json) {
        this.account = account;
        this.method = method;
        this.query = query;
        this.bodyText = bodyText;
        this.now = now;
        this.json = json;
    }

    /** The body as JSON: an empty object when there is none. */
    JsonNode body() throws IOException {
        if (body == null) {
            if (bodyText == null || bodyText.isBlank()) {
                body = json.createObjectNode();
            } else {
                JsonNode node = json.readTree(bodyText);
                body = node == null ? NullNode.getInstance() : node;
            }
        }
        return body;
    }

    /** The body's fields (none when it is not an object). */
    JsonFields fields() throws IOException {
        return JsonFields.of(body());
    }
}
