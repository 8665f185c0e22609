package org.policysearch.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps each representative's {@link PolicyDocument#duplicates} equal to the number of documents pointing at it, so
 * a search hit carries its count in {@code _source} and a search is one request (ADR 0010). Every path that writes a
 * document recounts the representatives it touched, once its writes are acknowledged.
 *
 * <p>A representative is rewritten whole, from its {@code _source} through {@link DocumentStore#body}: a partial
 * update would keep only {@code _source}, which excludes the completion inputs, and so drop its suggestions.
 *
 * <p>Safe against concurrent recounts and writes without a lock: a representative's version is read before its
 * duplicates are counted and the rewrite is conditional on that version ({@code if_seq_no}), so a count older than
 * the document's last change is never written; a conflict recounts that representative.
 */
@Component
public class DuplicateCounts {

    private static final Logger log = LoggerFactory.getLogger(DuplicateCounts.class);
    private static final String DUPLICATES = "duplicates";
    /** Representatives per multi-get and per aggregation (a terms query over at most this many ids). */
    static final int CHUNK = 100;
    /** Rounds of conflicts before giving up: each needs another write to the same representative meanwhile. */
    private static final int ATTEMPTS = 5;

    private final ElasticsearchClient client;
    private final IndexManager indexManager;
    private final DocumentStore documents;

    DuplicateCounts(ElasticsearchClient client, IndexManager indexManager, DocumentStore documents) {
        this.client = client;
        this.indexManager = indexManager;
        this.documents = documents;
    }

    /** {@link #recount(String, Collection, boolean)} through the alias: the live index. */
    public int recount(Collection<String> representativeIds, boolean waitForSearchable) throws IOException {
        return recount(indexManager.alias(), representativeIds, waitForSearchable);
    }

    /**
     * Refreshes {@code index} (a physical index or the alias), counts the documents pointing at each of
     * {@code representativeIds} and rewrites each representative whose stored count differs. Call it after the
     * writes that changed the counts are acknowledged. With {@code waitForSearchable} the rewritten counts are
     * searchable on return. Missing ids (a write that failed) are skipped. Answers how many documents were rewritten.
     */
    public int recount(String index, Collection<String> representativeIds, boolean waitForSearchable)
            throws IOException {
        Set<String> pending = new TreeSet<>();
        representativeIds.stream().filter(Objects::nonNull).forEach(pending::add);
        if (pending.isEmpty()) {
            return 0;
        }
        // The duplicates' writes were acknowledged, not necessarily made searchable: the count is a search.
        client.indices().refresh(r -> r.index(index));
        int rewritten = 0;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new IOException("Representatives kept changing while their duplicates were counted: " + pending);
            }
            Set<String> conflicts = new TreeSet<>();
            List<String> ids = new ArrayList<>(pending);
            for (int from = 0; from < ids.size(); from += CHUNK) {
                rewritten += recountChunk(
                        index, ids.subList(from, Math.min(ids.size(), from + CHUNK)), waitForSearchable, conflicts);
            }
            pending = conflicts;
        }
        log.debug(
                "Recounted the duplicates of {} representatives in {}: {} rewritten",
                representativeIds.size(),
                index,
                rewritten);
        return rewritten;
    }

    /** A representative's version and stored count, read before its duplicates are counted. */
    record Stored(long seqNo, long primaryTerm, Integer duplicates) {}

    private int recountChunk(String index, List<String> ids, boolean waitForSearchable, Set<String> conflicts)
            throws IOException {
        Map<String, Stored> stored = stored(index, ids);
        if (stored.isEmpty()) {
            return 0;
        }
        Map<String, Integer> changes = changes(stored, count(index, List.copyOf(stored.keySet())));
        if (changes.isEmpty()) {
            return 0;
        }
        List<BulkOperation> operations = new ArrayList<>();
        List<String> operationIds = new ArrayList<>();
        long bytes = 0;
        int rewritten = 0;
        for (GetResult<PolicyDocument> current : documentsOf(index, List.copyOf(changes.keySet()))) {
            Stored version = stored.get(current.id());
            if (!current.found() || current.source() == null) {
                continue;
            }
            if (!Objects.equals(current.seqNo(), version.seqNo())) {
                conflicts.add(current.id()); // written since its count was read: count again
                continue;
            }
            PolicyDocument counted = current.source().withDuplicates(changes.get(current.id()));
            ObjectNode body = documents.body(counted);
            operations.add(BulkOperation.of(o -> o.index(i -> i.index(index)
                    .id(current.id())
                    .ifSeqNo(version.seqNo())
                    .ifPrimaryTerm(version.primaryTerm())
                    .document(body))));
            operationIds.add(current.id());
            bytes += BatchStore.requestBytes(counted);
            if (bytes >= BatchStore.BULK_BYTES || operations.size() >= BatchStore.BULK_DOCS) {
                rewritten += rewrite(operations, operationIds, waitForSearchable, conflicts);
                operations = new ArrayList<>();
                operationIds = new ArrayList<>();
                bytes = 0;
            }
        }
        return rewritten + rewrite(operations, operationIds, waitForSearchable, conflicts);
    }

    /** Versions and stored counts of those of {@code ids} that exist (a real-time multi-get: no refresh needed). */
    private Map<String, Stored> stored(String index, List<String> ids) throws IOException {
        Map<String, Stored> out = new LinkedHashMap<>();
        for (GetResult<PolicyDocument> r : multiGet(index, ids, List.of(DUPLICATES))) {
            if (r.found() && r.seqNo() != null && r.primaryTerm() != null) {
                out.put(
                        r.id(),
                        new Stored(
                                r.seqNo(),
                                r.primaryTerm(),
                                r.source() == null ? null : r.source().duplicates()));
            }
        }
        return out;
    }

    /** The whole stored documents to rewrite, with their versions. */
    private List<GetResult<PolicyDocument>> documentsOf(String index, List<String> ids) throws IOException {
        return multiGet(index, ids, List.of());
    }

    /** A multi-get of {@code ids} with their versions, the source cut to {@code includes} (empty: whole). */
    private List<GetResult<PolicyDocument>> multiGet(String index, List<String> ids, List<String> includes)
            throws IOException {
        var response = client.mget(
                m -> {
                    m.index(index).ids(ids);
                    if (!includes.isEmpty()) {
                        m.sourceIncludes(includes);
                    }
                    return m;
                },
                PolicyDocument.class);
        List<GetResult<PolicyDocument>> out = new ArrayList<>();
        for (MultiGetResponseItem<PolicyDocument> item : response.docs()) {
            if (item.isFailure()) {
                throw new IOException(
                        "Multi-get item failed: " + item.failure().error().type());
            }
            out.add(item.result());
        }
        return out;
    }

    /** How many documents point at each of {@code ids} (absent: none). */
    private Map<String, Long> count(String index, List<String> ids) throws IOException {
        var response = client.search(countRequest(index, ids), Void.class);
        Map<String, Long> counts = new HashMap<>();
        for (StringTermsBucket b :
                response.aggregations().get(DUPLICATES).sterms().buckets().array()) {
            counts.put(b.key().stringValue(), b.docCount());
        }
        return counts;
    }

    /** The count for a set of representatives: one terms aggregation over {@code duplicateOf}, no hits, no total. */
    static SearchRequest countRequest(String index, List<String> ids) {
        List<FieldValue> values = ids.stream().map(FieldValue::of).toList();
        return SearchRequest.of(s -> s.index(index)
                .size(0)
                .trackTotalHits(t -> t.enabled(false))
                .query(q -> q.terms(t -> t.field("duplicateOf").terms(v -> v.value(values))))
                .aggregations(
                        DUPLICATES, a -> a.terms(t -> t.field("duplicateOf").size(ids.size()))));
    }

    /**
     * The counts to write: those that differ from the stored ones. None is stored as null (no field), so a
     * representative without duplicates keeps the document the pipeline wrote.
     */
    static Map<String, Integer> changes(Map<String, Stored> stored, Map<String, Long> counted) {
        Map<String, Integer> out = new LinkedHashMap<>();
        stored.forEach((id, s) -> {
            int count = Math.toIntExact(counted.getOrDefault(id, 0L));
            int before = s.duplicates() == null ? 0 : s.duplicates();
            if (count != before) {
                out.put(id, count == 0 ? null : count);
            }
        });
        return out;
    }

    /** Sends the conditional rewrites; a version conflict is collected to count again. */
    private int rewrite(
            List<BulkOperation> operations, List<String> ids, boolean waitForSearchable, Set<String> conflicts)
            throws IOException {
        if (operations.isEmpty()) {
            return 0;
        }
        List<BulkResponseItem> items = client.bulk(
                        b -> b.operations(operations).refresh(waitForSearchable ? Refresh.WaitFor : Refresh.False))
                .items();
        int rewritten = 0;
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                rewritten++;
            } else if (item.status() == 409) {
                conflicts.add(ids.get(i));
            } else if (item.error().type().contains("strict_dynamic_mapping")) {
                // An index created before the count was mapped (version < 4): it keeps serving until a rebuild.
                log.warn(
                        "{} has no mapping for the duplicate count; rebuild the index to show counts in search",
                        item.index());
            } else {
                String why = "Elasticsearch refused the count of " + ids.get(i) + ": " + item.status() + " "
                        + item.error().type() + ": " + item.error().reason();
                // Overload and unavailability pass (the batch path retries an IOException); anything else will not.
                if (item.status() == 429 || item.status() >= 500) {
                    throw new IOException(why);
                }
                throw new IllegalStateException(why);
            }
        }
        return rewritten;
    }
}
