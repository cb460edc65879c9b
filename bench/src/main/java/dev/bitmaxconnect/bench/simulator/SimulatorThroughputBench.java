package dev.bitmaxconnect.bench.simulator;

import dev.bitmaxconnect.bench.plot.BenchCsv;
import dev.bitmaxconnect.simulator.AccountSpec;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import java.math.BigDecimal;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * How fast the simulator accepts signed REST orders and pushes WebSocket market data to one client, each next to a
 * baseline measured in the same run with the same client:
 * <ul>
 *   <li>REST: signed {@code POST /<grp>/api/pro/v2/futures/order} (new resting limit orders, HMAC checked, matched,
 *       reported) against {@code GET /_sim/health} on the same server, same raw keep-alive socket client, same number of connections;</li>
 *   <li>WebSocket: market data from the random walk (bbo, depth, trades, pricing of both contracts, one client)
 *       against a bare Jetty WebSocket endpoint that pushes one pre-serialised depth message in a loop.</li>
 * </ul>
 * Arguments: {@code [seconds=5] [connections=16] [rate=400000] [--out results.csv]} (the last writes the four
 * measurements as CSV, {@link BenchCsv}).
 */
public final class SimulatorThroughputBench {

    private static final String KEY = "benchKey";
    private static final String SECRET = "benchSecret";

    private SimulatorThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 400_000;
        Duration window = Duration.ofSeconds(seconds);
        BenchCsv csv = BenchCsv.open(BenchCsv.outOption(args), "SimulatorThroughputBench", String.join(" ", args));
        System.out.printf("SimulatorThroughputBench: %d s per measurement, %d REST connections, market rate %d/s, "
                + "%d cores%n", seconds, concurrency, rate, Runtime.getRuntime().availableProcessors());

        ExecutorService clientThreads = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AccountSpec bench = AccountSpec.numbered(77, KEY, SECRET)
                .withCollateral(Map.of("USDT", new BigDecimal("1000000000000")));
        try (BitMaxSimulator sim = BitMaxSimulator.builder().marketDataRate(0).account(bench).build().start()) {
            byte[] health = get(SimulatorDefaults.ADMIN_PREFIX + "/health");
            int port = sim.port();
            runRest(port, concurrency, Duration.ofSeconds(1), () -> health); // warm-up
            runRest(port, concurrency, Duration.ofSeconds(1), SimulatorThroughputBench::order);
            Result baseline = runRest(port, concurrency, window, () -> health);
            Result orders = runRest(port, concurrency, window, SimulatorThroughputBench::order);
            long accepted = sim.groundTruth().counts().acceptedOrders();
            System.out.printf("REST baseline  GET /_sim/health           : %,10.0f requests/s (%,d ok, %,d failed)%n",
                    baseline.perSecond(), baseline.ok, baseline.failed);
            System.out.printf("REST simulator signed POST futures/order  : %,10.0f orders/s accepted (%,d ok, %,d "
                    + "refused or failed; %,d accepted in total incl. warm-up)%n", orders.perSecond(), orders.ok,
                    orders.failed, accepted);
            csv.row("REST: baseline", 0, 1, baseline.perSecond(), null, Double.NaN);
            csv.row("REST: simulator", 0, 1, orders.perSecond(), null, Double.NaN);
            System.out.printf("REST ratio orders/baseline                : %.2f (target 10,000 orders/s)%n",
                    orders.perSecond() / baseline.perSecond());
        }

