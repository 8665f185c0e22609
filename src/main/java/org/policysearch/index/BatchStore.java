package org.policysearch.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The batch counterparts of {@link DocumentStore}: one request for many ids or many documents, so a batch costs a
 * round trip per few hundred files rather than three per file.
 */
@Component
public class BatchStore {

    /**
     * Bulk request limits. Throughput plateaus well below this on a 2-core node, and a request must finish within
     * the client's socket timeout even when the node is starved of CPU (5 MB requests timed out at 60 s there).
     */
    public static final int BULK_DOCS = 200;

    public static final long BULK_BYTES = 2_000_000;

    /** Fields besides the text and the completion inputs derived from title and keywords: well under this. */
    private static final long FIXED_BYTES_PER_DOCUMENT = 4096;

    /**
     * An upper bound of what {@code document} adds to a bulk request (UTF-8 Chinese is three bytes a character), so
     * requests grouped by it stay under {@link #BULK_BYTES}.
     */
    public static long requestBytes(PolicyDocument document) {
        return FIXED_BYTES_PER_DOCUMENT
                + 3L * (document.text() == null ? 0 : document.text().length());
    }
    /** Both write threads of a 2-core node busy, without queueing more than the node can absorb. */
    public static final int BULK_CONCURRENCY = 2;

    private final ElasticsearchClient client;
    private final IndexManager indexManager;
    private final DocumentStore documents;

    BatchStore(ElasticsearchClient client, IndexManager indexManager, DocumentStore documents) {
        this.client = client;
        this.indexManager = indexManager;
        this.documents = documents;
    }

    /**
     * Those of {@code ids} that are indexed already, by id, in one multi-get; only {@code id}, {@code duplicateOf}
     * and {@code ingestedAt} are fetched. An item the node could not answer (a shard still recovering) fails the whole
     * call rather than passing for "not indexed".
     */
    public Map<String, PolicyDocument> existing(List<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var response = client.mget(
                m -> m.index(indexManager.alias()).ids(ids).sourceIncludes("id", "duplicateOf", "ingestedAt"),
                PolicyDocument.class);
        Map<String, PolicyDocument> found = new HashMap<>();
        for (MultiGetResponseItem<PolicyDocument> item : response.docs()) {
            if (item.isFailure()) {
                throw new IOException(
                        "Multi-get item failed: " + item.failure().error().type());
            }
            if (item.result().found() && item.result().source() != null) {
                found.put(item.result().id(), item.result().source());
            }
        }
        return found;
    }

    /** Hits one combined candidate search may return before the per-document searches take over. */
    static final int COMBINED_LIMIT = 2_000;

    /**
     * For each document, the indexed documents that may duplicate it (same exact hash or a shared LSH band): at most
     * {@code max} each, exact-hash matches first, then those sharing the most bands. One search for the whole chunk
     * (a {@code terms} query over every document's keys, hits assigned here by the keys they share): a search per
     * document costs the node more in per-request work than in matching. When the chunk's candidates exceed
     * {@link #COMBINED_LIMIT} (many near copies of the same texts), one search per document, in a multi-search.
     */
    public List<List<PolicyDocument>> duplicateCandidates(List<PolicyDocument> documents, int max) throws IOException {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<FieldValue> hashes = new ArrayList<>();
        java.util.Set<String> bands = new java.util.LinkedHashSet<>();
        for (PolicyDocument d : documents) {
            hashes.add(FieldValue.of(d.exactHash()));
            bands.addAll(d.lshBands());
        }
        List<FieldValue> bandValues = bands.stream().map(FieldValue::of).toList();
        SearchResponse<PolicyDocument> response = client.search(
                s -> s.index(indexManager.alias())
                        .size(COMBINED_LIMIT)
                        .trackTotalHits(t -> t.count(COMBINED_LIMIT + 1))
                        .source(src -> src.filter(f -> f.includes(DocumentStore.DUPLICATE_FIELDS)))
                        .query(q -> q.bool(b -> {
                            b.should(sh -> sh.terms(t -> t.field("exactHash").terms(v -> v.value(hashes))));
                            if (!bandValues.isEmpty()) {
                                b.should(sh -> sh.terms(t -> t.field("lshBands").terms(v -> v.value(bandValues))));
                            }
                            return b.minimumShouldMatch("1");
                        })),
                PolicyDocument.class);
        if (response.hits().total() == null || response.hits().total().value() > COMBINED_LIMIT) {
            return duplicateCandidatesOneByOne(documents, max);
        }
        List<PolicyDocument> hits = response.hits().hits().stream()
                .map(Hit::source)
                .filter(Objects::nonNull)
                .toList();
        List<List<PolicyDocument>> out = new ArrayList<>(documents.size());
        for (PolicyDocument d : documents) {
            out.add(candidatesOf(d, hits, max));
        }
        return out;
    }

