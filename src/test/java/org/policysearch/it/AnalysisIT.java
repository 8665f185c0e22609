package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policysearch.index.IndexManager;
import org.springframework.beans.factory.annotation.Autowired;

/** The index's analyzers, as the real node with the installed plugin runs them. */
class AnalysisIT extends AbstractServiceIT {

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexManager indexManager;

    private List<AnalyzeToken> analyze(String analyzer, String text) throws IOException {
        return client.indices()
                .analyze(a -> a.index(indexManager.alias()).analyzer(analyzer).text(text))
                .tokens();
    }

    private static List<String> terms(List<AnalyzeToken> tokens) {
        return tokens.stream().map(AnalyzeToken::token).toList();
    }

    @Test
    void traditionalIsFoldedBeforeSegmentationWithOffsetsOnTheOriginal() throws IOException {
        List<AnalyzeToken> tokens = analyze("zh_word", "鄉鎮幹部");
        assertThat(terms(tokens)).containsExactly("乡镇", "干部");
        assertThat(tokens.get(0).startOffset()).isZero();
        assertThat(tokens.get(0).endOffset()).isEqualTo(2);
        assertThat(tokens.get(1).startOffset()).isEqualTo(2);
        assertThat(tokens.get(1).endOffset()).isEqualTo(4);
    }

    @Test
    void simplifiedTextAndPhraseExceptionsPassUnchanged() throws IOException {
        assertThat(String.join("", terms(analyze("zh_char", "成效显著乾隆瞭望")))).isEqualTo("成效显著乾隆瞭望");
    }

    @Test
    void bigramViewCoversEveryAdjacentPair() throws IOException {
        assertThat(terms(analyze("zh_bigram", "基层党组织"))).containsExactly("基层", "层党", "党组", "组织");
    }

    @Test
    void fullWidthAndKangxiFormsFold() throws IOException {
        assertThat(terms(analyze("zh_char", "⼀２０２０"))).containsExactly("一", "2020");
    }

    @Test
    void synonymsApplyAtQueryTimeOnly() throws IOException {
        assertThat(terms(analyze("zh_word_search", "发改委"))).contains("发展");
        assertThat(terms(analyze("zh_word", "发改委"))).doesNotContain("发展");
    }
}
