package dev.bitmaxconnect.simulator;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Public channel subscriptions by key ({@code bbo:BTC-PERP}, {@code bar:1:BTC-PERP}...) and every open session. */
final class StreamHub {

    private static final List<StreamSession> NONE = List.of();

    private final ConcurrentHashMap<String, CopyOnWriteArrayList<StreamSession>> subscribers =
            new ConcurrentHashMap<>();
    final Set<StreamSession> sessions = ConcurrentHashMap.newKeySet();

    boolean hasSubscribers(String key) {
        CopyOnWriteArrayList<StreamSession> list = subscribers.get(key);
        return list != null && !list.isEmpty();
    }

    List<StreamSession> subscribersOf(String key) {
        CopyOnWriteArrayList<StreamSession> list = subscribers.get(key);
        return list == null ? NONE : list;
    }

    /** Sends one pre-serialised message to every subscriber of {@code key}. */
    void publish(String key, String text) {
        for (StreamSession session : subscribersOf(key)) {
            session.offer(text);
        }
    }

    void subscribe(String key, StreamSession session) {
        if (session.publicKeys.add(key)) {
            subscribers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).addIfAbsent(session);
        }
    }

    void unsubscribe(String key, StreamSession session) {
        if (session.publicKeys.remove(key)) {
            CopyOnWriteArrayList<StreamSession> list = subscribers.get(key);
            if (list != null) {
                list.remove(session);
            }
        }
    }

    void removeSession(StreamSession session) {
        sessions.remove(session);
        for (String key : List.copyOf(session.publicKeys)) {
            unsubscribe(key, session);
        }
    }
}
