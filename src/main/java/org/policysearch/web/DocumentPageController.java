package org.policysearch.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.PolicyDocument;
import org.policysearch.search.QueryParser;
import org.policysearch.search.SimilarHits;
import org.policysearch.search.SimilarService;
import org.policysearch.search.UserQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** One document: its metadata, its text with the searched terms marked, its duplicates and similar documents. */
@Controller
class DocumentPageController {

    private static final int SIMILAR = 8;
    private static final int MAX_DUPLICATES = 50;

    private final DocumentStore store;
    private final SimilarService similar;

    DocumentPageController(DocumentStore store, SimilarService similar) {
        this.store = store;
        this.similar = similar;
    }

    /** A row of the metadata table; {@code url} makes the value a link. */
    record Row(String label, String value, String url) {}

    /** A linked document in a list. */
    record Ref(String title, String url, String date) {}

    @GetMapping("/documents/{id}")
    String document(@PathVariable String id, @RequestParam(required = false) String q, Model model) throws IOException {
        PolicyDocument d = (id.matches("[A-Za-z0-9_-]{1,64}")
                        ? store.get(id)
                        : java.util.Optional.<PolicyDocument>empty())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "没有这份文档"));
        List<String> terms = terms(q);
        model.addAttribute("doc", d);
        model.addAttribute("title", d.title() == null || d.title().isBlank() ? "（无标题）" : d.title());
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("rows", rows(d));
        model.addAttribute("textHtml", SafeHtml.mark(d.text() == null ? "" : d.text(), terms));
        model.addAttribute("marked", !terms.isEmpty());
        model.addAttribute("original", "/api/documents/" + d.id() + "/original");
        model.addAttribute(
                "backUrl", q == null || q.isBlank() ? "/" : PageUrls.url("/search", Map.of("q", List.of(q))));
        if (d.duplicateOf() != null) {
            PolicyDocument rep = store.get(d.duplicateOf()).orElse(null);
            model.addAttribute(
                    "representative",
                    new Ref(
                            rep == null || rep.title() == null ? d.duplicateOf() : rep.title(),
                            SearchPageController.documentUrl(d.duplicateOf(), q),
                            rep == null ? null : rep.date()));
        }
        List<Ref> dups = new ArrayList<>();
        for (PolicyDocument x : store.duplicatesOf(d.id(), MAX_DUPLICATES)) {
            dups.add(new Ref(titleOf(x.title()), SearchPageController.documentUrl(x.id(), q), x.date()));
        }
        model.addAttribute("duplicates", dups);
        List<Ref> similarRefs = new ArrayList<>();
        for (SimilarHits.SimilarHit h :
                similar.similar(d.id(), SIMILAR).map(SimilarHits::hits).orElse(List.of())) {
            similarRefs.add(new Ref(titleOf(h.title()), SearchPageController.documentUrl(h.id(), null), h.date()));
        }
        model.addAttribute("similar", similarRefs);
        return "document";
    }

    private static String titleOf(String title) {
        return title == null || title.isBlank() ? "（无标题）" : title;
    }

    /** The query's positive terms; a query the parser refuses marks nothing. */
    static List<String> terms(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        try {
            return QueryParser.parse(q).positiveTerms().stream()
                    .map(UserQuery.Term::text)
                    .filter(t -> !t.isBlank())
                    .toList();
        } catch (ApiException refused) {
            return List.of();
        }
    }

    private static List<Row> rows(PolicyDocument d) {
        List<Row> rows = new ArrayList<>();
        add(rows, "标题", d.title(), null);
        add(rows, "发文机关", d.issuingBody(), null);
        add(rows, "发文字号", d.docNumber(), null);
        add(rows, "日期", d.date(), null);
        add(rows, "类型", d.type(), null);
        add(rows, "来源", d.source() != null ? d.source() : d.sourceUrl(), safeUrl(d.sourceUrl()));
        add(rows, "作者", d.author(), null);
        add(rows, "地区", String.join("、", d.regions()), null);
        add(rows, "主题", String.join("、", d.topics()), null);
        add(rows, "关键词", String.join("、", d.keywords()), null);
        add(rows, "文字", script(d.script()), null);
        add(
                rows,
                "标记",
                String.join(
                        "、",
                        d.flags().stream().map(DocumentPageController::flag).toList()),
                null);
        add(rows, "文件", d.fileName(), null);
        return rows;
    }

    private static void add(List<Row> rows, String label, String value, String url) {
        if (value != null && !value.isBlank()) {
            rows.add(new Row(label, value, url));
        }
    }

    /** Only web links: a javascript: or data: URL from a scraped page must not become clickable. */
    static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        return u.regionMatches(true, 0, "http://", 0, 7) || u.regionMatches(true, 0, "https://", 0, 8) ? u : null;
    }

    private static String script(String script) {
        if (script == null) {
            return null;
        }
        return switch (script) {
            case "simplified" -> "简体";
            case "traditional" -> "繁体";
            case "mixed" -> "简繁混合";
            default -> script;
        };
    }

    private static String flag(String flag) {
        return switch (flag) {
            case "partial" -> "部分内容（文档残缺）";
            case "mojibake" -> "含乱码";
            case "placeholder" -> "占位内容";
            default -> flag;
        };
    }
}
