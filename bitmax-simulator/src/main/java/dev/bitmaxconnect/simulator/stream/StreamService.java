package dev.bitmaxconnect.simulator.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitmaxconnect.simulator.Faults;
import dev.bitmaxconnect.simulator.GroundTruth;
import dev.bitmaxconnect.simulator.auth.Authenticator;
import dev.bitmaxconnect.simulator.engine.Account;
import dev.bitmaxconnect.simulator.engine.ErrorCode;
import dev.bitmaxconnect.simulator.engine.Exchange;
import dev.bitmaxconnect.simulator.engine.ExchangeException;
import dev.bitmaxconnect.simulator.json.JsonFields;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The WebSocket protocol: sessions, authentication, keep-alive, and the ops a client sends. */
public final class StreamService {

    private static final Logger LOG = LoggerFactory.getLogger(StreamService.class);
    private static final Pattern STREAM_PATH = Pattern.compile("^(?:/(\\d+))?/api/pro/v2/stream$");
    /** Health points of a fresh session; each unanswered server ping takes one, none left means disconnect. */
    private static final int FULL_HEALTH = 2;

    private final Faults.Effects faults;
    private final GroundTruth.Recorder truth;
    private final Authenticator authenticator;
    private final String signedPath;
    private final long pingIntervalNanos;
    private final LongAdder missedPingDisconnects = new LongAdder();
    private final boolean compression;
    private final ObjectMapper json;
    private final StreamHub hub;
    private final Subscriptions subscriptions;
    private final StreamRequests requests;

    public StreamService(Exchange exchange, StreamHub hub, Faults.Effects faults, GroundTruth.Recorder truth,
                         Authenticator authenticator, String signedPath, Duration pingInterval, boolean compression,
                         ObjectMapper json) {
        this.faults = faults;
        this.truth = truth;
        this.authenticator = authenticator;
        this.signedPath = signedPath;
        this.pingIntervalNanos = pingInterval.toNanos();
        this.compression = compression;
        this.json = json;
        this.hub = hub;
        this.subscriptions = new Subscriptions(hub, exchange.contracts());
        this.requests = new StreamRequests(exchange, faults, truth);
    }

    /** Creates a session for each upgrade; refuses the upgrade when auth headers are present but wrong. */
    public WebSocketCreator creator() {
        return (request, response, callback) -> {
            faults.sleepForDelay(); // the upgrade is an answer too
            Matcher matcher = STREAM_PATH.matcher(Request.getPathInContext(request));
            Integer group = matcher.matches() && matcher.group(1) != null ? Integer.valueOf(matcher.group(1)) : null;
            var headers = request.getHeaders();
            String key = headers.get("x-auth-key");
            Account account = null;
            if (key != null) {
                try {
                    account = authenticator.authenticate(key, headers.get("x-auth-timestamp"),
                            headers.get("x-auth-signature"), signedPath, System.currentTimeMillis());
                    if (group != null) {
                        Authenticator.requireGroup(account, group, ErrorCode.ACCOUNT_NOT_FOUND);
                    }
                } catch (ExchangeException e) {
                    LOG.info("WebSocket upgrade refused: {}", e.getMessage());
                    Response.writeError(request, response, callback, 401, e.code() + " " + e.getMessage());
                    return null;
                }
            }
            if (!compression) {
                response.setExtensions(List.of());
            }
            return new StreamSession(this, group, account);
        };
    }

    void opened(StreamSession session) {
        hub.addSession(session);
        session.send(StreamMessages.connected(session.account != null));
    }

    void closed(StreamSession session) {
        hub.removeSession(session);
    }

    /** Sends {@code frame} {@code count} times to every open session (a fault switch); returns the sessions reached. */
    public int sendRaw(String frame, int count) {
        List<StreamSession> sessions = hub.sessions();
        LOG.info("Fault: sending {} raw frame(s) of {} characters to {} WebSocket connections", count, frame.length(),
                sessions.size());
        for (StreamSession session : sessions) {
            for (int i = 0; i < count; i++) {
                session.send(frame);
            }
        }
        return sessions.size();
    }

    public void dropAll() {
        List<StreamSession> sessions = hub.sessions();
        LOG.info("Fault: dropping {} WebSocket connections", sessions.size());
        for (StreamSession session : sessions) {
            session.disconnect();
        }
    }

    /** Sessions disconnected so far because they left two server pings unanswered. */
    public long disconnectedForMissedPings() {
        return missedPingDisconnects.sum();
    }

    boolean clientFramesLost() {
        return faults.clientFramesLost();
    }

    /** Sends server pings to quiet sessions and disconnects those that missed two. */
    public void checkPings() {
        if (faults.pingsIgnored()) {
            return;
        }
        long now = System.nanoTime();
        for (StreamSession session : hub.sessions()) {
            long quietFor = now - session.lastClientMessageNanos;
            int missed = session.missedPings.get();
            if (quietFor < pingIntervalNanos * (missed + 1)) {
                continue;
            }
            if (missed >= FULL_HEALTH) {
                session.send(StreamMessages.disconnected(ErrorCode.INVALID_WS_REQUEST_DATA.code(),
                        "INVALID_WS_REQUEST_DATA", "Session is disconnected due to missing pong message from the client"));
                session.close(1000, "missing pong");
                closed(session);
                missedPingDisconnects.increment();
            } else {
                session.missedPings.incrementAndGet();
                session.send(StreamMessages.ping(FULL_HEALTH - missed));
            }
        }
    }

    void received(StreamSession session, String text) {
        truth.wsRequest();
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (Exception e) {
            session.send(invalidRequest("", "Message is not valid JSON"));
            return;
        }
        if (message == null || !message.isObject()) {
            session.send(invalidRequest("", "Message must be a JSON object"));
            return;
        }
        JsonFields fields = JsonFields.of(message);
        String op = fields.text("op");
        String id = fields.text("id");
        if (op == null) {
            session.send(invalidRequest(id, "Missing op"));
            return;
        }
        switch (op) {
            case "ping" -> {
                if (!faults.pingsIgnored()) {
                    session.send(StreamMessages.pong(System.currentTimeMillis(), FULL_HEALTH));
                }
            }
            case "pong" -> {
                // any client message restores the session's health
            }
            case "auth" -> {
                faults.sleepForDelay();
                auth(session, fields, id);
            }
            case "sub", "unsub" -> subscriptions.handle(session, op, id, fields.text("ch"));
            case "req" -> {
                faults.sleepForDelay();
                requests.handle(session, message, id);
            }
            default -> session.send(invalidRequest(id, "Unknown op: '" + op + "'"));
        }
    }

    private void auth(StreamSession session, JsonFields message, String id) {
        try {
            Account account = authenticator.authenticate(message.text("key"), message.text("t"), message.text("sig"),
                    signedPath, System.currentTimeMillis());
            if (session.pathGroup != null) {
                Authenticator.requireGroup(account, session.pathGroup, ErrorCode.USER_ACCOUNT_NOT_FOUND);
            }
            subscriptions.authenticated(session, account);
            session.send(StreamMessages.auth(id, 0, null));
        } catch (ExchangeException e) {
            int code = e.code() == ErrorCode.AUTHENTICATION_FAILED.code()
                    ? ErrorCode.USER_ACCOUNT_NOT_FOUND.code() : e.code();
            session.send(StreamMessages.auth(id, code, e.getMessage()));
        }
    }

    private static String invalidRequest(String id, String info) {
        return StreamMessages.error(id, ErrorCode.INVALID_WS_REQUEST_DATA.code(), "INVALID_WS_REQUEST_DATA", info);
    }
}
