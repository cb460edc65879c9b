package dev.bitmaxconnect.simulator.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitmaxconnect.simulator.AccountSpec;
import dev.bitmaxconnect.simulator.Faults;
import dev.bitmaxconnect.simulator.GroundTruth;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.simulator.auth.Authenticator;
import dev.bitmaxconnect.simulator.engine.Account;
import dev.bitmaxconnect.simulator.engine.AccountOperations;
import dev.bitmaxconnect.simulator.engine.Contract;
import dev.bitmaxconnect.simulator.engine.ErrorCode;
import dev.bitmaxconnect.simulator.engine.Exchange;
import dev.bitmaxconnect.simulator.engine.ExchangeException;
import dev.bitmaxconnect.simulator.engine.OrderRequestParser;
import dev.bitmaxconnect.simulator.engine.RequestFields;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The exchange's REST API: public endpoints, account info, and the private futures endpoints of one group. */
public final class RestHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(RestHandler.class);
    private static final Pattern PRIVATE_PATH = Pattern.compile("^/(\\d+)/api/pro/(v2/futures/[\\w/\\-]+)$");
    private static final String PUBLIC_PREFIX = "/api/pro/v2/futures/";

    /** The permission a private endpoint needs. */
    private enum Permission {
        VIEW("view", AccountSpec::viewPermission),
        TRADE("trade", AccountSpec::tradePermission),
        TRANSFER("transfer", AccountSpec::transferPermission);

        private final String name;
        private final Predicate<AccountSpec> granted;

        Permission(String name, Predicate<AccountSpec> granted) {
            this.name = name;
            this.granted = granted;
        }

        void require(Account account) throws ExchangeException {
            if (!granted.test(account.spec())) {
                throw new ExchangeException(ErrorCode.PERMISSION_DENIED, "The API key has no " + name + " permission");
            }
        }
    }

    /** Answers one call of a private endpoint. */
    @FunctionalInterface
    interface Endpoint {
        ObjectNode handle(RestCall call) throws Exception;
    }

    /** A change of the account made from the request's fields. */
    @FunctionalInterface
    private interface AccountChange {
        void apply(Account account, RequestFields body, long now) throws ExchangeException;
    }

    private record Route(Permission permission, Endpoint endpoint) {
    }

    /** Signals that the response is to be lost: the connection is dropped instead. */
    static final class DropConnection extends Exception {
        DropConnection() {
            super(null, null, false, false);
        }
    }

    private final Faults.Effects faults;
    private final GroundTruth.Recorder truth;
    private final Authenticator authenticator;
    private final AdminHandler admin;
    private final ObjectMapper json;
    private final RestBodies bodies;
    /** Public endpoints by path after {@link #PUBLIC_PREFIX} (GET, no authentication). */
    private final Map<String, Supplier<ObjectNode>> publicRoutes;
    /** Private endpoints by method and path after {@code v2/futures/}, e.g. {@code "POST order/batch"}. */
    private final Map<String, Route> routes = new LinkedHashMap<>();

    public RestHandler(Exchange exchange, Faults.Effects faults, GroundTruth.Recorder truth,
                       Authenticator authenticator, AdminHandler admin, ObjectMapper json) {
        this.faults = faults;
        this.truth = truth;
        this.authenticator = authenticator;
        this.admin = admin;
        this.json = json;
        this.bodies = new RestBodies(json, exchange);
        this.publicRoutes = Map.of("contract", bodies::contracts, "collateral", bodies::collaterals,
                "pricing-data", bodies::pricingData);
        AccountOperations accounts = exchange.accountOperations();
        OrderEndpoints orders = new OrderEndpoints(exchange, faults, bodies);
        route("GET position", Permission.VIEW,
                call -> bodies.position(accounts.snapshot(call.account, "", call.now)));
        route("GET free-margin", Permission.VIEW, call -> bodies.freeMargin(accounts.freeMargin(call.account)));
        route("POST isolated-position-margin", Permission.TRADE, change((account, body, now) ->
                accounts.changeIsolatedMargin(account, body.text("symbol"), amount(body), now)));
        route("POST margin-type", Permission.TRADE, change((account, body, now) ->
                accounts.changeMarginType(account, body.text("symbol"), body.text("marginType"), now)));
        route("POST leverage", Permission.TRADE, call -> {
            RequestFields body = call.fields();
            Contract contract = exchange.contract(body.text("symbol"));
            int leverage = leverage(body);
            accounts.changeLeverage(call.account, contract.symbol(), leverage, call.now);
            ObjectNode result = bodies.ok();
            result.putObject("data").put("leverage", leverage).put("symbol", contract.symbol());
            return result;
        });
        route("POST transfer/deposit", Permission.TRANSFER, change((account, body, now) ->
                accounts.deposit(account, body.text("asset"), amount(body), now)));
        route("POST transfer/withdraw", Permission.TRANSFER, change((account, body, now) ->
                accounts.withdraw(account, body.text("asset"), amount(body), now)));
        route("POST order", Permission.TRADE, orders::place);
        route("DELETE order", Permission.TRADE, orders::cancel);
        route("POST order/batch", Permission.TRADE, orders::placeBatch);
        route("DELETE order/batch", Permission.TRADE, orders::cancelBatch);
        route("DELETE order/all", Permission.TRADE, orders::cancelAll);
        route("GET order/open", Permission.VIEW, orders::open);
        route("POST order/open", Permission.VIEW, orders::open);
        route("GET order/hist/current", Permission.VIEW, orders::history);
        route("GET order/status", Permission.VIEW, orders::status);
    }

    private void route(String endpoint, Permission permission, Endpoint handler) {
        routes.put(endpoint, new Route(permission, handler));
    }

    /** An endpoint that changes the account from the body's fields and answers {@code {"code":0}}. */
    private Endpoint change(AccountChange change) {
        return call -> {
            change.apply(call.account, call.fields(), call.now);
            return bodies.ok();
        };
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (path.startsWith(SimulatorDefaults.ADMIN_PREFIX + "/") || path.equals(SimulatorDefaults.ADMIN_PREFIX)) {
            return admin.handle(path, request, response, callback);
        }
        truth.restRequest();
        // Read the whole body before any answer: a response written over unread content makes Jetty close the
        // connection, and a client reusing it would fail on its next request.
        String bodyText = Content.Source.asString(request, StandardCharsets.UTF_8);
        faults.sleepForDelay();
        Faults.RestFailure failure = faults.takeRestFailure();
        if (failure != null) {
            write(response, callback, failure.httpStatus(), bodies.error(failure.bitmaxCode(),
                    ErrorCode.reasonOf(failure.bitmaxCode()), "Simulated failure (fault switch)"));
            return true;
        }
        String hostile = faults.takeHostileRestBody();
        if (hostile != null) {
            write(response, callback, 200, hostile.getBytes(StandardCharsets.UTF_8));
            return true;
        }
        ObjectNode body;
        int status = 200;
        try {
            body = route(path, request, bodyText);
            if (body == null) {
                status = 404;
                body = bodies.error(ErrorCode.INVALID_HTTP_INPUT.code(), "INVALID_HTTP_INPUT",
                        "No endpoint " + request.getMethod() + " " + path);
            }
        } catch (ExchangeException e) {
            truth.rejected();
            body = bodies.error(e.code(), e.reason(), e.getMessage());
        } catch (JsonProcessingException e) {
            truth.rejected();
            body = bodies.error(ErrorCode.INVALID_JSON_FORMAT.code(), "INVALID_JSON_FORMAT",
                    "Request body is not valid JSON: " + e.getOriginalMessage());
        } catch (DropConnection e) {
            LOG.info("Fault: order applied, connection dropped before the response of {} {}", request.getMethod(), path);
            // the endpoint is closed first, so completing the callback writes nothing
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.succeeded();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Request {} {} failed: {}", request.getMethod(), path, e.toString(), e);
            status = 500;
            body = bodies.error(ErrorCode.SERVER_ERROR.code(), "SERVER_ERROR", "Internal error: " + e);
        }
        write(response, callback, status, json.writeValueAsBytes(body));
        return true;
    }

    private static void write(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private void write(Response response, Callback callback, int status, ObjectNode body) throws IOException {
        write(response, callback, status, json.writeValueAsBytes(body));
    }

    /** The answer of the endpoint at {@code path}, or null when there is none. */
    private ObjectNode route(String path, Request request, String bodyText) throws Exception {
        String method = request.getMethod();
        long now = System.currentTimeMillis();
        if (path.startsWith(PUBLIC_PREFIX) && method.equals("GET")) {
            Supplier<ObjectNode> endpoint = publicRoutes.get(path.substring(PUBLIC_PREFIX.length()));
            return endpoint == null ? null : endpoint.get();
        }
        if (path.equals("/api/pro/v2/account/info") && method.equals("GET")) {
            return bodies.accountInfo(authenticate(request, "v2/account/info", now));
        }
        Matcher matcher = PRIVATE_PATH.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        String apiPath = matcher.group(2);
        Route route = routes.get(method + " " + apiPath.substring("v2/futures/".length()));
        if (route == null) {
            return null;
        }
        Account account = authenticate(request, apiPath, now);
        Authenticator.requireGroup(account, Integer.parseInt(matcher.group(1)), ErrorCode.ACCOUNT_NOT_FOUND);
        route.permission().require(account);
        return route.endpoint().handle(new RestCall(account, method, Request.extractQueryParameters(request),
                bodyText, now, json));
    }

    private Account authenticate(Request request, String apiPath, long now) throws ExchangeException {
        var headers = request.getHeaders();
        return authenticator.authenticate(headers.get("x-auth-key"), headers.get("x-auth-timestamp"),
                headers.get("x-auth-signature"), apiPath, now);
    }

    private static BigDecimal amount(RequestFields body) throws ExchangeException {
        return OrderRequestParser.decimal(body, "amount", ErrorCode.INVALID_ARGUMENT);
    }

    private static int leverage(RequestFields body) throws ExchangeException {
        String value = body.text("leverage");
        if (value == null) {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT, "leverage is required");
        }
        String text = value.trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ExchangeException(ErrorCode.INVALID_ARGUMENT,
                    "Invalid leverage: '" + text + "' (an integer from 1 to 100)");
        }
    }
}
