package dev.bitmaxconnect.distribution;

import static dev.bitmaxconnect.distribution.PluginSetup.createTopics;
import static dev.bitmaxconnect.distribution.PluginSetup.sendCommand;
import static dev.bitmaxconnect.distribution.PluginSetup.sinkConfig;
import static dev.bitmaxconnect.distribution.PluginSetup.sourceConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitmaxconnect.distribution.faults.LogCapture;
import dev.bitmaxconnect.distribution.faults.SignatureCapturingProxy;
import dev.bitmaxconnect.distribution.faults.SignatureCapturingProxy.SignedRequest;
import dev.bitmaxconnect.testsupport.ConnectCluster;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The API key and secret reach the connectors through Connect's file config provider ({@code ${file:...}}), work (the
 * exchange accepts signed requests), and show in no REST answer, no log line of a full run (workers, both connectors,
 * the client and the simulator, the project's loggers at TRACE, standard out and error), no exception message and no
 * {@code toString} of a config; nor does any request signature that went over the wire.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsIT {

    private static final String API_KEY = "itKey" + UUID.randomUUID().toString().replace("-", "");
    private static final String API_SECRET = "itSecret" + UUID.randomUUID().toString().replace("-", "");
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A leaked piece of a signature this long is as bad as the whole (base64 of 256 bits is 44 characters). */
    private static final int SIGNATURE_PIECE = 20;
    private static ConnectCluster cluster;
    private static SignatureCapturingProxy proxy;
    private static LogCapture logs;
    private static Path secrets;

    @BeforeAll
    static void start() throws Exception {
        logs = LogCapture.start();
        secrets = Paths.get("target", "it-secrets", "bitmax.properties").toAbsolutePath();
        Files.createDirectories(secrets.getParent());
        Files.writeString(secrets, "bitmax.api.key=" + API_KEY + "\nbitmax.api.secret=" + API_SECRET + "\n");
        cluster = PluginSetup.start("secrets", 3, BitMaxSimulator.builder().apiKey(API_KEY, API_SECRET));
        proxy = new SignatureCapturingProxy(cluster.simulator.port());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
            if (proxy != null) {
                proxy.close();
            }
        } finally {
            if (logs != null) {
                logs.close();
            }
        }
    }

    @Test
    @Order(1)
    void secretsFromTheFileProviderSignRequestsAndAppearInNoAnswerLogOrSignature() throws Exception {
        Map<String, String> sink = throughProxy(withSecretsFromFile(sinkConfig(cluster, "secret")));
        Map<String, String> source = throughProxy(withSecretsFromFile(sourceConfig(cluster, "secret")));
        source.put("channels", "bbo,trades,order,account");
        createTopics(cluster, "secret", 1);
        cluster.connect.configureConnector("secret-sink", sink);
        cluster.connect.configureConnector("secret-source", source);
        cluster.connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("secret-sink", 1, "sink");
        cluster.connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning("secret-source", 1, "source");

        // Signed with the secret read from the file: the exchange accepts the orders and streams them back.
        String run = "secret" + Long.toString(System.currentTimeMillis(), 36);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(run + "m" + i);
            sendCommand(cluster, "secret-commands", Commands.market(run + "m" + i, "ETH-PERP", i % 2 == 0 ? "Buy" : "Sell",
                    "0.01"));
        }
        ids.add(run + "l0");
        sendCommand(cluster, "secret-commands", Commands.limit(run + "l0", "BTC-PERP", "Buy", "0.001", "20000"));
        sendCommand(cluster, "secret-commands", Commands.cancelByClientId(run + "c0", "BTC-PERP", run + "l0"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                assertThat(cluster.simulator.groundTruth().acceptedOrdersWithClientId(id)).hasSize(1)));
        String orderId = cluster.simulator.groundTruth().acceptedOrdersWithClientId(ids.get(0)).get(0).orderId();
        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, JsonNode>> orders = cluster.records("secret.order", 1, WAIT);
            assertThat(orders).anySatisfy(r -> assertThat(r.value().path("orderId").asText()).isEqualTo(orderId));
        });
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(cluster.records("secret-results", ids.size() + 1, WAIT)).hasSizeGreaterThan(ids.size()));

        // The REST API shows the references, never the values.
        String placeholder = "${file:" + secrets + ":bitmax.api.secret}";
        assertThat(cluster.connect.connectorInfo("secret-sink").config()).containsEntry("bitmax.api.secret",
                placeholder);
        for (String connector : List.of("secret-sink", "secret-source")) {
            String info = cluster.get("connectors/" + connector);
            String tasks = cluster.get("connectors/" + connector + "/tasks");
            String status = cluster.get("connectors/" + connector + "/status");
            assertThat(info + tasks + status).contains(connector).doesNotContain(API_SECRET);
        }
        // Stopping them is part of the run: shutdown paths log too.
        cluster.connect.deleteConnector("secret-sink");
        cluster.connect.deleteConnector("secret-source");
        for (String connector : List.of("secret-sink", "secret-source")) {
            cluster.connect.assertions().assertConnectorDoesNotExist(connector, connector + " is still running");
        }

        // Every signature that went over the wire is a real one: it verifies with the secret, as the exchange did.
        List<SignedRequest> signed = proxy.signedRequests();
        assertThat(signed).extracting(SignedRequest::signedPath)
                .contains("v2/stream")                   // the private WebSocket's signed upgrade
                .anyMatch(p -> p.startsWith("v2/futures/order"));
        assertThat(signed).allSatisfy(r -> assertThat(r.signature()).as(r.method() + " " + r.path())
                .isEqualTo(sign(API_SECRET, r.timestamp() + "+" + r.signedPath())));

        // Nothing written anywhere in the run holds the secret or a piece of a signature.
        Path log = Paths.get(System.getProperty("org.slf4j.simpleLogger.logFile"));
        String logged = Files.readString(log, StandardCharsets.UTF_8) + logs.printed();
        assertThat(logged).contains("secret-sink").contains("secret-source").contains("BitMax simulator listening");
        assertThat(LogCapture.projectLoggersAtTrace()).as("project loggers at TRACE").isPositive();
        assertThat(logged).doesNotContain(API_SECRET);
        assertThat(signaturePiecesIn(logged, signed)).isEmpty();
        System.out.printf("SecretsIT: %d signatures captured on the wire and verified, none of them (nor the secret)"
                + " in %d characters of logs and console output%n", signed.size(), logged.length());
    }

    @Test
    @Order(2)
    void configToStringsValidationAndFailedTaskTracesHoldNoSecret() throws Exception {
        String wrongSecret = "wrongSecret" + UUID.randomUUID().toString().replace("-", "");

        // toString and values() of the connectors' configs, and of the client's, as the plugin's own classes build them.
        Map<String, String> sink = throughProxy(sinkConfig(cluster, "refused"));
        Map<String, String> source = throughProxy(sourceConfig(cluster, "refused"));
        try (URLClassLoader plugin = pluginClassLoader()) {
            for (Map.Entry<String, Map<String, String>> config : Map.of(
                    "dev.bitmaxconnect.sink.config.BitMaxSinkConfig", sink,
                    "dev.bitmaxconnect.source.config.BitMaxSourceConfig", source).entrySet()) {
                AbstractConfig parsed = (AbstractConfig) plugin.loadClass(config.getKey())
                        .getConstructor(Map.class).newInstance(config.getValue());
                assertThat(parsed.values()).containsKey("bitmax.api.secret");
                assertThat(parsed + " " + parsed.values()).as(config.getKey()).doesNotContain(API_SECRET);
            }
            Class<?> clientConfig = plugin.loadClass("dev.bitmaxconnect.client.BitMaxClientConfig");
            Object builder = clientConfig.getMethod("builder").invoke(null);
            builder.getClass().getMethod("credentials", String.class, String.class).invoke(builder, API_KEY, API_SECRET);
            builder.getClass().getMethod("restUrl", String.class).invoke(builder, proxy.restUrl());
            builder.getClass().getMethod("wsUrl", String.class).invoke(builder, proxy.wsUrl());
            String client = builder.getClass().getMethod("build").invoke(builder).toString();
            assertThat(client).contains(proxy.restUrl()).doesNotContain(API_SECRET);
        }

        // Connect's validation answer, with another field in error so that messages are produced.
        Map<String, String> invalid = new java.util.HashMap<>(sink);
        invalid.put("batch.max.size", "99");
        String validation = cluster.connect.validateConnectorConfig(PluginSetup.SINK_CLASS, invalid).toString();
        assertThat(validation).contains("batch.max.size").doesNotContain(API_SECRET);

        // Tasks the exchange refuses (the right key, a wrong secret, both from a file) fail with a trace that names
        // no secret.
        Path wrong = secrets.resolveSibling("wrong.properties");
        Files.writeString(wrong, "bitmax.api.key=" + API_KEY + "\nbitmax.api.secret=" + wrongSecret + "\n");
        createTopics(cluster, "refused", 1);
        for (Map<String, String> config : List.of(sink, source)) {
            config.put("bitmax.api.key", "${file:" + wrong + ":bitmax.api.key}");
            config.put("bitmax.api.secret", "${file:" + wrong + ":bitmax.api.secret}");
        }
        source.put("channels", "order");
        cluster.connect.configureConnector("refused-sink", sink);
        cluster.connect.configureConnector("refused-source", source);
        sendCommand(cluster, "refused-commands", Commands.market("refused" + Long.toString(System.nanoTime(), 36),
                "ETH-PERP", "Buy", "0.01"));
        List<String> traces = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            traces.clear();
            for (String connector : List.of("refused-sink", "refused-source")) {
                ConnectorStateInfo status = cluster.connect.connectorStatus(connector);
                assertThat(status.tasks()).as(connector).anySatisfy(t -> assertThat(t.state()).isEqualTo("FAILED"));
                status.tasks().forEach(t -> traces.add(String.valueOf(t.trace())));
            }
        });
        assertThat(String.join("\n", traces)).contains("bitmax.api").doesNotContain(wrongSecret)
                .doesNotContain(API_SECRET);
        Path log = Paths.get(System.getProperty("org.slf4j.simpleLogger.logFile"));
        assertThat(Files.readString(log, StandardCharsets.UTF_8) + logs.printed()).doesNotContain(wrongSecret);
        cluster.connect.deleteConnector("refused-sink");
        cluster.connect.deleteConnector("refused-source");
    }

    /** Every base64-looking run of the text that holds a {@value #SIGNATURE_PIECE}-character piece of a signature. */
    private static Set<String> signaturePiecesIn(String text, List<SignedRequest> signed) {
        Set<String> pieces = new HashSet<>();
        for (SignedRequest r : signed) {
            for (int i = 0; i + SIGNATURE_PIECE <= r.signature().length(); i++) {
                pieces.add(r.signature().substring(i, i + SIGNATURE_PIECE));
            }
        }
        Set<String> found = new HashSet<>();
        Matcher token = Pattern.compile("[A-Za-z0-9+/=_-]{" + SIGNATURE_PIECE + ",}").matcher(text);
        while (token.find()) {
            String t = token.group();
            for (int i = 0; i + SIGNATURE_PIECE <= t.length(); i++) {
                if (pieces.contains(t.substring(i, i + SIGNATURE_PIECE))) {
                    found.add(t);
                    break;
                }
            }
        }
        return found;
    }

    private static String sign(String secret, String prehash) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
    }

    /** The plugin's jars as the workers load them, over this test's Kafka and Connect classes. */
    private static URLClassLoader pluginClassLoader() throws Exception {
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.walk(cluster.pluginPath())) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                jars.add(jar.toUri().toURL());
            }
        }
        assertThat(jars).isNotEmpty();
        return new URLClassLoader(jars.toArray(URL[]::new), SecretsIT.class.getClassLoader());
    }

    private static Map<String, String> throughProxy(Map<String, String> config) {
        config.put("bitmax.rest.url", proxy.restUrl());
        config.put("bitmax.ws.url", proxy.wsUrl());
        return config;
    }

    private static Map<String, String> withSecretsFromFile(Map<String, String> config) {
        config.put("bitmax.api.key", "${file:" + secrets + ":bitmax.api.key}");
        config.put("bitmax.api.secret", "${file:" + secrets + ":bitmax.api.secret}");
        return config;
    }
}
