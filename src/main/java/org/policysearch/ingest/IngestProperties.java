package org.policysearch.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Ingestion.
 *
 * @param loadSamples load the documents in {@code samplesDir} at the first start (an empty data directory)
 * @param samplesDir sample documents shipped with the project
 * @param duplicateCandidates how many candidate documents the duplicate check compares a new one with
 */
@Validated
@ConfigurationProperties("policy.ingest")
public record IngestProperties(
        @DefaultValue("true") boolean loadSamples,
        @NotNull @DefaultValue("ingest/samples") Path samplesDir,
        @Min(1) @Max(1000) @DefaultValue("50") int duplicateCandidates) {}
