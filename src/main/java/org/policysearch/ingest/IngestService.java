package org.policysearch.ingest;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.policysearch.clean.CleanedText;
import org.policysearch.clean.TextCleaner;
import org.policysearch.dedup.Candidate;
import org.policysearch.dedup.DuplicateResolver;
import org.policysearch.dedup.Fingerprint;
import org.policysearch.dedup.Fingerprinter;
import org.policysearch.extract.DocumentExtractor;
import org.policysearch.extract.Extraction;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.DuplicateCounts;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.policysearch.metadata.DocumentMetadata;
import org.policysearch.metadata.MetadataExtractor;
import org.policysearch.metadata.MetadataInput;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The ingest pipeline for one file: keep the original, extract, clean, enrich, find duplicates, index. The id is
 * derived from the bytes, so the same file ingested twice is the same document.
 */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final Logger audit = LoggerFactory.getLogger("policy.ingest.audit");

    private final DocumentExtractor extractor;
    private final TextCleaner cleaner;
    private final MetadataExtractor metadataExtractor;
    private final Fingerprinter fingerprinter;
    private final DuplicateResolver duplicateResolver;
    private final OriginalStore originals;
    private final DocumentStore store;
    private final DuplicateCounts duplicateCounts;
    private final IngestProperties properties;
    /** Duplicate decisions must see every earlier document: lookup and registration are one step. */
    private final Object dedupLock = new Object();

    private final RecentDocuments recent = new RecentDocuments(20_000);

    IngestService(
            DocumentExtractor extractor,
            TextCleaner cleaner,
            MetadataExtractor metadataExtractor,
            Fingerprinter fingerprinter,
            DuplicateResolver duplicateResolver,
            OriginalStore originals,
            DocumentStore store,
            DuplicateCounts duplicateCounts,
            IngestProperties properties) {
        this.extractor = extractor;
        this.cleaner = cleaner;
        this.metadataExtractor = metadataExtractor;
        this.fingerprinter = fingerprinter;
        this.duplicateResolver = duplicateResolver;
        this.originals = originals;
        this.store = store;
        this.duplicateCounts = duplicateCounts;
        this.properties = properties;
    }

    /** Document ids are the first 24 hex digits of the file's SHA-256: stable, and short enough for URLs. */
    public static String idOf(String sha256) {
        return sha256.substring(0, 24);
    }

    /** Ingests one file and returns once it is searchable. */
    public IngestOutcome ingest(byte[] bytes, String fileName, String sourceUrl) throws IOException {
        return ingest(bytes, fileName, sourceUrl, true);
    }

    /**
     * Ingests one file. With {@code waitForSearchable} false the call returns once Elasticsearch has the document
     * (durable), before its next refresh makes it searchable: batches refresh once at the end.
     */
    public IngestOutcome ingest(byte[] bytes, String fileName, String sourceUrl, boolean waitForSearchable)
            throws IOException {
        String sha = OriginalStore.sha256(bytes);
        String id = idOf(sha);
        Optional<PolicyDocument> existing = store.get(id);
        if (existing.isPresent()) {
            audit.info("{} {} unchanged (already ingested)", id, fileName);
            // A client retrying an upload whose answer was lost (an error, a crash after the write) repairs the count.
            recountGroupOf(existing.get(), waitForSearchable);
            return new IngestOutcome(existing.get(), false);
        }
        PolicyDocument document = keepAndAnalyse(bytes, fileName, sourceUrl);
        synchronized (dedupLock) {
            document = withDuplicateLink(document);
            recent.add(document);
        }
        try {
            // Not refresh=wait_for: the recount below refreshes before it counts, which makes the document
            // searchable; waiting for the scheduled refresh first only added up to a second to every upload.
            store.put(document, false);
        } catch (IOException | RuntimeException e) {
            synchronized (dedupLock) {
                recent.remove(document.id());
            }
            throw e;
        }
        audit.info(
                "{} {} ingested{}",
                id,
                fileName,
                document.duplicateOf() == null ? "" : " as duplicate of " + document.duplicateOf());
        recountGroupOf(document, waitForSearchable);
        return new IngestOutcome(document, true);
    }

    /**
     * Recounts the representative a write touched: the one a duplicate points at, or the document itself. The latter
     * is 0 for a new document, except when two uploads of the same bytes raced past the existence check and the
     * second write of a representative reset its stored count.
     */
    private void recountGroupOf(PolicyDocument d, boolean waitForSearchable) throws IOException {
        duplicateCounts.recount(List.of(d.duplicateOf() != null ? d.duplicateOf() : d.id()), waitForSearchable);
    }

    /** Keeps the original and analyses it; a refused file leaves no original behind. */
    PolicyDocument keepAndAnalyse(byte[] bytes, String fileName, String sourceUrl) throws IOException {
        OriginalStore.OriginalInfo info = originals.store(bytes, fileName, sourceUrl);
        try {
            return analyse(bytes, info);
        } catch (ApiException refused) {
            originals.delete(info.sha256());
            audit.info(
                    "{} {} refused: {} ({})",
                    idOf(info.sha256()),
                    fileName,
                    refused.code().code(),
                    refused.getMessage());
            throw refused;
        }
    }

    /** The pipeline without side effects: from an original to the document to index (no duplicate link yet). */
    public PolicyDocument analyse(byte[] bytes, OriginalStore.OriginalInfo info) {
        Extraction extraction = extractor.extract(bytes, info.fileName());
        if (!extraction.ok()) {
            throw refusal(extraction);
        }
        CleanedText cleaned = cleaner.clean(extraction.text(), host(info.sourceUrl()));
        if (cleaned.text().isBlank()) {
            throw new ApiException(ErrorCode.NO_TEXT, "The file has no text left after removing page chrome");
        }
        Map<String, List<String>> meta = new HashMap<>(extraction.metadata());
        if (!extraction.flags().isEmpty()) {
            meta.put("flags", extraction.flags());
        }
        DocumentMetadata m = metadataExtractor.extract(new MetadataInput(
                cleaned.text(), extraction.title(), meta, cleaned.keywordLine(), info.fileName(), info.sourceUrl()));
        Fingerprint fp = fingerprinter.fingerprint(cleaned.text());
        List<String> flags = new ArrayList<>(m.flags());
        extraction.flags().stream().filter(f -> !flags.contains(f)).forEach(flags::add);
        return new PolicyDocument(
                idOf(info.sha256()),
                m.title(),
                cleaned.text(),
                m.date() == null ? null : m.date().toString(),
                m.year(),
                m.source(),
                info.sourceUrl(),
                m.author(),
                m.issuingBody(),
                m.docNumber(),
                m.type(),
                m.regions(),
                m.topics(),
                m.keywords(),
                m.script(),
                flags,
                null,
                null,
                extraction.contentType(),
                extraction.charset(),
                cleaned.rulesFired(),
                m.provenance(),
                Instant.now().toString(),
                info.fileName(),
                info.size(),
                info.sha256(),
                fp.exactHash(),
                fp.encodedMinhash(),
                fp.bands());
    }

    /** Points a new document at the representative of its duplicates, if it has any. */
    PolicyDocument withDuplicateLink(PolicyDocument d) throws IOException {
        return withDuplicateLink(
                d, store.duplicateCandidates(d.exactHash(), d.lshBands(), properties.duplicateCandidates()));
    }

    /**
     * The batch path's duplicate step: links each document, in order, to the representative of its duplicates
     * among {@code indexedCandidates} (its candidates in the index, fetched by the caller in one request) and
     * every earlier document, and registers it, so later documents of the same batch see it before Elasticsearch
     * does. A document whose write then fails must be {@link #forget forgotten}.
     */
    List<PolicyDocument> linkDuplicates(List<PolicyDocument> documents, List<List<PolicyDocument>> indexedCandidates) {
        List<PolicyDocument> out = new ArrayList<>(documents.size());
        synchronized (dedupLock) {
            for (int i = 0; i < documents.size(); i++) {
                PolicyDocument d = withDuplicateLink(documents.get(i), indexedCandidates.get(i));
                recent.add(d);
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The bridge holds documents of the index the alias pointed at when they were written; after a swap (a rebuild)
     * the live index has its own documents and duplicate links, and a new document must be linked by those only.
     */
    @EventListener
    void onAliasSwapped(IndexManager.AliasSwapped swapped) {
        synchronized (dedupLock) {
            log.debug(
                    "Alias {} swapped to {}: forgetting {} recent documents",
                    swapped.alias(),
                    swapped.target(),
                    recent.size());
            recent.clear();
        }
    }

    /** Drops a document whose write failed from the duplicate bridge. */
    void forget(String id) {
        synchronized (dedupLock) {
            recent.remove(id);
        }
    }

    private PolicyDocument withDuplicateLink(PolicyDocument d, List<PolicyDocument> indexedCandidates) {
        Fingerprint fp = Fingerprint.restore(d.exactHash(), d.minhash(), d.lshBands());
        Map<String, Candidate> candidates = new HashMap<>();
        for (PolicyDocument c : indexedCandidates) {
            candidates.put(
                    c.id(),
                    new Candidate(
                            c.id(),
                            // The bands too: a candidate without them is taken for a text too short to compare.
                            Fingerprint.restore(c.exactHash(), c.minhash(), c.lshBands()),
                            c.duplicateOf()));
        }
        recent.candidates(d.exactHash(), d.lshBands()).forEach(c -> candidates.put(c.id(), c));
        candidates.remove(d.id());
        Optional<String> representative = duplicateResolver.representativeOf(fp, candidates.values());
        if (representative.isEmpty()) {
            return d;
        }
        log.debug("{} duplicates {}", d.id(), representative.get());
        return d.withDuplicateOf(representative.get());
    }

    static ApiException refusal(Extraction extraction) {
        String message = extraction.message() != null ? extraction.message() : "The file could not be read";
        ErrorCode code = switch (extraction.status()) {
            case UNSUPPORTED -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LARGE -> ErrorCode.PAYLOAD_TOO_LARGE;
            case EMPTY -> ErrorCode.NO_TEXT;
            case ENCRYPTED -> ErrorCode.ENCRYPTED;
            case CORRUPT -> ErrorCode.CORRUPT;
            case TIMEOUT -> ErrorCode.PARSE_TIMEOUT;
            case OK -> throw new IllegalArgumentException("not a refusal");
        };
        return new ApiException(code, message);
    }

    private static String host(String sourceUrl) {
        if (sourceUrl == null || sourceUrl.isBlank()) {
            return null;
        }
        try {
            return URI.create(sourceUrl.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