    /** The hits sharing a key with {@code d}: exact-hash matches first, then by shared bands, then by id. */
    static List<PolicyDocument> candidatesOf(PolicyDocument d, List<PolicyDocument> hits, int max) {
        java.util.Set<String> keys = new java.util.HashSet<>(d.lshBands());
        record Ranked(PolicyDocument doc, boolean exact, int shared) {}
        List<Ranked> ranked = new ArrayList<>();
        for (PolicyDocument h : hits) {
            boolean exact = d.exactHash().equals(h.exactHash());
            int shared = 0;
            for (String band : h.lshBands()) {
                if (keys.contains(band)) {
                    shared++;
                }
            }
            if (exact || shared > 0) {
                ranked.add(new Ranked(h, exact, shared));
            }
        }
        ranked.sort(java.util.Comparator.comparing(Ranked::exact)
                .thenComparingInt(Ranked::shared)
                .reversed()
                .thenComparing(r -> r.doc().id()));
        return ranked.stream().limit(max).map(Ranked::doc).toList();
    }

    /** {@link #duplicateCandidates} as one search per document, in a multi-search. */
    private List<List<PolicyDocument>> duplicateCandidatesOneByOne(List<PolicyDocument> documents, int max)
            throws IOException {
        MsearchResponse<PolicyDocument> response = client.msearch(
                m -> {
                    m.index(indexManager.alias());
                    for (PolicyDocument d : documents) {
                        m.searches(s -> s.header(h -> h)
                                .body(b -> b.size(max)
                                        .source(src -> src.filter(f -> f.includes(DocumentStore.DUPLICATE_FIELDS)))
                                        .query(DocumentStore.duplicateCandidateQuery(d.exactHash(), d.lshBands()))));
                    }
                    return m;
                },
                PolicyDocument.class);
        List<List<PolicyDocument>> out = new ArrayList<>();
        for (MultiSearchResponseItem<PolicyDocument> item : response.responses()) {
            if (item.isFailure()) {
                throw new IOException("Duplicate candidate search failed: "
                        + item.failure().error().reason());
            }
            out.add(item.result().hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList());
        }
        return out;
    }

    /**
     * A bulk writer into the alias: each document added with a context comes back to {@code listener} with the
     * bulk response holding its item. Closing it flushes and waits for every request.
     */
    public <C> BulkIngester<C> ingester(BulkListener<C> listener) {
        return BulkIngester.of(b -> b.client(client)
                .maxOperations(BULK_DOCS)
                .maxSize(BULK_BYTES)
                .maxConcurrentRequests(BULK_CONCURRENCY)
                .flushInterval(1, TimeUnit.SECONDS)
                .listener(listener));
    }

    /**
     * Sends one bulk request synchronously and answers its items, in order. Index operations with their
     * deterministic ids are idempotent, so a request whose answer was lost (a timeout) can be sent again safely.
     */
    public List<BulkResponseItem> bulk(List<BulkOperation> operations) throws IOException {
        return client.bulk(b -> b.operations(operations)).items();
    }

    /** The index operation {@link DocumentStore#put} would send for {@code document}, completion inputs included. */
    public BulkOperation indexOperation(PolicyDocument document) {
        return indexOperation(document, indexManager.alias());
    }

    /** The same operation into another index (benchmarks compare against raw bulk into a fresh index). */
    public BulkOperation indexOperation(PolicyDocument document, String index) {
        ObjectNode body = documents.body(document);
        return BulkOperation.of(
                o -> o.index(i -> i.index(index).id(document.id()).document(body)));
    }
}
