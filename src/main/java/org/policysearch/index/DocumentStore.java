package org.policysearch.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.policysearch.suggest.SuggestInputs;
import org.springframework.stereotype.Component;

/** Reads and writes documents through the alias. */
@Component
public class DocumentStore {

    private final ElasticsearchClient client;
    private final IndexManager indexManager;
    private final ObjectMapper mapper;
    private final SuggestInputs suggestInputs;

    DocumentStore(
            ElasticsearchClient client, IndexManager indexManager, ObjectMapper mapper, SuggestInputs suggestInputs) {
        this.client = client;
        this.indexManager = indexManager;
        this.mapper = mapper;
        this.suggestInputs = suggestInputs;
    }

    public Optional<PolicyDocument> get(String id) throws IOException {
        GetResponse<PolicyDocument> response =
                client.get(g -> g.index(indexManager.alias()).id(id), PolicyDocument.class);
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    public boolean exists(String id) throws IOException {
        return client.exists(e -> e.index(indexManager.alias()).id(id)).value();
    }

    /**
     * Indexes (or replaces) a document. With {@code waitForSearchable} the call returns only once a search can find
     * it, so an acknowledged upload is findable at once. The completion inputs ({@code suggest}) are derived here, so
     * every write carries them; the mapping keeps them out of {@code _source}.
     */
    public void put(PolicyDocument document, boolean waitForSearchable) throws IOException {
        putInto(indexManager.alias(), document, waitForSearchable);
    }

    /** Like {@link #put}, into one physical index rather than the alias: a rebuild fills a new index version. */
    public void putInto(String index, PolicyDocument document, boolean waitForSearchable) throws IOException {
        ObjectNode body = body(document);
        client.index(i -> i.index(index)
                .id(document.id())
                .document(body)
                .refresh(waitForSearchable ? Refresh.WaitFor : Refresh.False));
    }

    /** What every write sends for a document: its fields plus the derived completion inputs. */
    ObjectNode body(PolicyDocument document) {
        ObjectNode body = mapper.valueToTree(document);
        body.set("suggest", mapper.valueToTree(suggestInputs.fields(document)));
        return body;
    }

    /** Makes everything written so far searchable. */
    public void refresh() throws IOException {
        refresh(indexManager.alias());
    }

    /** Makes everything written so far into {@code indexOrAlias} searchable. */
    public void refresh(String indexOrAlias) throws IOException {
        client.indices().refresh(r -> r.index(indexOrAlias));
    }

    /** Number of documents in a physical index or behind an alias (as of the last refresh). */
    public long count(String indexOrAlias) throws IOException {
        return client.count(c -> c.index(indexOrAlias)).count();
    }

    /**
     * Documents that may duplicate a new one: the same normalised-text hash or a shared LSH band. Only the fields
     * the duplicate decision needs are fetched.
     */
    public List<PolicyDocument> duplicateCandidates(String exactHash, List<String> bands, int max) throws IOException {
        var response = client.search(
                s -> s.index(indexManager.alias())
                        .size(max)
                        .source(src -> src.filter(f -> f.includes(DUPLICATE_FIELDS)))
                        .query(duplicateCandidateQuery(exactHash, bands)),
                PolicyDocument.class);
        List<PolicyDocument> out = new ArrayList<>();
        for (Hit<PolicyDocument> hit : response.hits().hits()) {
            out.add(Objects.requireNonNull(hit.source()));
        }
        return out;
    }

    /** The fields a duplicate decision reads. */
    static final List<String> DUPLICATE_FIELDS = List.of("id", "exactHash", "minhash", "lshBands", "duplicateOf");

    /** Documents with the same normalised-text hash or a shared LSH band. */
    static Query duplicateCandidateQuery(String exactHash, List<String> bands) {
        List<FieldValue> bandValues = bands.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.bool(b -> {
            b.should(sh -> sh.term(t -> t.field("exactHash").value(exactHash)));
            if (!bandValues.isEmpty()) {
                b.should(sh -> sh.terms(t -> t.field("lshBands").terms(v -> v.value(bandValues))));
            }
            return b.minimumShouldMatch("1");
        }));
    }

    /** The documents that duplicate {@code representativeId} (id, title, date, source fields), newest first. */
    public List<PolicyDocument> duplicatesOf(String representativeId, int max) throws IOException {
        var response = client.search(
                s -> s.index(indexManager.alias())
                        .size(max)
                        .source(src -> src.filter(f -> f.includes("id", "title", "date", "source", "sourceUrl")))
                        .query(q -> q.term(t -> t.field("duplicateOf").value(representativeId)))
                        .sort(o -> o.field(
                                f -> f.field("date").order(SortOrder.Desc).missing("_last"))),
                PolicyDocument.class);
        return response.hits().hits().stream()
                .map(Hit::source)
                .filter(Objects::nonNull)
                .toList();
    }

    /** How many documents point at {@code representativeId}. */
    public long countDuplicatesOf(String representativeId) throws IOException {
        return client.count(c -> c.index(indexManager.alias())
                        .query(q -> q.term(t -> t.field("duplicateOf").value(representativeId))))
                .count();
    }
}
