package org.policysearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QueryBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(Query q) throws Exception {
        return JSON.readTree(JsonpUtils.toJsonString(q, new JacksonJsonpMapper()));
    }

    /** Every query type in the tree, e.g. {@code match_phrase}, with the field and text it targets. */
    private static List<String> leaves(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "match", "match_phrase", "term" -> {
                    Map.Entry<String, JsonNode> f = e.getValue().fields().next();
                    JsonNode v = f.getValue();
                    String text = v.has("query")
                            ? v.get("query").asText()
                            : v.get("value").asText();
                    out.add(e.getKey() + " " + f.getKey() + " " + text);
                }
                case "match_all" -> out.add("match_all");
                default -> collect(e.getValue(), out);
            }
        }
    }

    private static final List<String> SAFE_TYPES = List.of(
            "bool",
            "dis_max",
            "match",
            "match_phrase",
            "term",
            "match_all",
            "must",
            "should",
            "must_not",
            "queries",
            "filter");

    private static void assertOnlySafeTypes(JsonNode node) {
        if (node.isArray()) {
            node.forEach(QueryBuilderTest::assertOnlySafeTypes);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isObject() || e.getValue().isArray()) {
                    if (List.of("match", "match_phrase", "term").contains(e.getKey())) {
                        return;
                    }
                    assertThat(SAFE_TYPES).contains(e.getKey());
                    assertOnlySafeTypes(e.getValue());
                }
            });
        }
    }

    @ParameterizedTest
    @EnumSource(QueryTemplate.class)
    void onlyTypedQueriesReachElasticsearch(QueryTemplate template) throws Exception {
        UserQuery q = QueryParser.parse("税收* /政.*策/ \"a~2\" title:(b OR c) -d? 国发[2020]3号 党");
        assertOnlySafeTypes(json(template.build(q)));
        assertOnlySafeTypes(json(QueryBuilder.highlight(q, "text.bigram")));
    }

    @Test
    void aQuotedPhraseIsAnExactSubstringOnTheBigramView() throws Exception {
        assertThat(leaves(json(QueryBuilder.relevance(QueryParser.parse("\"基层党组织\"")))))
                .containsExactlyInAnyOrder("match_phrase text.bigram 基层党组织", "match_phrase title.bigram 基层党组织");
    }

    @Test
    void aSingleCharacterUsesTheCharView() throws Exception {
        assertThat(leaves(json(QueryBuilder.relevance(QueryParser.parse("党")))))
                .containsExactlyInAnyOrder("match_phrase text.char 党", "match_phrase title.char 党");
    }

    @Test
    void titleScopeTouchesOnlyTitleFields() throws Exception {
        List<String> leaves = leaves(json(QueryBuilder.relevance(QueryParser.parse("title:乡村振兴"))));
        assertThat(leaves)
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.split(" ")[1]).startsWith("title"));
    }

    @Test
    void aLooseTermCombinesWordsBigramsAndExactSubstring() throws Exception {
        List<String> leaves = leaves(json(QueryBuilder.relevance(QueryParser.parse("乡村振兴"))));
        assertThat(leaves)
                .contains(
                        "match text 乡村振兴",
                        "match text.bigram 乡村振兴",
                        "match_phrase text.bigram 乡村振兴",
                        "match title 乡村振兴",
                        "match_phrase title.bigram 乡村振兴");
        assertThat(leaves).noneMatch(l -> l.contains(".char"));
    }

    @Test
    void aDocumentNumberIsAnExactLookupOrTheNumberInText() throws Exception {
        List<String> leaves = leaves(json(QueryBuilder.relevance(QueryParser.parse("国发（2020）3号"))));
        assertThat(leaves)
                .containsExactlyInAnyOrder(
                        "term docNumber 国发〔2020〕3号",
                        "match_phrase text.bigram 国发（2020）3号",
                        "match_phrase title.bigram 国发（2020）3号");
    }

    @Test
    void exclusionsAreMustNotExactMatches() throws Exception {
        JsonNode q = json(QueryBuilder.relevance(QueryParser.parse("疫情 -新闻")));
        assertThat(leaves(q.get("bool").get("must_not")))
                .containsExactlyInAnyOrder("match_phrase text.bigram 新闻", "match_phrase title.bigram 新闻");
    }

    @Test
    void onlyExclusionsBrowseEverythingElse() throws Exception {
        JsonNode q = json(QueryBuilder.relevance(QueryParser.parse("-新闻")));
        assertThat(leaves(q.get("bool").get("must"))).containsExactly("match_all");
    }

    @Test
    void orAlternativesNeedOneMatch() throws Exception {
        JsonNode q = json(QueryBuilder.relevance(QueryParser.parse("\"扶贫\" OR \"脱贫\"")));
        JsonNode must = q.get("bool").get("must");
        assertThat(must).hasSize(1);
        assertThat(must.get(0).get("bool").get("minimum_should_match").asText()).isEqualTo("1");
        assertThat(must.get(0).get("bool").get("should")).hasSize(2);
    }

    @Test
    void theBaselineIsOnePlainWordMatch() throws Exception {
        assertThat(leaves(json(QueryTemplate.SMARTCN_TEXT.build(QueryParser.parse("\"乡村振兴\"")))))
                .containsExactly("match text 乡村振兴");
    }

    @Test
    void longQuestionsGetTheLooserGateOnlyInTheLongTemplate() throws Exception {
        String question = "北京市对于因疫情影响暂停举办的展会项目有何支持政策";
        String looseJson = json(QueryTemplate.HYBRID_LONG.build(QueryParser.parse(question)))
                .toString();
        String strictJson = json(QueryTemplate.HYBRID_BOOSTED.build(QueryParser.parse(question)))
                .toString();
        assertThat(looseJson).contains("3<50%").doesNotContain("3<80%");
        assertThat(strictJson).contains("3<80%").doesNotContain("3<50%");
        String shortJson =
                json(QueryTemplate.HYBRID_LONG.build(QueryParser.parse("乡村振兴"))).toString();
        assertThat(shortJson).contains("3<80%").doesNotContain("3<50%");
    }

    @Test
    void theDefaultLetsLongTermsInByTheirBigramsAndRescoresWithTheBoosts() throws Exception {
        String question = "北京市对于因疫情影响暂停举办的展会项目有何支持政策";
        UserQuery q = QueryParser.parse(question);
        JsonNode gate = json(QueryBuilder.relevance(q));
        assertThat(leaves(gate))
                .contains("match text.bigram " + question, "match_phrase text.bigram " + question)
                .doesNotContain("match text " + question);
        assertThat(gate.toString()).contains("3<40%").doesNotContain("slop");

        assertThat(leaves(
                        json(QueryBuilder.boosts(QueryParser.parse("乡村振兴 \"党建\"  国发〔2020〕3号"), QueryTemplate.DEFAULT))))
                .containsExactly(
                        "match_phrase title.bigram 乡村振兴", "match_phrase text.bigram 乡村振兴", "match_phrase text 乡村振兴");
        assertThat(QueryBuilder.boosts(QueryParser.parse("\"党建\""), QueryTemplate.DEFAULT))
                .isNull();
        // A template that keeps its boosts in the query has nothing to rescore.
        assertThat(QueryBuilder.boosts(q, QueryTemplate.HYBRID_LONG)).isNull();
        assertThat(json(QueryTemplate.HYBRID_LONG.build(q)).toString()).contains("slop");
    }

    @Test
    void highlightMarksPhrasesWholeAndQuestionsByPairs() throws Exception {
        UserQuery q = QueryParser.parse("基层党组织 北京市对于因疫情影响暂停举办的展会项目 -新闻");
        assertThat(leaves(json(QueryBuilder.highlight(q, "text.bigram"))))
                .containsExactly("match_phrase text.bigram 基层党组织", "match text.bigram 北京市对于因疫情影响暂停举办的展会项目");
    }
}