        double baselineWs = floodBaseline(http, window);
        try (BitMaxSimulator sim = BitMaxSimulator.builder().seed(1).marketDataRate(rate).build().start()) {
            Result pushed = receive(http, URI.create(sim.wsUrl() + "/api/pro/v2/stream"), window, true);
            System.out.printf("WS baseline  bare Jetty push loop          : %,10.0f messages/s%n", baselineWs);
            System.out.printf("WS simulator market data to one client     : %,10.0f messages/s (%,d received, %,d "
                    + "disconnects of the slow consumer)%n", pushed.perSecond(), pushed.ok,
                    sim.sessionsDisconnectedForSlowReading());
            csv.row("WebSocket: baseline", rate, 1, baselineWs, null, Double.NaN);
            csv.row("WebSocket: simulator", rate, 1, pushed.perSecond(), null, Double.NaN);
            System.out.printf("WS ratio simulator/baseline                : %.2f (target 100,000 messages/s)%n",
                    pushed.perSecond() / baselineWs);
        }
        clientThreads.shutdownNow();
    }

    private record Result(long ok, long failed, long nanos) {
        double perSecond() {
            return ok * 1e9 / nanos;
        }
    }

    // ---- REST ------------------------------------------------------------------------------------------------------

    private static final AtomicLong ORDER_IDS = new AtomicLong();
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    private static byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] order() {
        long now = System.currentTimeMillis();
        String id = String.format("bench%011d", ORDER_IDS.incrementAndGet());
        String body = "{\"id\":\"" + id + "\",\"time\":" + now + ",\"symbol\":\"BTC-PERP\",\"price\":\"20000\","
                + "\"orderQty\":\"0.001\",\"orderType\":\"Limit\",\"side\":\"Buy\",\"respInst\":\"ACK\"}";
        String signature = Base64.getEncoder().encodeToString(MAC.get()
                .doFinal((now + "+v2/futures/order").getBytes(StandardCharsets.UTF_8)));
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /" + SimulatorDefaults.ACCOUNT_GROUP + "/api/pro/v2/futures/order HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nx-auth-key: " + KEY + "\r\n"
                + "x-auth-timestamp: " + now + "\r\nx-auth-signature: " + signature + "\r\n"
                + "Content-Length: " + bodyBytes.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + bodyBytes.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(bodyBytes, 0, request, headBytes.length, bodyBytes.length);
        return request;
    }

    private interface RequestFactory {
        byte[] next();
    }

    /**
     * {@code connections} keep-alive HTTP/1.1 connections over plain sockets (the lightest possible client, so the
     * server is what is measured), each sending its next request when the previous answer is read; counts
     * HTTP 200 answers whose body says {@code "code":0} (or has no code).
     */
    private static Result runRest(int port, int connections, Duration window, RequestFactory requests)
            throws Exception {
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        long start = System.nanoTime();
        long end = start + window.toNanos();
        Thread[] threads = new Thread[connections];
        for (int i = 0; i < connections; i++) {
            threads[i] = new Thread(() -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    while (System.nanoTime() < end) {
                        out.write(requests.next());
                        out.flush();
                        String response = readResponse(in);
                        if (response.startsWith("HTTP/1.1 200") && !response.contains("\"code\":1")
                                && !response.contains("\"code\":2") && !response.contains("\"code\":3")) {
                            ok.increment();
                        } else {
                            failed.increment();
                        }
                    }
                } catch (IOException e) {
                    failed.increment();
                }
            }, "rest-client-" + i);
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(ok.sum(), failed.sum(), System.nanoTime() - start);
    }

    /** Reads one HTTP/1.1 response with a Content-Length body; returns status line, headers and body. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder(256);
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n'
                    && head.charAt(n - 4) == '\r') {
                break;
            }
        }
        if (c < 0) {
            throw new IOException("connection closed");
        }
        int index = head.indexOf("Content-Length: ");
        if (index < 0) {
            index = head.indexOf("content-length: ");
        }
        int length = Integer.parseInt(head.substring(index + 16, head.indexOf("\r", index)).trim());
        byte[] body = in.readNBytes(length);
        return head.append(new String(body, StandardCharsets.UTF_8)).toString();
    }

    // ---- WebSocket -------------------------------------------------------------------------------------------------

    /** Subscribes to every public channel of both contracts and counts messages over {@code window}. */
    private static Result receive(HttpClient http, URI uri, Duration window, boolean subscribe) throws Exception {
        LongAdder received = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
                webSocket.request(Long.MAX_VALUE);
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                if (last && counting.get()) {
                    received.increment();
                }
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        if (subscribe) {
            for (String ch : new String[] {"bbo:BTC-PERP,ETH-PERP", "depth:BTC-PERP,ETH-PERP",
                "trades:BTC-PERP,ETH-PERP", "futures-pricing-data"}) {
                ws.sendText("{\"op\":\"sub\",\"id\":\"b\",\"ch\":\"" + ch + "\"}", true).join();
            }
        }
        Thread.sleep(1000); // warm-up
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        counting.set(false);
        long elapsed = System.nanoTime() - start;
        ws.abort();
        return new Result(received.sum(), 0, elapsed);
    }

    /** A bare Jetty WebSocket server pushing one pre-serialised depth message in a loop, read by the same client. */
    private static double floodBaseline(HttpClient http, Duration window) throws Exception {
        String message = "{\"m\":\"depth\",\"symbol\":\"BTC-PERP\",\"data\":{\"ts\":1573069021376,\"seqnum\":2097965,"
                + "\"asks\":[[\"30005.25\",\"1.2345\"]],\"bids\":[[\"29995.5\",\"0.5678\"]]}}";
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        CountDownLatch stop = new CountDownLatch(1);
        server.setHandler(WebSocketUpgradeHandler.from(server, container ->
                container.addMapping("/flood", (request, response, callback) -> new FloodEndpoint(message, stop))));
        server.start();
        try {
            return receive(http, URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/flood"), window, false)
                    .perSecond();
        } finally {
            stop.countDown();
            server.stop();
        }
    }

    /**
     * Sends the same text as fast as the connection takes it, with at most 50,000 frames queued: the same bound the
     * simulator keeps per session before it drops market data for a slow reader.
     */
    public static final class FloodEndpoint implements Session.Listener.AutoDemanding {
        private final String message;
        private final CountDownLatch stop;

        FloodEndpoint(String message, CountDownLatch stop) {
            this.message = message;
            this.stop = stop;
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            // the client aborts the connection at the end of the measurement
        }

        @Override
        public void onWebSocketOpen(Session session) {
            Semaphore window = new Semaphore(50_000);
            Callback release = Callback.from(window::release, x -> window.release());
            Thread pusher = new Thread(() -> {
                try {
                    while (session.isOpen() && stop.getCount() > 0) {
                        if (window.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                            session.sendText(message, release);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "flood-baseline");
            pusher.setDaemon(true);
            pusher.start();
        }
    }
}
