package dev.bitmaxconnect.quickstart;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The quickstart's command line: ports, where the plugin and configs are, and how long to run. */
record QuickstartOptions(
        int kafkaPort,
        int controllerPort,
        int connectPort,
        int simulatorPort,
        Path pluginPath,
        Path configDir,
        Optional<Duration> duration) {

    static final String USAGE = String.join("\n",
            "Usage: ./quickstart.sh [options]",
            "",
            "Starts, in one process, a Kafka broker (KRaft), a distributed Connect worker with the BitMax plugin",
            "loaded through plugin.path, and the BitMax exchange simulator; creates the source and sink connectors",
            "from config/ through the Connect REST API, writes a few order commands and shows what flows.",
            "",
            "Options:",
            "  --duration <time>       stop after this long (e.g. 60, 60s, 2m) and exit 0 only if every topic",
            "                          delivered records; without it, run until Ctrl-C",
            "  --kafka-port <port>     Kafka broker listener (default 9092)",
            "  --controller-port <p>   KRaft controller listener (default 9093)",
            "  --connect-port <port>   Connect REST API (default 8083)",
            "  --simulator-port <p>    simulator REST and WebSocket (default 8090)",
            "  --plugin-path <dir>     Connect plugin.path (default distribution/target/plugins)",
            "  --config-dir <dir>      connector configs (default config)",
            "  --help                  this text");

    static QuickstartOptions parse(String... args) {
        int kafkaPort = 9092;
        int controllerPort = 9093;
        int connectPort = 8083;
        int simulatorPort = 8090;
        Path pluginPath = Paths.get("distribution", "target", "plugins");
        Path configDir = Paths.get("config");
        Optional<Duration> duration = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--duration" -> duration = Optional.of(parseDuration(value(args, ++i, option)));
                case "--kafka-port" -> kafkaPort = parsePort(value(args, ++i, option), option);
                case "--controller-port" -> controllerPort = parsePort(value(args, ++i, option), option);
                case "--connect-port" -> connectPort = parsePort(value(args, ++i, option), option);
                case "--simulator-port" -> simulatorPort = parsePort(value(args, ++i, option), option);
                case "--plugin-path" -> pluginPath = Paths.get(value(args, ++i, option));
                case "--config-dir" -> configDir = Paths.get(value(args, ++i, option));
                case "--help", "-h" -> throw new UsageException(null);
                default -> throw new UsageException("Unknown option '" + option + "'");
            }
        }
        return new QuickstartOptions(kafkaPort, controllerPort, connectPort, simulatorPort,
                pluginPath.toAbsolutePath().normalize(), configDir.toAbsolutePath().normalize(), duration);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException("Option " + option + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String text, String option) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("Option " + option + " must be a port number (0-65535), got '" + text + "'");
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new UsageException("--duration must be a number of seconds or end in ms, s, m or h, got '"
                    + text + "'");
        }
    }

    /** A bad command line; the message says what was wrong, or is null for --help. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
