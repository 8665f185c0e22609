package org.policysearch.ingest;

import java.util.List;
import java.util.Map;
import org.policysearch.index.PolicyDocument;

/** A document as the API shows it: everything but the fingerprint internals. */
record DocumentView(
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
        long duplicates,
        String contentType,
        String charset,
        List<String> rulesFired,
        Map<String, String> provenance,
        String ingestedAt,
        String fileName,
        Long size,
        String original) {

    static DocumentView of(PolicyDocument d, long duplicates) {
        return new DocumentView(
                d.id(),
                d.title(),
                d.text(),
                d.date(),
                d.year(),
                d.source(),
                d.sourceUrl(),
                d.author(),
                d.issuingBody(),
                d.docNumber(),
                d.type(),
                d.regions(),
                d.topics(),
                d.keywords(),
                d.script(),
                d.flags(),
                d.duplicateOf(),
                duplicates,
                d.contentType(),
                d.charset(),
                d.rulesFired(),
                d.provenance(),
                d.ingestedAt(),
                d.fileName(),
                d.size(),
                "/api/documents/" + d.id() + "/original");
    }

    /** The answer to an upload. */
    record Summary(String id, String title, String duplicateOf, String type, String date, List<String> flags) {
        static Summary of(PolicyDocument d) {
            return new Summary(d.id(), d.title(), d.duplicateOf(), d.type(), d.date(), d.flags());
        }
    }
}
