package dev.bitmaxconnect.client.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One REST call to make: method, api path (as signed), whether it carries the account group, body or query. */
record ApiCall(String method, String apiPath, boolean withGroup, JsonNode body, List<String[]> query) {
}
