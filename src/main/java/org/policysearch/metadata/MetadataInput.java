package org.policysearch.metadata;

import java.util.List;
import java.util.Map;

/**
 * What the metadata extractor looks at.
 *
 * @param text cleaned text (see {@code org.policysearch.clean.CleanedText}: one paragraph per line)
 * @param extractedTitle title found by extraction (HTML title, document properties), may be null
 * @param meta lower-case keys: HTML meta tags, Tika properties, an {@code info} line (the page's 发布时间/来源 strip),
 *     {@code flags} (quality flags from extraction, kept as they are)
 * @param keywordLine the page's own keyword footer from cleaning, may be null
 * @param fileName original file name, may be null
 * @param sourceUrl URL the document was scraped from, may be null
 */
public record MetadataInput(
        String text,
        String extractedTitle,
        Map<String, List<String>> meta,
        String keywordLine,
        String fileName,
        String sourceUrl) {

    public MetadataInput {
        text = text == null ? "" : text;
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }

    /** First non-blank value of a meta key, or null. */
    String first(String key) {
        return meta.getOrDefault(key, List.of()).stream()
                .filter(v -> v != null && !v.isBlank())
                .map(String::strip)
                .findFirst()
                .orElse(null);
    }
}
