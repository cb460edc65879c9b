package dev.bitmaxconnect.simulator.engine;

import dev.bitmaxconnect.simulator.SimulatorDefaults;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Validates one order placement (REST single, REST batch item or WebSocket args) and computes its orderId with the
 * reference's algorithm: prefix + hex(time) + userUID + right 9 chars of the client id (or 9 random ones).
 */
public final class OrderRequestParser {

    private static final Pattern CLIENT_ID = Pattern.compile("^\\w[\\w\\-]*\\w$");
    private static final Pattern LETTERS_AND_DIGITS = Pattern.compile("[A-Za-z0-9]+");
    private static final String RANDOM_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Map<String, Contract> contracts;
    private final Random idRandom;

    OrderRequestParser(Map<String, Contract> contracts, long seed) {
        this.contracts = contracts;
        this.idRandom = new Random(seed * 31 + 7);
    }

    /**
     * @param node the order's fields, null when the order is not an object
     * @param prefix {@code 'a'} for REST, {@code 's'} for WebSocket
     * @param fallbackId the WebSocket request's top-level id, used when args carry none (null for REST)
     */
    OrderRequest parse(RequestFields node, String userUid, char prefix, String fallbackId, long now)
            throws ExchangeException {
        if (node == null) {
            throw new ExchangeException(ErrorCode.INVALID_REQUEST_DATA, "Order must be a JSON object");
        }
        String clientId = node.text("id");
        if (clientId == null || clientId.isEmpty()) {
            clientId = fallbackId == null ? "" : fallbackId;
        }
        checkClientId(clientId);
        long time = requestTime(node, now);
        Contract contract = contract(node);
        String sideText = node.text("side");
        Side side = Side.parse(sideText);
        if (side == null) {
            throw new ExchangeException(ErrorCode.INVALID_SIDE, "Invalid side: '" + sideText + "' (Buy or Sell)");
        }
        String typeText = node.text("orderType");
        OrderType type = OrderType.parse(typeText);
        if (type == null) {
            throw new ExchangeException(ErrorCode.INVALID_TYPE,
                    "Invalid orderType: '" + typeText + "' (Limit, Market, StopLimit or StopMarket)");
        }
        BigDecimal qty = decimal(node, "orderQty", ErrorCode.INVALID_QTY);
        if (qty == null) {
            throw new ExchangeException(ErrorCode.INVALID_QTY, "orderQty is required");
        }
        if (qty.compareTo(contract.minQty()) < 0 || qty.compareTo(contract.maxQty()) > 0) {
            throw new ExchangeException(ErrorCode.INVALID_QTY, "Invalid orderQty: " + qty.toPlainString()
                    + " is outside [" + contract.minQty().toPlainString() + ", " + contract.maxQty().toPlainString()
                    + "]");
        }
        long lots = contract.lotsOf(qty);
        if (lots <= 0) {
            throw new ExchangeException(ErrorCode.INVALID_QTY, "Invalid orderQty: " + qty.toPlainString()
                    + " is not a multiple of the lot size " + contract.lotSize().toPlainString());
        }
        BigDecimal price = node.text("price") != null
                ? decimal(node, "price", ErrorCode.INVALID_PRICE) : decimal(node, "orderPrice", ErrorCode.INVALID_PRICE);
        long priceTicks = 0;
        if (type.hasLimitPrice()) {
            if (price == null) {
                throw new ExchangeException(ErrorCode.INVALID_PRICE, "price is required for " + type.wire + " orders");
            }
            priceTicks = priceTicks(contract, price, "price");
        }
        BigDecimal stopPrice = decimal(node, "stopPrice", ErrorCode.INVALID_PRICE);
        long stopTicks = 0;
        if (type.isStop()) {
            if (stopPrice == null) {
                throw new ExchangeException(ErrorCode.INVALID_ORDER_PARAMETER,
                        "stopPrice is required for " + type.wire + " orders");
            }
            stopTicks = priceTicks(contract, stopPrice, "stopPrice");
        }
        String tifText = node.text("timeInForce");
        TimeInForce tif = TimeInForce.parse(tifText);
        if (tif == null) {
            throw new ExchangeException(ErrorCode.INVALID_TIME_IN_FORCE,
                    "Invalid timeInForce: '" + tifText + "' (GTC, IOC or FOK)");
        }
        String respText = node.text("respInst");
        RespInst respInst = RespInst.parse(respText);
        if (respInst == null) {
            throw new ExchangeException(ErrorCode.INVALID_REQUEST_DATA,
                    "Invalid respInst: '" + respText + "' (ACK, ACCEPT or DONE)");
        }
        boolean postOnly = bool(node, "postOnly");
        String execInst = node.text("execInst");
        if (execInst == null || execInst.isEmpty()) {
            execInst = "NULL_VAL";
        }
        String normalizedInst = EnumText.normalize(execInst);
        if (normalizedInst.startsWith("post")) {
            postOnly = true;
        }
        boolean reduceOnly = normalizedInst.contains("reduce");
        if (postOnly && execInst.equals("NULL_VAL")) {
            execInst = "Post";
        }
        if (postOnly && type != OrderType.LIMIT && type != OrderType.STOP_LIMIT) {
            throw new ExchangeException(ErrorCode.INVALID_ORDER_PARAMETER, "postOnly is only valid for limit orders");
        }
        String orderId = orderId(prefix, time, userUid, clientId);
        return new OrderRequest(orderId, clientId, time, contract, side, type, priceTicks, stopTicks, lots, tif,
                postOnly, reduceOnly, execInst, respInst, price, stopPrice, qty);
    }

