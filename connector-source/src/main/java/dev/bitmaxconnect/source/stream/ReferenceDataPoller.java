package dev.bitmaxconnect.source.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.bitmaxconnect.client.model.CollateralAsset;
import dev.bitmaxconnect.client.model.CollateralPrice;
import dev.bitmaxconnect.client.model.ContractPricing;
import dev.bitmaxconnect.client.model.FuturesContract;
import dev.bitmaxconnect.client.model.FuturesPricing;
import dev.bitmaxconnect.client.rest.BitMaxRestClient;
import dev.bitmaxconnect.common.concurrent.DaemonThreads;
import dev.bitmaxconnect.source.config.BitMaxSourceConfig;
import dev.bitmaxconnect.source.config.ReferenceData;
import dev.bitmaxconnect.source.record.DecimalFormat;
import dev.bitmaxconnect.source.record.RecordDestination;
import dev.bitmaxconnect.source.record.RecordHeaders;
import dev.bitmaxconnect.source.record.RecordSchemas;
import dev.bitmaxconnect.source.record.ReferenceDataMapper;
import dev.bitmaxconnect.source.record.SourcePartitions;

/**
 * Reads the configured reference data over REST on an interval and queues it as records keyed by symbol or asset,
 * so that a compacted topic keeps the latest of each. A failed read is logged and tried again at the next interval.
 */
public final class ReferenceDataPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReferenceDataPoller.class);

    private final BitMaxRestClient rest;
    private final EventQueue queue;
    private final BitMaxSourceConfig config;
    private final ReferenceDataMapper mapper;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("bitmax-source-reference-data"));

    public ReferenceDataPoller(BitMaxRestClient rest, EventQueue queue, BitMaxSourceConfig config, DecimalFormat decimals) {
        this.rest = rest;
        this.queue = queue;
        this.config = config;
        this.mapper = new ReferenceDataMapper(new RecordSchemas(decimals), decimals);
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::pollOnce, 0, config.referenceRefreshIntervalMs(), TimeUnit.MILLISECONDS);
    }

    void pollOnce() {
        try {
            List<SourceRecord> records = read(config.referenceData(), System.currentTimeMillis());
            queue.put(new TaskEvent.Records(records));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Reading reference data failed, retrying in {} ms: {}", config.referenceRefreshIntervalMs(), e.toString());
        }
    }

    List<SourceRecord> read(Set<ReferenceData> kinds, long now) {
        List<SourceRecord> records = new ArrayList<>();
        if (kinds.contains(ReferenceData.CONTRACTS)) {
            for (FuturesContract contract : rest.futuresContracts()) {
                records.add(record("contracts", config.contractsTopic(), contract.symbol(), mapper.contract(contract), now));
            }
        }
        if (kinds.contains(ReferenceData.COLLATERAL)) {
            for (CollateralAsset asset : rest.collateralAssets()) {
                records.add(record("collateral", config.collateralTopic(), asset.asset(), mapper.collateralAsset(asset), now));
            }
        }
        if (kinds.contains(ReferenceData.PRICING)) {
            FuturesPricing pricing = rest.pricingData();
            if (pricing.contracts() != null) {
                for (ContractPricing contract : pricing.contracts()) {
                    long time = contract.time() == null ? now : contract.time();
                    records.add(record("contract-pricing", config.contractPricingTopic(), contract.symbol(),
                            mapper.contractPricing(contract), time));
                }
            }
            if (pricing.collaterals() != null) {
                for (CollateralPrice price : pricing.collaterals()) {
                    records.add(record("collateral-pricing", config.collateralPricingTopic(), price.asset(),
                            mapper.collateralPrice(price), now));
                }
            }
        }
        return records;
    }

    private static SourceRecord record(String kind, String topic, String key, Struct value, long time) {
        return new RecordDestination(topic, SourcePartitions.reference(kind), SourcePartitions.timeOffset(time))
                .record(key, value, time, RecordHeaders.of("reference-" + kind));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
