package org.policysearch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BigramF1Test {

    @Test
    void identicalTextsScoreOneIgnoringWhitespace() {
        assertThat(BigramF1.of("党的 建设\n\n工作", "党的建设工作").f1()).isEqualTo(1.0);
    }

    @Test
    void countsRepeatedBigramsAsAMultiset() {
        // predicted 党建党建党建: 党建×3, 建党×2; gold 党建: 党建×1 → common 1 of 5 predicted, 1 of 1 gold
        BigramF1 score = BigramF1.of("党建党建党建", "党建");
        assertThat(score.precision()).isCloseTo(0.2, within(1e-9));
        assertThat(score.recall()).isCloseTo(1.0, within(1e-9));
        assertThat(score.f1()).isCloseTo(2 * 0.2 / 1.2, within(1e-9));
    }

    @Test
    void disjointTextsScoreZero() {
        assertThat(BigramF1.of("导航首页", "条例全文").f1()).isZero();
    }
}
