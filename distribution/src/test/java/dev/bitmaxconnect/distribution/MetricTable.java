package dev.bitmaxconnect.distribution;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The connectors' metrics two ways, as {@code <group> <metric> [<tags>]} lines: as docs/operations.md's table documents
 * them, and as the running tasks registered them in JMX.
 */
final class MetricTable {

    static final String JMX_DOMAIN = "kafka.connect.bitmax";
    /** The worker's plugin metrics (Kafka 4.1 and later), where the sink's are on such a worker. */
    static final String WORKER_PLUGINS = "kafka.connect:type=plugins,*";
    private static final String START = "<!-- metrics-table:start -->";
    private static final String END = "<!-- metrics-table:end -->";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private MetricTable() {
    }

    /** Every metric of the table between the page's {@code metrics-table} markers. */
    static Set<String> documented(Path page) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new AssertionError(page + " has no " + START + " ... " + END + " section");
        }
        Set<String> metrics = new TreeSet<>();
        for (String line : text.substring(start + START.length(), end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue; // the header, the separator
            }
            // | group | metrics | tags | what it measures |: cells[0] is the empty text before the first bar.
            String[] cells = line.split("\\|");
            List<String> groups = codeSpans(cells[1]);
            List<String> names = codeSpans(cells[2]);
            String tags = String.join(",", new TreeSet<>(codeSpans(cells[3])));
            if (groups.size() != 1 || names.isEmpty()) {
                throw new AssertionError("Not a metric row (one group, one or more metrics): " + line);
            }
            for (String name : names) {
                metrics.add(groups.get(0) + " " + name + " [" + tags + "]");
            }
        }
        return metrics;
    }

    /**
     * Every attribute of the MBeans in {@value #JMX_DOMAIN} and the worker's plugin metrics whose {@code connector}
     * tag is one of {@code connectors}.
     */
    static Set<String> registered(Set<String> connectors) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<String> metrics = new TreeSet<>();
        Set<ObjectName> names = new TreeSet<>(server.queryNames(new ObjectName(JMX_DOMAIN + ":*"), null));
        names.addAll(server.queryNames(new ObjectName(WORKER_PLUGINS), null));
        for (ObjectName name : names) {
            if (!connectors.contains(String.valueOf(name.getKeyProperty("connector")))) {
                continue;
            }
            Set<String> tags = new TreeSet<>(name.getKeyPropertyList().keySet());
            tags.remove("type");
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                metrics.add(name.getKeyProperty("type") + " " + attribute.getName() + " [" + String.join(",", tags)
                        + "]");
            }
        }
        return metrics;
    }

    private static List<String> codeSpans(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            spans.add(m.group(1));
        }
        return spans;
    }
}
