package org.policysearch.extract;

import java.util.List;
import java.util.Map;

/**
 * What extraction made of one file: data, not exceptions (a refused file is a result with a status).
 *
 * @param status OK, or why there is no usable text
 * @param text the main text, paragraphs separated by a blank line; empty unless OK
 * @param title the title found by the extractor (HTML title / h1, document properties), may be null
 * @param contentType detected media type (by content, not name), e.g. {@code text/html}
 * @param charset charset the text was decoded with, null for binary formats
 * @param metadata raw metadata found on the way (HTML meta tags, Tika properties), keys lower-case
 * @param flags quality flags, e.g. {@code mojibake}
 * @param message a user-facing reason when not OK (never exception text)
 */
public record Extraction(
        ExtractionStatus status,
        String text,
        String title,
        String contentType,
        String charset,
        Map<String, List<String>> metadata,
        List<String> flags,
        String message) {

    public Extraction {
        text = text == null ? "" : text;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public static Extraction failed(ExtractionStatus status, String contentType, String message) {
        return new Extraction(status, "", null, contentType, null, Map.of(), List.of(), message);
    }

    public boolean ok() {
        return status == ExtractionStatus.OK;
    }
}
