package org.policysearch.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One document as stored in the index ({@code _source}) and returned by {@code GET /api/documents/{id}}. Dates are
 * ISO strings ({@code yyyy-MM-dd}; {@code ingestedAt} an ISO instant) so the wire format is the stored format.
 *
 * @param provenance where each metadata field came from, e.g. {@code date -> text:发布时间}
 * @param duplicateOf the representative this document duplicates, null for a representative
 * @param duplicates on a representative, how many documents point at it, as last counted by {@link DuplicateCounts}
 *     (null for none): kept in the document so a search hit carries it
 * @param exactHash hash of the normalised text (exact duplicates across formats, encodings and scripts)
 * @param minhash the near-duplicate signature, opaque
 * @param lshBands band keys of the signature, searched to find near-duplicate candidates
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyDocument(
        String id,
        String title,
        String text,
        String date,
        Integer year,
        String source,
        String sourceUrl,
        String author,
        String issuingBody,
        String docNumber,
        String type,
        List<String> regions,
        List<String> topics,
        List<String> keywords,
        String script,
        List<String> flags,
        String duplicateOf,
        Integer duplicates,
        String contentType,
        String charset,
        List<String> rulesFired,
        Map<String, String> provenance,
        String ingestedAt,
        String fileName,
        Long size,
        String sha256,
        String exactHash,
        String minhash,
        List<String> lshBands) {

    public PolicyDocument {
        regions = regions == null ? List.of() : List.copyOf(regions);
        topics = topics == null ? List.of() : List.copyOf(topics);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        flags = flags == null ? List.of() : List.copyOf(flags);
        rulesFired = rulesFired == null ? List.of() : List.copyOf(rulesFired);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
        lshBands = lshBands == null ? List.of() : List.copyOf(lshBands);
    }

    /** The same document marked as a duplicate of {@code representative}. */
    public PolicyDocument withDuplicateOf(String representative) {
        return copy(representative, duplicates);
    }

    /** The same document with another stored duplicate count (null for none). */
    public PolicyDocument withDuplicates(Integer count) {
        return copy(duplicateOf, count);
    }

    private PolicyDocument copy(String duplicateOf, Integer duplicates) {
        return new PolicyDocument(
                id,
                title,
                text,
                date,
                year,
                source,
                sourceUrl,
                author,
                issuingBody,
                docNumber,
                type,
                regions,
                topics,
                keywords,
                script,
                flags,
                duplicateOf,
                duplicates,
                contentType,
                charset,
                rulesFired,
                provenance,
                ingestedAt,
                fileName,
                size,
                sha256,
                exactHash,
                minhash,
                lshBands);
    }
}
