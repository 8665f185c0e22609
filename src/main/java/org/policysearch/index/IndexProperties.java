package org.policysearch.index;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The document index: a versioned physical index ({@code <alias>-v<N>}) behind an alias.
 *
 * @param alias the name every read and write goes through
 * @param shards primary shards of a new index version (1 is right up to a few million documents per node)
 * @param replicas replicas of a new index version (0 on one node; 1 or more on a cluster)
 * @param synonyms synonym rules (Solr format) applied to queries; when unset the shipped
 *     {@code ingest/synonyms.txt} is used. A change takes effect with the next index version
 * @param rebuildMergeSegments segments per shard a finished rebuild is force-merged to before the alias swaps
 *     (fewer segments: fewer term lookups per query; 0 leaves the index to the merge policy)
 */
@Validated
@ConfigurationProperties("policy.index")
public record IndexProperties(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]*") @DefaultValue("policy-docs")
        String alias,

        @Min(1) @Max(64) @DefaultValue("1") int shards,
        @Min(0) @Max(8) @DefaultValue("0") int replicas,
        Path synonyms,
        @Min(0) @Max(1000) @DefaultValue("1") int rebuildMergeSegments) {}
