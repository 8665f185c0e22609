package org.policysearch.extract;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and tuning of {@link DocumentExtractor}.
 *
 * @param maxBytes largest file accepted (the documented upload limit); larger files are refused with
 *     {@code TOO_LARGE} before any parsing
 * @param maxChars most characters extracted from one file (embedded documents included); a file producing more is
 *     refused with {@code TOO_LARGE} rather than truncated, since a policy document that long is a mistake (a
 *     concatenated dump, a data file) and half of it would be indexed as if it were whole
 * @param maxEmbeddedDepth how deep documents embedded in documents are followed (1 = attachments of the file
 *     itself); deeper nesting is refused with {@code TOO_LARGE}
 * @param parseTimeout longest time one extraction may take, waiting in the queue included; then {@code TIMEOUT}
 * @param parseThreads extractions running at once; a runaway parse keeps its thread until it ends, so this also
 *     bounds how many of those can pile up
 * @param maxQueuedParses extractions waiting for a thread; beyond that a file is answered {@code TIMEOUT} at once
 * @param maxCompressionRatio zip-bomb guard: most bytes one zip entry of a DOCX/ODT may inflate to per compressed
 *     byte (past 1 MB), checked before parsing; also Tika's limit of output characters per input byte once past one
 *     million characters
 * @param maxInflatedBytes zip-bomb guard: most bytes all entries of a DOCX/ODT may inflate to together
 * @param charsetSampleBytes bytes of a text or HTML file, from its first non-ASCII byte, used to score charset
 *     candidates; the winner then decodes the whole file
 */
@Validated
@ConfigurationProperties("policy.extract")
public record ExtractionProperties(
        @NotNull @DefaultValue("100MB") DataSize maxBytes,
        @Min(1) @DefaultValue("5000000") int maxChars,
        @Min(0) @Max(10) @DefaultValue("3") int maxEmbeddedDepth,
        @NotNull @DefaultValue("60s") Duration parseTimeout,
        @Min(1) @DefaultValue("2") int parseThreads,
        @Min(0) @DefaultValue("16") int maxQueuedParses,
        @Min(10) @DefaultValue("100") long maxCompressionRatio,
        @NotNull @DefaultValue("1GB") DataSize maxInflatedBytes,
        @Min(1024) @DefaultValue("65536") int charsetSampleBytes) {

    /** The defaults above, for use without Spring. */
    public static ExtractionProperties defaults() {
        return new ExtractionProperties(
                DataSize.ofMegabytes(100),
                5_000_000,
                3,
                Duration.ofSeconds(60),
                2,
                16,
                100,
                DataSize.ofGigabytes(1),
                65536);
    }
}
