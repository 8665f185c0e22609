package org.policysearch.web;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.policysearch.search.Facet;
import org.policysearch.search.SearchController;
import org.policysearch.search.SearchParams;
import org.policysearch.search.SearchResult;
import org.policysearch.search.SearchService;
import org.policysearch.suggest.SuggestService;
import org.policysearch.suggest.Suggestions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page: {@code /} and {@code /search?q=…&type=…&year=…&sort=…&page=…}, the whole state in the URL. */
@Controller
class SearchPageController {

    static final int PAGE_SIZE = 20;
    static final List<String> FACETS =
            Arrays.stream(Facet.values()).map(f -> f.param).toList();
    /** Facets with many distinct values: a filter box and a "more" list. */
    static final List<String> LONG_FACETS = List.of("issuingBody", "region", "source");

    private final SearchService search;
    private final SuggestService suggest;

    SearchPageController(SearchService search, SuggestService suggest) {
        this.search = search;
        this.suggest = suggest;
    }

    @GetMapping({"/", "/search"})
    String search(@RequestParam MultiValueMap<String, String> request, Model model) throws IOException {
        PageUrls urls = PageUrls.of(request, FACETS);
        MultiValueMap<String, String> apiParams = new LinkedMultiValueMap<>(urls.state());
        apiParams.putIfAbsent("size", List.of(String.valueOf(PAGE_SIZE)));
        SearchParams params = SearchController.parse(apiParams);
        SearchResult result = search.search(params);
        model.addAttribute("page", page(params, result, urls));
        return "search";
    }

    private SearchPage page(SearchParams params, SearchResult result, PageUrls urls) throws IOException {
        List<SearchPage.Hit> hits = result.hits().stream()
                .map(h -> new SearchPage.Hit(
                        h.id(),
                        h.title() == null || h.title().isBlank() ? "（无标题）" : h.title(),
                        documentUrl(h.id(), params.q()),
                        h.highlights().stream().map(SafeHtml::highlight).toList(),
                        Stream.of(h.issuingBody(), h.docNumber(), h.date(), h.type(), h.source())
                                .filter(v -> v != null && !v.isBlank())
                                .toList(),
                        h.duplicates(),
                        "/documents/" + h.id() + "#duplicates"))
                .toList();
        List<SearchPage.FacetGroup> facets = new ArrayList<>();
        List<SearchPage.ActiveFilter> active = new ArrayList<>();
        for (Map.Entry<String, List<SearchResult.FacetValue>> e :
                result.facets().entrySet()) {
            String param = e.getKey();
            List<SearchPage.Option> options = new ArrayList<>();
            long max = 1;
            for (SearchResult.FacetValue v : e.getValue()) {
                options.add(new SearchPage.Option(
                        v.value(),
                        v.count(),
                        v.selected(),
                        urls.toggle(param, v.value()),
                        optionId(param, options.size())));
                max = Math.max(max, v.count());
            }
            boolean searchable = !param.equals("year");
            facets.add(new SearchPage.FacetGroup(
                    param,
                    FacetLabels.of(param),
                    options,
                    LONG_FACETS.contains(param),
                    param.equals("year"),
                    searchable && options.size() >= 10 ? urls.to("/facets/" + param) : null,
                    max));
        }
        params.filters()
                .forEach((facet, values) -> values.forEach(v -> active.add(
                        new SearchPage.ActiveFilter(FacetLabels.of(facet.param), v, urls.toggle(facet.param, v)))));
        if (params.from() != null) {
            active.add(new SearchPage.ActiveFilter("起始日期", params.from().toString(), urls.with("from", null)));
        }
        if (params.to() != null) {
            active.add(new SearchPage.ActiveFilter("截止日期", params.to().toString(), urls.with("to", null)));
        }
        String sort = urls.state().getFirst("sort") == null
                ? "relevance"
                : urls.state().getFirst("sort");
        List<SearchPage.Link> sorts = List.of(
                new SearchPage.Link("相关度", urls.with("sort", null), sort.equals("relevance")),
                new SearchPage.Link("最新", urls.with("sort", "-date"), sort.equals("-date")),
                new SearchPage.Link("最早", urls.with("sort", "date"), sort.equals("date")));
        boolean empty = result.total() == 0;
        return new SearchPage(
                params.q(),
                sort,
                params.from() == null ? "" : params.from().toString(),
                params.to() == null ? "" : params.to().toString(),
                params.includeDuplicates(),
                result.total(),
                result.took(),
                hits,
                facets,
                active,
                sorts,
                Pagination.of(params.page(), params.size(), result.total(), urls),
                empty ? suggestions(params.q()) : List.of(),
                empty ? otherScript(params.q(), urls) : null,
                urls.query(),
                null);
    }

    static String documentUrl(String id, String q) {
        return q == null || q.isBlank()
                ? PageUrls.url("/documents/" + id, Map.of())
                : PageUrls.url("/documents/" + id, Map.of("q", List.of(q)));
    }

    private static String optionId(String param, int index) {
        return "f-" + param + "-" + index;
    }

    private List<SearchPage.Link> suggestions(String q) throws IOException {
        if (q.isBlank()) {
            return List.of();
        }
        String prefix = q.length() > 50 ? q.substring(0, 50) : q;
        List<SearchPage.Link> links = new ArrayList<>();
        for (Suggestions.Suggestion s : suggest.suggest(prefix, 6).suggestions()) {
            if (s.text().equals(q)) {
                continue;
            }
            links.add(new SearchPage.Link(
                    s.text(),
                    "title".equals(s.kind()) && s.id() != null
                            ? documentUrl(s.id(), null)
                            : PageUrls.url("/search", Map.of("q", List.of(s.text()))),
                    false));
        }
        return links;
    }

    /** The query in the other script, offered when the user's spelling may be what kept results away. */
    private static SearchPage.Link otherScript(String q, PageUrls urls) {
        if (q.isBlank()) {
            return null;
        }
        String simple = ZhConverterUtil.toSimple(q);
        String other = simple.equals(q) ? ZhConverterUtil.toTraditional(q) : simple;
        return other.equals(q) ? null : new SearchPage.Link(other, urls.with("q", other), false);
    }
}
