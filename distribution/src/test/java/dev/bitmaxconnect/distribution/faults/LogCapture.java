package dev.bitmaxconnect.distribution.faults;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Widens what a test run logs and keeps what is printed: the project's loggers ({@code dev.bitmaxconnect}, the
 * connectors, the client and the simulator) go down to TRACE, and everything written to {@code System.out} and
 * {@code System.err} is copied into a buffer as well as printed. SLF4J's simple logger reads a logger's level when the
 * logger is created, so loggers already created are lowered through the level field they hold.
 */
public final class LogCapture implements AutoCloseable {

    private static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.dev.bitmaxconnect";
    private static final int TRACE = 0;
    private static final int INFO = 20;

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private LogCapture() {
        System.setOut(new PrintStream(new Tee(originalOut, printed), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, printed), true, StandardCharsets.UTF_8));
        System.setProperty(LEVEL_PROPERTY, "trace");
        setProjectLoggerLevels(TRACE);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** What was printed to standard out and standard error since {@link #start()}. */
    public String printed() {
        synchronized (printed) {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    /** The number of the project's loggers now at TRACE (they exist once the plugin's classes have run). */
    public static int projectLoggersAtTrace() {
        int count = 0;
        for (Logger logger : projectLoggers().values()) {
            if (logger.isTraceEnabled()) {
                count++;
            }
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Logger> projectLoggers() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        try {
            Field map = factory.getClass().getDeclaredField("loggerMap");
            map.setAccessible(true);
            Map<String, Logger> all = (Map<String, Logger>) map.get(factory);
            Map<String, Logger> ours = new java.util.HashMap<>();
            all.forEach((name, logger) -> {
                if (name.startsWith("dev.bitmaxconnect")) {
                    ours.put(name, logger);
                }
            });
            return ours;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Not SLF4J's simple logger: " + factory.getClass(), e);
        }
    }

    private static void setProjectLoggerLevels(int level) {
        for (Logger logger : projectLoggers().values()) {
            try {
                Field current = logger.getClass().getDeclaredField("currentLogLevel");
                current.setAccessible(true);
                current.setInt(logger, level);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot set the level of " + logger.getName(), e);
            }
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.clearProperty(LEVEL_PROPERTY);
        setProjectLoggerLevels(INFO);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                console.write(b);
            } catch (java.io.IOException e) {
                // the console is best effort
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (copy) {
                copy.write(b, off, len);
            }
            try {
                console.write(b, off, len);
            } catch (java.io.IOException e) {
                // the console is best effort
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            console.flush();
        }
    }
}
