package dev.bitmaxconnect.simulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** Runs the simulator standalone: {@code java -jar bitmax-simulator-<version>-all.jar --port 8080}. */
public final class SimulatorMain {

    private static final String USAGE = String.join("\n",
            "Usage: java -jar bitmax-simulator.jar [options]",
            "  --port N            port to listen on, 0 = any free port (default 0)",
            "  --host H            interface to listen on (default 127.0.0.1)",
            "  --api-key K         API key of the default account (default " + SimulatorDefaults.API_KEY + ")",
            "  --api-secret S      API secret of the default account (default: the reference's sample secret)",
            "  --seed N            seed of the market random walk (default " + SimulatorDefaults.SEED + ")",
            "  --rate N            public market data messages per second, all symbols (default "
                    + SimulatorDefaults.MARKET_DATA_RATE + ")",
            "  --ws-signed-path P  path in the WebSocket prehash: v2/stream (default) or stream",
            "  --rest-key-encoding raw|base64   HMAC key of REST signatures (default raw)",
            "  --ws-key-encoding raw|base64     HMAC key of WebSocket signatures (default raw)",
            "  --ws-compression true|false      let WebSocket clients negotiate permessage-deflate (default false)",
            "  --synthetic-market-data true|false  fixed-price depth and trades instead of the random walk, for",
            "                      throughput tests (default false)",
            "  --depth-snapshot-levels N  levels of each side a depth-snapshot answer holds, 0 = the whole book",
            "                      (default 0)",
            "  --help              print this help");

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // standalone logging (slf4j-simple in the runnable jar): our events at info, Jetty's only when they matter
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty",
                System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn"));
        BitMaxSimulator.Builder builder;
        try {
            builder = parse(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (builder == null) {
            return;
        }
        BitMaxSimulator simulator = builder.build().start();
        System.out.println("BitMax simulator started");
        System.out.println("REST base URL:      " + simulator.restUrl());
        System.out.println("WebSocket base URL: " + simulator.wsUrl());
        System.out.println("Public stream:      " + simulator.wsUrl() + "/api/pro/v2/stream");
        System.out.println("Private stream:     " + simulator.wsUrl() + "/" + SimulatorDefaults.ACCOUNT_GROUP
                + "/api/pro/v2/stream");
        System.out.println("Admin:              " + simulator.restUrl() + SimulatorDefaults.ADMIN_PREFIX + "/health");
        System.out.println("Account group:      " + SimulatorDefaults.ACCOUNT_GROUP + " (API key " + apiKeyOf(args)
                + ", userUID " + SimulatorDefaults.USER_UID + ")");
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "bitmax-simulator-shutdown"));
        stopped.await();
    }

    private static String apiKeyOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--api-key") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--api-key=")) {
                return args[i].substring("--api-key=".length());
            }
        }
        return SimulatorDefaults.API_KEY;
    }

    /** Parses the flags; returns null after printing help. */
    static BitMaxSimulator.Builder parse(String[] args, PrintStream out) {
        BitMaxSimulator.Builder builder = BitMaxSimulator.builder();
        String key = null;
        String secret = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                out.println(USAGE);
                return null;
            }
            String value;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Missing value for " + flag);
                }
                value = args[++i];
            }
            switch (flag) {
                case "--port" -> builder.port(integer(flag, value));
                case "--host" -> builder.host(value);
                case "--api-key" -> key = value;
                case "--api-secret" -> secret = value;
                case "--seed" -> builder.seed(longValue(flag, value));
                case "--rate" -> builder.marketDataRate(integer(flag, value));
                case "--ws-signed-path" -> builder.wsSignedPath(value);
                case "--rest-key-encoding" -> builder.restKeyEncoding(KeyEncoding.parse(value));
                case "--ws-key-encoding" -> builder.wsKeyEncoding(KeyEncoding.parse(value));
                case "--ws-compression" -> builder.webSocketCompression(bool(flag, value));
                case "--synthetic-market-data" -> builder.syntheticMarketData(bool(flag, value));
                case "--depth-snapshot-levels" -> builder.depthSnapshotLevels(integer(flag, value));
                default -> throw new IllegalArgumentException("Unknown option: " + flag);
            }
        }
        if (key != null || secret != null) {
            builder.apiKey(key != null ? key : SimulatorDefaults.API_KEY,
                    secret != null ? secret : SimulatorDefaults.API_SECRET);
        }
        return builder;
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + flag + ": '" + value + "' (an integer)");
        }
    }

    private static boolean bool(String flag, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("Invalid " + flag + ": '" + value + "' (true or false)");
        };
    }

    private static long longValue(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + flag + ": '" + value + "' (an integer)");
        }
    }
}
