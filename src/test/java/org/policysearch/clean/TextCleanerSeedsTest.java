package org.policysearch.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.policysearch.SharedData;

/** Runs the cleaner over the five real scraped seeds in {@code ../shared/seeds}. */
class TextCleanerSeedsTest {

    private final TextCleaner cleaner = new TextCleaner();

    private CleanedText seed(String prefix) throws IOException {
        Path dir = SharedData.require("seeds");
        try (var files = Files.list(dir)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .findFirst()
                    .orElseThrow();
            return cleaner.clean(Files.readString(file, StandardCharsets.UTF_8), null);
        }
    }

    @Test
    void seed000DropsTheRepeatedSnippet() throws IOException {
        CleanedText c = seed("000_");
        assertThat(c.text()).startsWith("巩固脱贫攻坚接续乡村振兴——在20_年基层党建工作座谈会上的讲话\n同志们：\n脱贫成功");
        assertThat(c.text()).doesNotContain("\u3000", "...");
        assertThat(c.rulesFired()).contains("leading-snippet", "whitespace");
    }

    @Test
    void seed001DropsBannerChunkMarkersAndFooter() throws IOException {
        CleanedText c = seed("001_");
        assertThat(c.text())
                .doesNotContain("由会员分享", "珍藏版", "配套讲稿", "特殊限制", "限制150内", "\n2、", "\n5、")
                .contains("联名挽留第一书记留任等一批感人事迹", "聚焦党的政治、组织、作风、能力建设", "履职尽责,带头真抓实干", "2021年抓党建促脱贫攻坚会议讲话这次会议的主要任务是");
        assertThat(c.text()).startsWith("最新2020年抓党建促脱贫攻坚会议讲话.docx\n");
        assertThat(c.keywordLine()).isEqualTo("最新 2020 党建 脱贫 攻坚 会议 讲话");
        assertThat(c.rulesFired()).contains("share-banner", "keyword-footer", "courseware-notes", "page-chunk-markers");
    }

    @Test
    void seed002DropsSiteChromeKeepsPublicationLine() throws IOException {
        CleanedText c = seed("002_");
        assertThat(c.text()).doesNotContain("手机版", "1 1 1", "纠错", "微信扫一扫", "收听本文", "\n\n");
        assertThat(c.text()).startsWith("2020年组织工作盘点·抓党建促脱贫攻坚——党旗高扬 决战决胜\n这一年");
        assertThat(c.text()).endsWith("发布时间:2021年01月27日 11:03 来源:中国组织人事报 编辑:靳建朋");
        assertThat(c.text()).containsOnlyOnce("广西隆林县者浪乡者徕村坚持党建引领");
    }

    @Test
    void seed003DropsPinyinAndDisclaimer() throws IOException {
        CleanedText c = seed("003_");
        assertThat(c.text()).doesNotContain("(jīng)", "(xiāng)", "免責聲明", "jiàn");
        assertThat(c.text()).contains("開展經常性政治體檢", "深入XX個鄉鎮、村走訪調研", "杜絕“保姆式”扶貧。");
        assertThat(c.text()).doesNotContainPattern("\\p{IsHan}\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\\)");
    }

    @Test
    void seed004DropsStatsBannerAndWarmTips() throws IOException {
        CleanedText c = seed("004_");
        assertThat(c.text()).doesNotContain("字数:4211", "本文免费阅读", "温馨提示", "充值起点", "(cww)");
        assertThat(c.text())
                .startsWith("区委组织部长在“大抓基层基础,实现乡村振兴”上的研讨发言\n根据区委理论学习中心组")
                .endsWith("我的发言完毕,谢谢大家。");
    }
}
