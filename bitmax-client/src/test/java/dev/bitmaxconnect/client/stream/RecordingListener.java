package dev.bitmaxconnect.client.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event a stream delivers, in order, as strings and messages. */
class RecordingListener implements StreamListener {
    final List<StreamMessage> messages = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(StreamMessage message) {
        messages.add(message);
        events.add("message:" + message.type());
    }

    @Override
    public void onConnected() {
        events.add("connected");
    }

    @Override
    public void onReconnected() {
        events.add("reconnected");
    }

    @Override
    public void onDisconnected(String reason) {
        events.add("disconnected");
    }

    @Override
    public void onError(Throwable error) {
        events.add("error:" + error.getClass().getSimpleName());
    }
}
