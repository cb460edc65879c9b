package dev.bitmaxconnect.source.it;

import java.util.Map;

import dev.bitmaxconnect.client.BitMaxClientConfig;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import dev.bitmaxconnect.source.BitMaxSourceConnector;
import dev.bitmaxconnect.testsupport.ConnectCluster;

/** The source connector's settings in these tests, and a client that trades on the cluster's simulator. */
final class SourceTestConfig {

    private SourceTestConfig() {
    }

    /** Two tasks on BTC-PERP and ETH-PERP, reconnecting quickly. */
    static Map<String, String> connector(ConnectCluster cluster, String topicPrefix, String channels) {
        Map<String, String> c = cluster.exchangeConfig(BitMaxSourceConnector.class.getName());
        c.put("tasks.max", "2");
        c.put("symbols", "BTC-PERP,ETH-PERP");
        c.put("channels", channels);
        c.put("topic.prefix", topicPrefix);
        c.put("bitmax.reconnect.backoff.ms", "100");
        c.put("bitmax.reconnect.backoff.max.ms", "400");
        c.put("bitmax.request.timeout.ms", "5000");
        return c;
    }

    static BitMaxRestClient restClient(BitMaxSimulator simulator) {
        return new BitMaxRestClient(BitMaxClientConfig.builder()
                .restUrl(simulator.restUrl())
                .credentials(SimulatorDefaults.API_KEY, SimulatorDefaults.API_SECRET)
                .requestsPerSecond(200)
                .build());
    }
}
