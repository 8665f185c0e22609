package org.policysearch.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policysearch.SharedData;
import org.policysearch.clean.CleanedText;
import org.policysearch.clean.TextCleaner;

/** Cleaning then metadata over the five real seeds; expectations checked by reading them. */
class MetadataSeedsTest {

    private static final TextCleaner CLEANER = new TextCleaner();
    private static final MetadataExtractor EXTRACTOR = new MetadataExtractor();

    private DocumentMetadata seed(String prefix) throws IOException {
        Path dir = SharedData.require("seeds");
        try (var files = Files.list(dir)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .findFirst()
                    .orElseThrow();
            CleanedText c = CLEANER.clean(Files.readString(file, StandardCharsets.UTF_8), null);
            DocumentMetadata m =
                    EXTRACTOR.extract(new MetadataInput(c.text(), null, Map.of(), c.keywordLine(), null, null));
            return m;
        }
    }

    @Test
    void seed000SpeechWithPlaceholderYear() throws IOException {
        DocumentMetadata m = seed("000_");
        assertThat(m.title()).isEqualTo("巩固脱贫攻坚接续乡村振兴——在20_年基层党建工作座谈会上的讲话");
        assertThat(m.type()).isEqualTo("讲话");
        assertThat(m.date()).isNull();
        assertThat(m.year()).as("20_年 is a placeholder, not a year").isNull();
        assertThat(m.regions()).containsExactly("上海"); // 上海闵行区派出挂职干部
        assertThat(m.topics()).startsWith("脱贫攻坚", "乡村振兴", "基层党建");
        assertThat(m.script()).isEqualTo("simplified");
        assertThat(m.flags()).containsExactly("placeholder");
    }

    @Test
    void seed001DocSharingCopy() throws IOException {
        DocumentMetadata m = seed("001_");
        assertThat(m.title()).isEqualTo("最新2020年抓党建促脱贫攻坚会议讲话");
        assertThat(m.type()).isEqualTo("讲话");
        assertThat(m.date()).isNull();
        assertThat(m.year()).isEqualTo(2020);
        assertThat(m.regions()).as("四平八稳 is no place").doesNotContain("四平市", "吉林");
        assertThat(m.topics()).startsWith("脱贫攻坚", "基层党建");
        assertThat(m.keywords()).containsExactly("最新", "党建", "脱贫", "攻坚", "会议", "讲话");
        assertThat(m.flags()).containsExactly("placeholder");
    }

    @Test
    void seed002SiteArticleWithFooter() throws IOException {
        DocumentMetadata m = seed("002_");
        assertThat(m.title()).isEqualTo("2020年组织工作盘点·抓党建促脱贫攻坚——党旗高扬 决战决胜");
        assertThat(m.date()).as("the 发布时间 footer, not the narrative 2020年3月6日").isEqualTo(LocalDate.of(2021, 1, 27));
        assertThat(m.year()).isEqualTo(2021);
        assertThat(m.source()).isEqualTo("中国组织人事报");
        assertThat(m.author()).isEqualTo("靳建朋");
        assertThat(m.type()).isEqualTo("述评");
        assertThat(m.regions())
                .startsWith("四川", "凉山州", "广西", "百色市", "贵州", "甘肃")
                .contains("新疆", "喀什地区", "云南", "怒江州", "青海", "果洛州", "湖南", "张家界市");
        assertThat(m.topics()).first().isEqualTo("脱贫攻坚");
        assertThat(m.flags()).isEmpty();
    }

    @Test
    void seed003TraditionalResearchReport() throws IOException {
        DocumentMetadata m = seed("003_");
        assertThat(m.script()).isEqualTo("traditional");
        assertThat(m.title())
                .as("the text starts with prose, and no title was given")
                .isNull();
        assertThat(m.type()).as("一、調研情況 heading").isEqualTo("调研报告");
        assertThat(m.topics()).contains("脱贫攻坚", "基层党建");
        assertThat(m.keywords()).contains("脱贫攻坚");
        assertThat(m.flags()).containsExactly("placeholder");
    }

    @Test
    void seed004SeminarContribution() throws IOException {
        DocumentMetadata m = seed("004_");
        assertThat(m.title()).isEqualTo("区委组织部长在“大抓基层基础,实现乡村振兴”上的研讨发言");
        assertThat(m.type()).isEqualTo("发言");
        assertThat(m.year()).isNull();
        assertThat(m.topics()).startsWith("乡村振兴").contains("基层党建");
        assertThat(m.script()).isEqualTo("simplified");
        assertThat(m.flags()).isEmpty();
    }
}
