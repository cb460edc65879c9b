package dev.bitmaxconnect.client.rest;

import java.util.List;

/** One REST call to make: method, api path (as signed), whether it carries the account group, body (UTF-8 JSON) or query. */
record ApiCall(String method, String apiPath, boolean withGroup, byte[] body, List<String[]> query) {
}
