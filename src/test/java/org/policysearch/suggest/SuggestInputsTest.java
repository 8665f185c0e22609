package org.policysearch.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import org.junit.jupiter.api.Test;
import org.policysearch.index.PolicyDocument;
import org.policysearch.index.TestDocument;

class SuggestInputsTest {

    private final SuggestInputs inputs = new SuggestInputs();

    @Test
    void termGetsTextFullPinyinAndInitials() {
        assertThat(inputs.inputs("乡村振兴")).containsExactly("乡村振兴", "xiangcunzhenxing", "xczx");
    }

    @Test
    void polyphonesFollowTheOverrideList() {
        assertThat(inputs.inputs("重庆市")).contains("chongqingshi", "cqs");
        assertThat(inputs.inputs("中国人民银行")).contains("zhongguorenminyinhang");
        assertThat(inputs.inputs("长江经济带")).contains("changjiangjingjidai");
        assertThat(inputs.inputs("调整")).contains("tiaozheng");
        assertThat(inputs.inputs("发展")).contains("fazhan");
        // Without an override the first reading stands: 重要 is zhongyao.
        assertThat(inputs.inputs("重要讲话")).contains("zhongyaojianghua");
    }

    @Test
    void traditionalIsFoldedToSimplifiedAndWhitespaceDropped() {
        assertThat(inputs.inputs("鄉村 振興")).containsExactly("乡村振兴", "xiangcunzhenxing", "xczx");
    }

    @Test
    void digitsAndLatinStayWholeAndPunctuationIsDropped() {
        assertThat(inputs.inputs("2024年G20峰会")).containsExactly("2024年G20峰会", "2024niang20fenghui", "2024ng20fh");
        assertThat(inputs.inputs("关于《意见》的通知")).contains("guanyuyijiandetongzhi", "gyyjdtz");
    }

    @Test
    void longTitlesAreCutWhereTheMappingCutsThem() {
        String title = "关于".repeat(40);
        assertThat(inputs.inputs(title))
                .allSatisfy(in -> assertThat(in.length()).isLessThanOrEqualTo(50));
    }

    @Test
    void aDuplicateCompletesNothingItsRepresentativeDoes() {
        PolicyDocument representative = document("关于推进乡村振兴的意见", "2021-02-21", List.of("乡村振兴"), List.of("三农"));
        SuggestInputs.Fields copy = inputs.fields(representative.withDuplicateOf("rep"));
        assertThat(copy.title()).isNull();
        assertThat(copy.term()).isEmpty();
        assertThat(inputs.fields(representative).title().input()).startsWith("关于推进乡村振兴的意见");
    }

    @Test
    void documentFieldsCarryTitleAndEachDistinctTermWeightedByRecency() {
        PolicyDocument doc = document("關於推進鄉村振興的意見", "2021-02-21", List.of("乡村振兴", "农业"), List.of("乡村振兴", "三农"));
        SuggestInputs.Fields fields = inputs.fields(doc);
        assertThat(fields.title().input()).startsWith("关于推进乡村振兴的意见");
        assertThat(fields.term()).extracting(c -> c.input().get(0)).containsExactly("乡村振兴", "农业", "三农");
        assertThat(fields.title().weight()).isEqualTo(fields.term().get(0).weight());

        int newer = inputs.fields(document("标题", "2024-01-01", List.of(), List.of()))
                .title()
                .weight();
        assertThat(newer).isGreaterThan(fields.title().weight());
        assertThat(inputs.fields(document("标题", null, List.of(), List.of()))
                        .title()
                        .weight())
                .isEqualTo(1);
        assertThat(inputs.fields(document(null, null, List.of(), List.of())).title())
                .isNull();
    }

    @Test
    void prefixesAreNormalizedLikeTheInputs() {
        assertThat(SuggestInputs.normalize(" Xiang Cun ")).isEqualTo("xiangcun");
        assertThat(SuggestInputs.normalize("xi'an")).isEqualTo("xian");
        assertThat(SuggestInputs.normalize("鄉村")).isEqualTo("乡村");
        assertThat(inputs.completes("乡村振兴", "xczx")).isTrue();
        assertThat(inputs.completes("乡村振兴", "xiangcunz")).isTrue();
        assertThat(inputs.completes("乡村振兴", "乡村")).isTrue();
        assertThat(inputs.completes("乡村振兴", "cunzhen")).isFalse();
        assertThat(inputs.completes("乡村振兴", "xczy")).isFalse();
    }

    @Test
    void everyShippedOverrideDiffersFromTheDefaultReading() throws Exception {
        Map<String, List<String>> overrides = Pinyin.parse(new String(
                getClass().getResourceAsStream(Pinyin.OVERRIDES).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(overrides).containsKeys("重庆", "银行", "长江");
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        overrides.forEach((word, syllables) -> {
            List<String> defaults =
                    word.chars().mapToObj(c -> readings((char) c, format)[0]).toList();
            // An entry that repeats the default reading is noise in a list people maintain by hand.
            assertThat(syllables).as(word).isNotEqualTo(defaults);
            for (int i = 0; i < word.length(); i++) {
                assertThat(List.of(readings(word.charAt(i), format)))
                        .as(word + " reading of " + word.charAt(i))
                        .contains(syllables.get(i));
            }
        });
    }

    @Test
    void overrideLinesMustHaveOneSyllablePerCharacter() {
        assertThatThrownBy(() -> Pinyin.parse("重庆 chong")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Pinyin.parse("# comment\n\n银行 yin hang")).containsOnlyKeys("银行");
    }

    private static String[] readings(char c, HanyuPinyinOutputFormat format) {
        try {
            return PinyinHelper.toHanyuPinyinStringArray(c, format);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PolicyDocument document(String title, String date, List<String> keywords, List<String> topics) {
        return TestDocument.builder("id")
                .title(title)
                .text("text")
                .date(date)
                .topics(topics)
                .keywords(keywords)
                .build();
    }
}