    /** orderId = A + hex(time) + userUID + D (the reference's "Generate Order Id"). */
    String orderId(char prefix, long time, String userUid, String clientId) {
        String tail;
        if (clientId.length() >= 9 && LETTERS_AND_DIGITS.matcher(clientId).matches()) {
            tail = clientId.substring(clientId.length() - 9);
        } else {
            char[] chars = new char[9];
            synchronized (idRandom) {
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = RANDOM_CHARS.charAt(idRandom.nextInt(RANDOM_CHARS.length()));
                }
            }
            tail = new String(chars);
        }
        return prefix + Long.toHexString(time) + userUid + tail;
    }

    public static void checkClientId(String clientId) throws ExchangeException {
        if (clientId.isEmpty()) {
            return;
        }
        if (clientId.length() > 32) {
            throw new ExchangeException(ErrorCode.INVALID_ORDER_ID,
                    "Invalid Client Order id: '" + clientId + "' is longer than 32 characters");
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new ExchangeException(ErrorCode.INVALID_ORDER_ID, "Invalid Client Order id: '" + clientId
                    + "' must start and end with a word character and hold only word characters and '-'");
        }
    }

    /** The request's {@code time}, refused when missing or more than 30 s away from server time. */
    public static long requestTime(RequestFields node, long now) throws ExchangeException {
        String time = node.text("time");
        if (time == null) {
            throw new ExchangeException(ErrorCode.INVALID_TIMESTAMP, "time is required");
        }
        Long integer = node.integer("time");
        long value;
        if (integer != null) {
            value = integer;
        } else if (time.matches("\\d{1,19}")) {
            value = Long.parseLong(time);
        } else {
            throw new ExchangeException(ErrorCode.INVALID_TIMESTAMP, "Invalid time: '" + time
                    + "' (milliseconds since the epoch)");
        }
        if (Math.abs(now - value) > SimulatorDefaults.TIME_WINDOW_MILLIS) {
            throw new ExchangeException(ErrorCode.INVALID_TIMESTAMP, "Invalid time: " + value
                    + " is more than 30 seconds away from server time " + now);
        }
        return value;
    }

    Contract contract(RequestFields node) throws ExchangeException {
        String symbol = node.text("symbol");
        Contract contract = symbol == null ? null : contracts.get(symbol);
        if (contract == null) {
            throw new ExchangeException(ErrorCode.INVALID_PRODUCT, "Invalid Product Symbol: '" + symbol + "'");
        }
        return contract;
    }

    private static long priceTicks(Contract contract, BigDecimal price, String field) throws ExchangeException {
        if (price.compareTo(contract.minPrice()) < 0 || price.compareTo(contract.maxPrice()) > 0) {
            throw new ExchangeException(ErrorCode.INVALID_PRICE, "Invalid " + field + ": " + price.toPlainString()
                    + " is outside [" + contract.minPrice().toPlainString() + ", " + contract.maxPrice().toPlainString()
                    + "]");
        }
        long ticks = contract.ticksOf(price);
        if (ticks <= 0) {
            throw new ExchangeException(ErrorCode.TICK_SIZE_VIOLATION, "Invalid " + field + ": "
                    + price.toPlainString() + " is not a multiple of the tick size "
                    + contract.tickSize().toPlainString());
        }
        return ticks;
    }

    private static boolean bool(RequestFields node, String field) {
        return Boolean.parseBoolean(node.text(field));
    }

    /** The field as a decimal number, or null when absent; refused with {@code error} when not a number. */
    public static BigDecimal decimal(RequestFields node, String field, ErrorCode error) throws ExchangeException {
        String value = node.text(field);
        if (value == null) {
            return null;
        }
        String text = value.trim();
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ExchangeException(error, "Invalid " + field + ": '" + text + "' is not a decimal number");
        }
    }
}
