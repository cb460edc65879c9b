package dev.bitmaxconnect.client.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket server on a plain socket that writes whatever frames a test scripts, valid or not: binary,
 * invalid UTF-8, oversized, cut off in the middle. Each accepted connection runs the script for its index.
 */
final class RawWebSocketServer implements AutoCloseable {
    /** What the server does on one connection after the handshake. */
    interface Script {
        void run(int connection, Frames out) throws IOException;
    }

    /** Writes server frames (unmasked) on one connection. */
    static final class Frames {
        private final OutputStream out;

        Frames(OutputStream out) {
            this.out = out;
        }

        void text(String text) throws IOException {
            frame(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        void text(byte[] payload) throws IOException {
            frame(0x1, payload);
        }

        void binary(byte[] payload) throws IOException {
            frame(0x2, payload);
        }

        /** A header announcing {@code declared} bytes, then only {@code sent} of them. */
        void truncated(int declared, int sent) throws IOException {
            header(0x1, declared);
            out.write(new byte[sent]);
            out.flush();
        }

        void frame(int opcode, byte[] payload) throws IOException {
            header(opcode, payload.length);
            out.write(payload);
            out.flush();
        }

        private void header(int opcode, long length) throws IOException {
            out.write(0x80 | opcode);
            if (length < 126) {
                out.write((int) length);
            } else if (length < 65536) {
                out.write(126);
                out.write((int) (length >>> 8));
                out.write((int) length & 0xFF);
            } else {
                out.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) (length >>> shift) & 0xFF);
                }
            }
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();

    RawWebSocketServer(Script script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread acceptor = new Thread(this::acceptLoop, "raw-ws-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String wsUrl() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                int index = connections.getAndIncrement();
                Thread t = new Thread(() -> serve(socket, index), "raw-ws-" + index);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int index) {
        try (socket) {
            InputStream in = socket.getInputStream();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1);
            String key = null;
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(
                (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(sha1) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            script.run(index, new Frames(out));
            // keep the connection until the client goes (its frames are read and thrown away)
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // the client reset the connection: expected in these tests
        } catch (Exception e) {
            failures.add(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
