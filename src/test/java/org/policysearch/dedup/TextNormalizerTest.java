package org.policysearch.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void dropsPunctuationWhitespaceAndFoldsWidthAndCase() {
        assertThat(normalizer.normalize("第１２条　Ａｂｃ，ＤＥＦ！\r\n（一）“三会一课”。")).isEqualTo("第12条abcdef一三会一课");
    }

    @Test
    void foldsTraditionalToTheSameStringAsSimplified() {
        String simplified = "按照《关于巩固深化“不忘初心、牢记使命”主题教育成果的意见》有关开展经常性政治体检要求，干净利落。";
        String traditional = "按照《關于鞏固深化「不忘初心、牢記使命」主題教育成果的意見》有關開展經常性政治體檢要求，乾淨利落。";

        assertThat(normalizer.normalize(traditional)).isEqualTo(normalizer.normalize(simplified));
    }

    @Test
    void foldsOpenccTraditionalOfAWholeSpeechToTheSameString() {
        String speech = Fixtures.fixture("speech-a.txt", StandardCharsets.UTF_8);

        assertThat(normalizer.normalize(ZhConverterUtil.toTraditional(speech))).isEqualTo(normalizer.normalize(speech));
    }

    @Test
    void removesInlinePinyinNotesButKeepsLatinInBrackets() {
        assertThat(normalizer.normalize("開展經(jīng)常性工作，深入鄉(xiāng)鎮(zhèn)調研"))
                .isEqualTo(normalizer.normalize("开展经常性工作，深入乡镇调研"));
        assertThat(normalizer.normalize("加入世界贸易组织(WTO)")).isEqualTo("加入世界贸易组织wto");
    }

    @Test
    void foldsAnonymisationPlaceholdersToOneMark() {
        String named = normalizer.normalize("XX县XX乡的某某同志在20__年XXX会议上");

        assertThat(normalizer.normalize("某县○○乡的ＸＸ同志在20XX年某会议上")).isEqualTo(named);
        assertThat(named).isEqualTo("某县某乡的某同志在20某年某会议上");
    }

    @Test
    void keepsXInsideLatinWordsAndChineseZero() {
        assertThat(normalizer.normalize("Xinhua taxes X光")).isEqualTo("xinhuataxes某光");
        assertThat(normalizer.normalize("二〇二〇年")).isEqualTo("二〇二〇年");
    }
}
