package dev.bitmaxconnect.source.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TaskAssignmentTest {

    @Test
    void spreadsPublicSubscriptionsOverTasksAndEachOnce() {
        Map<String, String> props = BitMaxSourceConfigTest.minimal();
        props.put(BitMaxSourceConfig.CHANNELS, "trades,depth,bar,pricing");
        props.put(BitMaxSourceConfig.BAR_INTERVALS, "1,5");
        BitMaxSourceConfig config = new BitMaxSourceConfig(props);
        List<String> symbols = List.of("BTC-PERP", "ETH-PERP");

        List<Map<String, String>> configs = TaskAssignment.taskConfigs(config, symbols, 3);

        assertThat(configs).hasSize(3);
        List<String> all = new ArrayList<>();
        for (Map<String, String> taskConfig : configs) {
            List<String> mine = new BitMaxSourceTaskConfig(taskConfig).subscriptions();
            assertThat(mine).hasSizeBetween(2, 3);
            all.addAll(mine);
            assertThat(taskConfig.get(BitMaxSourceTaskConfig.TASK_PRIVATE)).isEqualTo("false");
        }
        assertThat(all).containsExactlyInAnyOrder("futures-pricing-data", "trades:BTC-PERP", "trades:ETH-PERP",
                "depth:BTC-PERP", "depth:ETH-PERP", "bar:1:BTC-PERP", "bar:5:BTC-PERP", "bar:1:ETH-PERP",
                "bar:5:ETH-PERP");
    }

    @Test
    void theBookSubscribesToDepthOnceWhetherDepthIsListedOrNot() {
        Map<String, String> props = BitMaxSourceConfigTest.minimal();
        props.put(BitMaxSourceConfig.CHANNELS, "trades,book");
        List<String> symbols = List.of("BTC-PERP", "ETH-PERP");
        assertThat(TaskAssignment.publicSubscriptions(new BitMaxSourceConfig(props), symbols))
                .containsExactlyInAnyOrder("depth:BTC-PERP", "depth:ETH-PERP", "trades:BTC-PERP", "trades:ETH-PERP");
        props.put(BitMaxSourceConfig.CHANNELS, "book,depth");
        assertThat(TaskAssignment.publicSubscriptions(new BitMaxSourceConfig(props), symbols))
                .containsExactlyInAnyOrder("depth:BTC-PERP", "depth:ETH-PERP");
    }

    @Test
    void privateChannelsAndReferenceDataRunOnExactlyOneTask() {
        Map<String, String> props = BitMaxSourceConfigTest.minimal();
        props.put(BitMaxSourceConfig.CHANNELS, "trades,order,account");
        props.put(BitMaxSourceConfig.REFERENCE_DATA, "contracts");
        props.put(BitMaxSourceConfig.API_KEY, "k");
        props.put(BitMaxSourceConfig.API_SECRET, "s");
        BitMaxSourceConfig config = new BitMaxSourceConfig(props);

        List<Map<String, String>> configs = TaskAssignment.taskConfigs(config, List.of("BTC-PERP", "ETH-PERP"), 10);

        assertThat(configs).hasSize(3);
        assertThat(configs).filteredOn(c -> c.get(BitMaxSourceTaskConfig.TASK_PRIVATE).equals("true")).hasSize(1);
        assertThat(configs).filteredOn(c -> c.get(BitMaxSourceTaskConfig.TASK_REFERENCE).equals("true")).hasSize(1);
        BitMaxSourceTaskConfig first = new BitMaxSourceTaskConfig(configs.get(0));
        assertThat(first.runsPrivateChannels()).isTrue();
        assertThat(first.subscriptions()).isEmpty();
    }

    @Test
    void oneTaskTakesEverything() {
        Map<String, String> props = BitMaxSourceConfigTest.minimal();
        props.put(BitMaxSourceConfig.CHANNELS, "trades,order");
        props.put(BitMaxSourceConfig.API_KEY, "k");
        props.put(BitMaxSourceConfig.API_SECRET, "s");
        List<Map<String, String>> configs = TaskAssignment.taskConfigs(new BitMaxSourceConfig(props),
                List.of("BTC-PERP", "ETH-PERP"), 1);
        assertThat(configs).hasSize(1);
        BitMaxSourceTaskConfig only = new BitMaxSourceTaskConfig(configs.get(0));
        assertThat(only.runsPrivateChannels()).isTrue();
        assertThat(only.subscriptions()).containsExactly("trades:BTC-PERP", "trades:ETH-PERP");
    }
}
