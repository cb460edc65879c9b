package dev.bitmaxconnect.compatibility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The matrix as it ran: one row per worker (Kafka version, JDK, mode), pass or FAIL per check. */
final class MatrixTable {

    static final List<String> CHECKS = List.of("worker", "README configs", "running", "validate", "market data", "commands",
            "orders+account", "restart", "secret kept");

    private final List<Row> rows = new ArrayList<>();

    synchronized Row row(String kafkaVersion, String jdk, String mode) {
        Row row = new Row(kafkaVersion, jdk, mode);
        rows.add(row);
        return row;
    }

    /** A Markdown table, as the README's compatibility section shows it. */
    synchronized String render() {
        StringBuilder out = new StringBuilder("| Kafka (worker) | JDK | source mode | ")
                .append(String.join(" | ", CHECKS)).append(" |\n|---|---|---|")
                .append("---|".repeat(CHECKS.size())).append('\n');
        for (Row row : rows) {
            out.append("| ").append(row.kafkaVersion).append(" | ").append(row.jdk).append(" | ").append(row.mode);
            for (String check : CHECKS) {
                out.append(" | ").append(row.outcomes.getOrDefault(check, row.skipReason == null ? "not run" : "skipped"));
            }
            out.append(" |\n");
        }
        List<String> notes = new ArrayList<>();
        for (Row row : rows) {
            if (row.skipReason != null) {
                notes.add(row.kafkaVersion + " on " + row.jdk + " skipped: " + row.skipReason);
            }
            row.failures.forEach((check, why) -> notes.add(row.kafkaVersion + " on " + row.jdk + ", " + check + ": " + why));
        }
        notes.forEach(n -> out.append("\n- ").append(n));
        return out.toString();
    }

    static final class Row {

        final String kafkaVersion;
        final String jdk;
        final String mode;
        private final Map<String, String> outcomes = new LinkedHashMap<>();
        private final Map<String, String> failures = new LinkedHashMap<>();
        private String skipReason;

        private Row(String kafkaVersion, String jdk, String mode) {
            this.kafkaVersion = kafkaVersion;
            this.jdk = jdk;
            this.mode = mode;
        }

        interface Check {
            void run() throws Exception;
        }

        /** Runs the check and records its outcome; true when it passed. */
        boolean check(String name, Check check) {
            if (!CHECKS.contains(name)) {
                throw new IllegalArgumentException("not a column of the matrix: " + name);
            }
            try {
                check.run();
                outcomes.put(name, "pass");
                return true;
            } catch (Exception | AssertionError e) {
                outcomes.put(name, "FAIL");
                String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
                failures.put(name, message.length() > 300 ? message.substring(0, 297) + "..." : message);
                return false;
            }
        }

        void skip(String reason) {
            skipReason = reason;
        }

        Map<String, String> failures() {
            return failures;
        }
    }
}
