package org.policysearch.suggest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.springframework.stereotype.Service;

/**
 * Completes a typed prefix in one request: the {@code suggest.term} and {@code suggest.title} completion fields
 * (prefix of the Simplified text, full pinyin or initials), plus, for Chinese input, titles that contain it
 * anywhere (a phrase on the character view), since policy titles rarely start with the topic (关于…的通知).
 */
@Service
public class SuggestService {

    /** Documents sampled per request to rank terms by how many of them carry the term. */
    private static final int TERM_DOCS = 100;

    private final ElasticsearchClient client;
    private final IndexManager indexManager;
    private final SuggestInputs inputs;

    SuggestService(ElasticsearchClient client, IndexManager indexManager, SuggestInputs inputs) {
        this.client = client;
        this.indexManager = indexManager;
        this.inputs = inputs;
    }

    public Suggestions suggest(String typed, int size) throws IOException {
        String prefix = SuggestInputs.normalize(typed);
        if (prefix.isEmpty()) {
            return new Suggestions(List.of());
        }
        boolean han = prefix.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        SearchResponse<PolicyDocument> response = client.search(
                s -> s.index(indexManager.alias())
                        .size(han ? size : 0)
                        .source(src -> src.filter(f -> f.includes("title", "keywords", "topics", "duplicateOf")))
                        .query(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("duplicateOf")))
                                .must(m ->
                                        m.matchPhrase(p -> p.field("title.char").query(prefix)))))
                        .sort(o -> o.field(
                                f -> f.field("date").order(SortOrder.Desc).missing("_last")))
                        .suggest(sg -> sg.suggesters(
                                        "term",
                                        fs -> fs.prefix(prefix)
                                                .completion(c ->
                                                        c.field("suggest.term").size(TERM_DOCS)))
                                .suggesters(
                                        "title",
                                        fs -> fs.prefix(prefix)
                                                .completion(c -> c.field("suggest.title")
                                                        .size(size * 2)
                                                        .skipDuplicates(true)))),
                PolicyDocument.class);
        List<Suggestions.Suggestion> terms = terms(options(response, "term"), prefix);
        List<Suggestions.Suggestion> titles = titles(response);
        // Terms take at most half the list unless titles leave room.
        int termSlots = Math.max(size - Math.min(titles.size(), size - size / 2), 0);
        List<Suggestions.Suggestion> out = new ArrayList<>(terms.subList(0, Math.min(termSlots, terms.size())));
        titles.stream().limit(size - out.size()).forEach(out::add);
        return new Suggestions(out);
    }

    /** Keywords/topics of the matched documents that the prefix completes, by how many documents carry them. */
    private List<Suggestions.Suggestion> terms(List<CompletionSuggestOption<PolicyDocument>> options, String prefix) {
        Map<String, Integer> counts = new HashMap<>();
        for (CompletionSuggestOption<PolicyDocument> option : options) {
            PolicyDocument d = option.source();
            if (d == null || d.duplicateOf() != null) {
                continue;
            }
            Stream.concat(d.keywords().stream(), d.topics().stream())
                    .distinct()
                    .filter(t -> inputs.completes(t, prefix))
                    .forEach(t -> counts.merge(t, 1, Integer::sum));
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(e -> e.getKey().length())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new Suggestions.Suggestion(e.getKey(), "term", null))
                .toList();
    }

    /** Titles that start with the prefix (completion, by recency), then titles that contain it (newest first). */
    private static List<Suggestions.Suggestion> titles(SearchResponse<PolicyDocument> response) {
        Set<String> seen = new LinkedHashSet<>();
        List<Suggestions.Suggestion> out = new ArrayList<>();
        for (CompletionSuggestOption<PolicyDocument> option : options(response, "title")) {
            PolicyDocument d = option.source();
            if (d != null && d.duplicateOf() == null && d.title() != null && seen.add(d.title())) {
                out.add(new Suggestions.Suggestion(d.title(), "title", option.id()));
            }
        }
        for (Hit<PolicyDocument> hit : response.hits().hits()) {
            PolicyDocument d = hit.source();
            if (d != null && d.title() != null && seen.add(d.title())) {
                out.add(new Suggestions.Suggestion(d.title(), "title", hit.id()));
            }
        }
        return out;
    }

    private static List<CompletionSuggestOption<PolicyDocument>> options(
            SearchResponse<PolicyDocument> response, String name) {
        return response.suggest().getOrDefault(name, List.of()).stream()
                .filter(Suggestion::isCompletion)
                .flatMap(s -> s.completion().options().stream())
                .toList();
    }
}
