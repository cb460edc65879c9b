package dev.bitmaxconnect.testsupport;

import dev.bitmaxconnect.simulator.BitMaxSimulator;
import dev.bitmaxconnect.simulator.SimulatorDefaults;
import java.util.HashMap;
import java.util.Map;

/** The exchange settings every connector needs to talk to a simulator: its URLs and its default API key. */
public final class SimulatorSettings {

    private SimulatorSettings() {
    }

    /** A connector of {@code connectorClass} against {@code simulator}; a new map, for the caller to add to. */
    public static Map<String, String> connector(BitMaxSimulator simulator, String connectorClass) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", connectorClass);
        config.put("bitmax.rest.url", simulator.restUrl());
        config.put("bitmax.ws.url", simulator.wsUrl());
        config.put("bitmax.api.key", SimulatorDefaults.API_KEY);
        config.put("bitmax.api.secret", SimulatorDefaults.API_SECRET);
        return config;
    }
}
