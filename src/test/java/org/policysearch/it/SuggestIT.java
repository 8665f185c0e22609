package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.DuplicateCounts;
import org.policysearch.index.TestDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * {@code GET /api/suggest} on documents written through {@link DocumentStore}, which adds the completion inputs.
 * Suggestions rank across the whole index, so this test has an index (and node) of its own: documents other tests
 * write about 乡村振兴 would change the ranking it checks.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "policy.data-dir=target/it-data-suggest",
            "policy.ingest.load-samples=false",
            "policy.elasticsearch.managed.heap=512m",
            "API_KEY=it-secret",
            "policy.index.alias=it-suggest"
        })
class SuggestIT {

    private static boolean indexed;

    @Autowired
    DocumentStore store;

    @Autowired
    DuplicateCounts duplicateCounts;

    @Autowired
    TestRestTemplate rest;

    record Suggestion(String text, String kind, String id) {}

    @BeforeEach
    void indexOnce() throws IOException {
        if (indexed) {
            return;
        }
        put("sg-1", "关于全面推进乡村振兴加快农业农村现代化的意见", "2021-01-04", List.of("乡村振兴", "农业农村"), null);
        put("sg-2", "乡村振兴促进法", "2021-04-29", List.of("乡村振兴", "法律"), null);
        put("sg-3", "重庆市乡村建设行动实施方案", "2022-06-01", List.of("乡村建设", "重庆"), null);
        put("sg-4", "中国人民银行关于金融支持乡村振兴的通知", "2019-02-11", List.of("乡村振兴", "银行"), null);
        put("sg-5", "鄉村治理體系建設的指導意見", "2019-06-23", List.of("鄉村治理"), null);
        put("sg-6", "乡村振兴促进法（转载）", "2021-05-01", List.of("乡村振兴"), "sg-2");
        indexed = true;
    }

    private void put(String id, String title, String date, List<String> keywords, String duplicateOf)
            throws IOException {
        store.put(
                TestDocument.builder(id)
                        .title(title)
                        .text(title + "。全文略。")
                        .date(date)
                        .source("test")
                        .type("意见")
                        .keywords(keywords)
                        .duplicateOf(duplicateOf)
                        .build(),
                true);
    }

    private List<Suggestion> suggest(String q) {
        URI uri = URI.create(rest.getRootUri() + "/api/suggest?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        var response = rest.getForEntity(uri, JsonNode.class);
        assertThat(response.getStatusCode().value()).as(q).isEqualTo(200);
        List<Suggestion> out = new ArrayList<>();
        response.getBody()
                .get("suggestions")
                .forEach(s -> out.add(new Suggestion(
                        s.get("text").asText(),
                        s.get("kind").asText(),
                        s.hasNonNull("id") ? s.get("id").asText() : null)));
        return out;
    }

    @Test
    void chinesePrefixSuggestsFrequentTermsFirstThenTitlesStartingWithOrContainingIt() {
        List<Suggestion> s = suggest("乡村");
        assertThat(s.get(0)).isEqualTo(new Suggestion("乡村振兴", "term", null));
        assertThat(s).contains(new Suggestion("乡村建设", "term", null));
        assertThat(s).contains(new Suggestion("乡村振兴促进法", "title", "sg-2"));
        assertThat(s).contains(new Suggestion("关于全面推进乡村振兴加快农业农村现代化的意见", "title", "sg-1"));
        assertThat(s).contains(new Suggestion("重庆市乡村建设行动实施方案", "title", "sg-3"));
        // The title starting with the prefix ranks above those merely containing it.
        assertThat(titles(s).indexOf("乡村振兴促进法")).isZero();
    }

    @Test
    void pinyinInitialsAndFullPinyinComplete() {
        assertThat(suggest("xczx")).first().isEqualTo(new Suggestion("乡村振兴", "term", null));
        assertThat(suggest("xiangcun")).extracting(Suggestion::text).contains("乡村振兴", "乡村建设", "乡村振兴促进法");
        assertThat(suggest("Xiang Cun Zhen"))
                .extracting(Suggestion::text)
                .contains("乡村振兴")
                .doesNotContain("乡村建设");
        // Polyphones from the override list: 重庆 is chongqing, 银行 yinhang.
        assertThat(suggest("chongqing")).extracting(Suggestion::text).contains("重庆", "重庆市乡村建设行动实施方案");
        assertThat(suggest("yinh")).extracting(Suggestion::text).containsExactly("银行");
    }

    @Test
    void traditionalInputAndTraditionalDocumentsMeetInSimplified() {
        assertThat(suggest("鄉村振")).extracting(Suggestion::text).contains("乡村振兴", "乡村振兴促进法");
        List<Suggestion> s = suggest("乡村治理");
        assertThat(s).contains(new Suggestion("鄉村治理", "term", null));
        assertThat(s).contains(new Suggestion("鄉村治理體系建設的指導意見", "title", "sg-5"));
    }

    @Test
    void duplicatesAreNotSuggested() {
        assertThat(suggest("乡村振兴促进")).extracting(Suggestion::id).doesNotContain("sg-6");
    }

    /**
     * Storing a representative's duplicate count rewrites it: {@code _source} leaves out the completion inputs, so
     * the rewrite must send them again (a partial update would drop them, and with them every suggestion).
     */
    @Test
    void aRepresentativesSuggestionsSurviveTheRewriteThatStoresItsCount() throws IOException {
        // Written afresh (no count stored), as the pipeline writes a representative; sg-6 points at it.
        put("sg-2", "乡村振兴促进法", "2021-04-29", List.of("乡村振兴", "法律"), null);

        assertThat(duplicateCounts.recount(List.of("sg-2"), true)).isEqualTo(1);

        assertThat(store.get("sg-2").orElseThrow().duplicates()).isEqualTo(1);
        assertThat(suggest("乡村振兴促进")).contains(new Suggestion("乡村振兴促进法", "title", "sg-2"));
        assertThat(suggest("xczxcj")).extracting(Suggestion::id).contains("sg-2");
        assertThat(suggest("法律")).contains(new Suggestion("法律", "term", null));
        assertThat(duplicateCounts.recount(List.of("sg-2"), true))
                .as("nothing to rewrite once stored")
                .isZero();
    }

    @Test
    void unknownPrefixSuggestsNothingAndLimitsAreEnforced() {
        assertThat(suggest("zzzzqqq")).isEmpty();
        assertThat(suggest("  ")).isEmpty();
        assertThat(rest.getForEntity("/api/suggest?q=" + "乡".repeat(51), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(rest.getForEntity("/api/suggest?q=a&size=21", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    private static List<String> titles(List<Suggestion> s) {
        return s.stream()
                .filter(x -> x.kind().equals("title"))
                .map(Suggestion::text)
                .toList();
    }
}
