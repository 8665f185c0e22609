package org.policysearch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratedCorpusTest {

    @Test
    void documentsAreReproducibleDistinctAndNearTheMeanLength() throws Exception {
        GeneratedCorpus corpus = GeneratedCorpus.unanalysed(700, 7);
        GeneratedCorpus again = GeneratedCorpus.unanalysed(700, 7);
        Set<String> texts = new HashSet<>();
        long chars = 0;
        int n = 5_000;
        for (long i = 0; i < n; i++) {
            String text = corpus.fileText(i);
            assertThat(again.fileText(i)).isEqualTo(text);
            assertThat(text).endsWith("（编号 gen-" + i + "）");
            texts.add(text);
            chars += text.length();
        }
        assertThat(texts).hasSize(n);
        // Short corpus documents run out of paragraphs before the target: the mean falls below 700, not above.
        assertThat(chars / n).isBetween(300L, 900L);
        assertThat(corpus.sourceCount()).isGreaterThan(4_000);
    }
}
