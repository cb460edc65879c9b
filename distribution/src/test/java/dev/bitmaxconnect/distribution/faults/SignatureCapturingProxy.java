package dev.bitmaxconnect.distribution.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Utils;

/**
 * A plain TCP proxy in front of the simulator that keeps what clients send, so a test knows every signature that
 * went over the wire: the {@code x-auth-signature} header of each signed REST request and of each signed WebSocket
 * upgrade. Bytes pass through unchanged both ways.
 */
public final class SignatureCapturingProxy implements AutoCloseable {

    /** One signed request as sent: method, path (with any query), and the auth headers. */
    public record SignedRequest(String method, String path, String timestamp, String signature) {

        /** The path part that is signed: after {@code /api/pro/}, without the query (e.g. {@code v2/futures/order}). */
        public String signedPath() {
            String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            int api = withoutQuery.indexOf("/api/pro/");
            return api < 0 ? withoutQuery : withoutQuery.substring(api + "/api/pro/".length());
        }
    }

    private static final int MAX_KEPT_PER_CONNECTION = 16 << 20;
    private static final Pattern REQUEST_HEAD =
            Pattern.compile("(GET|POST|PUT|DELETE) (\\S+) HTTP/1\\.1\r\n((?:[^\r\n]+\r\n)*)\r\n");

    private final ServerSocket server;
    private final int targetPort;
    private final List<ByteArrayOutputStream> sent = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    public SignatureCapturingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "signature-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String restUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (running) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                sent.add(kept);
                pump(client.getInputStream(), upstream.getOutputStream(), kept, client, upstream);
                pump(upstream.getInputStream(), client.getOutputStream(), null, upstream, client);
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private static void pump(InputStream in, OutputStream out, ByteArrayOutputStream kept, Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (kept != null) {
                        synchronized (kept) {
                            if (kept.size() < MAX_KEPT_PER_CONNECTION) {
                                kept.write(buffer, 0, n);
                            }
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close the other below
            } finally {
                Utils.closeQuietly(from, "proxied socket");
                Utils.closeQuietly(to, "proxied socket");
            }
        }, "signature-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Every signed request seen so far, in the order of the connections and of the requests on each. */
    public List<SignedRequest> signedRequests() {
        List<SignedRequest> requests = new ArrayList<>();
        for (ByteArrayOutputStream kept : sent) {
            String text;
            synchronized (kept) {
                text = kept.toString(StandardCharsets.ISO_8859_1);
            }
            Matcher head = REQUEST_HEAD.matcher(text);
            while (head.find()) {
                String timestamp = null;
                String signature = null;
                for (String line : head.group(3).split("\r\n")) {
                    int colon = line.indexOf(':');
                    if (colon < 0) {
                        continue;
                    }
                    String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = line.substring(colon + 1).trim();
                    if (name.equals("x-auth-timestamp")) {
                        timestamp = value;
                    } else if (name.equals("x-auth-signature")) {
                        signature = value;
                    }
                }
                if (signature != null) {
                    requests.add(new SignedRequest(head.group(1), head.group(2), timestamp, signature));
                }
            }
        }
        return requests;
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        for (Socket socket : sockets) {
            Utils.closeQuietly(socket, "proxied socket");
        }
    }
}
