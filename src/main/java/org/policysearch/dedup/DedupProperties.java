package org.policysearch.dedup;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Duplicate detection.
 *
 * @param threshold estimated Jaccard similarity of character shingles from which a new document counts as a copy of
 *     an indexed one (0.6–1.0; 1.0 keeps exact duplicates only). Below about 0.6 the LSH band look-up stops finding
 *     most candidates, so lower values would not take effect.
 */
@Validated
@ConfigurationProperties("policy.dedup")
public record DedupProperties(
        @DecimalMin("0.6") @DecimalMax("1.0") @DefaultValue("0.7")
        double threshold) {}
