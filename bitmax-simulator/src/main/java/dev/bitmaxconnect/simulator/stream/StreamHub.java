package dev.bitmaxconnect.simulator.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every open session and the subscribers of each channel key: public ones ({@code bbo:BTC-PERP},
 * {@code bar:1:BTC-PERP}...) and private ones, which carry the account ({@code futures-order:<accountId>}).
 */
public final class StreamHub {

    private static final List<StreamSession> NONE = List.of();

    private final ConcurrentHashMap<String, CopyOnWriteArrayList<StreamSession>> subscribers =
            new ConcurrentHashMap<>();
    private final Set<StreamSession> sessions = ConcurrentHashMap.newKeySet();
    private final LongAdder slowReadersDisconnected = new LongAdder();

    boolean hasSubscribers(String key) {
        CopyOnWriteArrayList<StreamSession> list = subscribers.get(key);
        return list != null && !list.isEmpty();
    }

    List<StreamSession> subscribersOf(String key) {
        CopyOnWriteArrayList<StreamSession> list = subscribers.get(key);
        return list == null ? NONE : list;
    }

    /** Offers one market data message to every subscriber of {@code key}; a reader too far behind is cut off. */
    void publish(String key, String text) {
        for (StreamSession session : subscribersOf(key)) {
            if (session.offer(text)) {
                slowReadersDisconnected.increment();
            }
        }
    }

    void subscribe(String key, StreamSession session) {
        if (session.keys.add(key)) {
            subscribers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).addIfAbsent(session);
        }
    }

    void unsubscribe(String key, StreamSession session) {
        if (session.keys.remove(key)) {
            CopyOnWriteArrayList<StreamSession> list = subscribers.get(key);
            if (list != null) {
                list.remove(session);
            }
        }
    }

    void addSession(StreamSession session) {
        sessions.add(session);
    }

    void removeSession(StreamSession session) {
        sessions.remove(session);
        for (String key : List.copyOf(session.keys)) {
            unsubscribe(key, session);
        }
    }

    /** The open sessions now. */
    List<StreamSession> sessions() {
        return new ArrayList<>(sessions);
    }

    /** Sessions disconnected because they fell too far behind on market data, since the start. */
    public long slowReadersDisconnected() {
        return slowReadersDisconnected.sum();
    }
}
