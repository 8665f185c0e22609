package org.policysearch.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Ingestion.
 *
 * @param loadSamples load the documents in {@code samplesDir} at the first start (an empty data directory)
 * @param samplesDir sample documents shipped with the project
 * @param duplicateCandidates how many candidate documents the duplicate check compares a new one with
 * @param outageTimeout how long a batch waits for Elasticsearch (unreachable, or rejecting with 429/503) before the
 *     files it has not ingested are failed with {@code search_unavailable}; any progress restarts the clock
 * @param retryMaxDelay the longest pause between two attempts while a batch waits for Elasticsearch (pauses double
 *     from 250 ms up to this, with jitter)
 * @param batchRetention how many finished batch jobs are kept (journal under {@code <data-dir>/batches}, listed by
 *     {@code GET /api/batches}); older ones are deleted
 */
@Validated
@ConfigurationProperties("policy.ingest")
public record IngestProperties(
        @DefaultValue("true") boolean loadSamples,
        @NotNull @DefaultValue("ingest/samples") Path samplesDir,
        @Min(1) @Max(1000) @DefaultValue("50") int duplicateCandidates,
        @NotNull @DefaultValue("30m") Duration outageTimeout,
        @NotNull @DefaultValue("10s") Duration retryMaxDelay,
        @Min(1) @DefaultValue("100") int batchRetention) {}
