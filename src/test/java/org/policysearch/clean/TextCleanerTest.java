package org.policysearch.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    private CleanedText clean(String text) {
        return cleaner.clean(text, null);
    }

    @Test
    void dropsTaowengeUploadBannerAndPageCount() {
        CleanedText c = clean("会议讲话.docx\n《会议讲话.docx》由会员分享,可在线阅读,更多相关《会议讲话.docx(15页珍藏版)》请在淘文阁 - 分享文档赚钱的网站上搜索。\n正文第一段。");
        assertThat(c.text()).isEqualTo("会议讲话.docx\n正文第一段。");
        assertThat(c.rulesFired()).containsExactly("share-banner");
    }

    @Test
    void removesInlinePageCounter() {
        CleanedText c = clean("要压实责任。第1页/共5页\n下一段。");
        assertThat(c.text()).isEqualTo("要压实责任。\n下一段。");
        assertThat(c.rulesFired()).containsExactly("page-count");
    }

    @Test
    void dropsFanwenStatsAndFreeReadingBanner() {
        CleanedText c = clean("区委组织部长的研讨发言\n字数:4211 字 浏览:1746次 下载:14次\n== 本文免费阅读 ==\n根据安排，下面我谈几点认识。");
        assertThat(c.text()).isEqualTo("区委组织部长的研讨发言\n根据安排，下面我谈几点认识。");
        assertThat(c.rulesFired()).containsExactly("doc-stats", "download-prompt");
    }

    @Test
    void keepsKeywordFooterOutOfTheTextButReturnsIt() {
        CleanedText c = clean("正文。\n- 关 键 词:\n- 最新 2020 党建 脱贫\n限制150内");
        assertThat(c.text()).isEqualTo("正文。");
        assertThat(c.keywordLine()).isEqualTo("最新 2020 党建 脱贫");
        assertThat(c.rulesFired()).containsExactly("keyword-footer", "word-count-limit");
    }

    @Test
    void keywordOnTheSameLine() {
        CleanedText c = clean("正文。\n关键词：乡村振兴，基层党建");
        assertThat(c.keywordLine()).isEqualTo("乡村振兴，基层党建");
        assertThat(c.text()).isEqualTo("正文。");
    }

    @Test
    void noKeywordLineWhenAbsent() {
        assertThat(clean("正文。").keywordLine()).isNull();
    }

    @Test
    void dropsWarmTipBlockToTheEnd() {
        CleanedText c = clean("我的发言完毕，谢谢大家。(cww)\n温馨提示:\n1、本站立足于原创，非会员单篇售价50元起；\n2、充值起点50元。");
        assertThat(c.text()).isEqualTo("我的发言完毕，谢谢大家。");
        assertThat(c.rulesFired()).containsExactly("notice-block", "editor-initials");
    }

    @Test
    void warmTipBlockStopsAtBlankLine() {
        CleanedText c = clean("温馨提示：\n请勿转载。\n\n正文继续。");
        assertThat(c.text()).isEqualTo("正文继续。");
    }

    @Test
    void dropsCoursewareFooterToTheEnd() {
        CleanedText c = clean("正文最后一句。\n- 配套讲稿:\n如PPT文件的首页显示word图标,表示该PPT已包含配套word讲稿。\n- 特殊限制:\n禁止商用。");
        assertThat(c.text()).isEqualTo("正文最后一句。");
        assertThat(c.rulesFired()).containsExactly("courseware-notes");
    }

    @Test
    void dropsTraditionalDisclaimerLine() {
        CleanedText c = clean("杜絕“保姆式”扶貧。\n來源:網(wǎng)絡整理 免責聲明:本文僅限學習分享,如產(chǎn)生版權問題,請聯(lián)系我們及時刪除。");
        assertThat(c.text()).isEqualTo("杜絕“保姆式”扶貧。");
        assertThat(c.rulesFired()).containsExactly("pinyin-notes", "disclaimer-line");
    }

    @Test
    void removesPinyinNotesOnlyWhenTheyArePinyin() {
        CleanedText c = clean("開展經(jīng)常性政治體檢，深入XX個鄉(xiāng)鎮(zhèn)走訪。全年增長(GDP)明顯，見附件(一)。");
        assertThat(c.text()).isEqualTo("開展經常性政治體檢，深入XX個鄉鎮走訪。全年增長(GDP)明顯，見附件(一)。");
        assertThat(c.rulesFired()).containsExactly("pinyin-notes");
    }

    @Test
    void leavesAsciiWordsInParenthesesAlone() {
        CleanedText c = clean("谢谢大家(cww)后面还有话。");
        assertThat(c.text()).isEqualTo("谢谢大家(cww)后面还有话。");
        assertThat(c.rulesFired()).isEmpty();
    }

    @Test
    void dropsSiteChromeLines() {
        CleanedText c = clean(
                "手机版\n1 1 1\n\n组织工作盘点\n\n共产党员网 打印 纠错\n微信扫一扫 ×\n收听本文 00:00/00:00\n\n  这一年，决战深贫。\n\n发布时间:2021年01月27日 11:03 来源:中国组织人事报 编辑:靳建朋 打印");
        assertThat(c.text()).isEqualTo("组织工作盘点\n这一年，决战深贫。\n发布时间:2021年01月27日 11:03 来源:中国组织人事报 编辑:靳建朋");
        assertThat(c.rulesFired())
                .containsExactly(
                        "whitespace",
                        "site-toolbar",
                        "mobile-link",
                        "share-qr",
                        "audio-player",
                        "numeric-junk",
                        "print-suffix",
                        "blank-lines");
    }

    @Test
    void cleanTextIsLeftAsItIs() {
        CleanedText c = clean("标题\n第一段。\n");
        assertThat(c.text()).isEqualTo("标题\n第一段。");
        assertThat(c.rulesFired()).isEmpty();
    }

    @Test
    void pageNumberLinesGoTableCellsStay() {
        CleanedText c = clean("第一页内容。\n- 3 -\n表格\n210\n225");
        assertThat(c.text()).isEqualTo("第一页内容。\n表格\n210\n225");
        assertThat(c.rulesFired()).containsExactly("numeric-junk");
    }

    @Test
    void keepsIsoDateLineAndSentencesMentioningPrinting() {
        CleanedText c = clean("要加强打印设备管理。\n2020-03-06");
        assertThat(c.text()).isEqualTo("要加强打印设备管理。\n2020-03-06");
        assertThat(c.rulesFired()).isEmpty();
    }

    @Test
    void fullWidthIndentationAndSpaceRuns() {
        CleanedText c = clean("　　同志们：\r\n　　今天我们开会。  \n\n\n\n　　一、总体情况");
        assertThat(c.text()).isEqualTo("同志们：\n今天我们开会。\n一、总体情况");
        assertThat(c.rulesFired()).containsExactly("whitespace", "blank-lines");
    }

    @Test
    void fullWidthRunInsideLineIsAParagraphBreak() {
        CleanedText c = clean("同志们：　　今天我们开会。");
        assertThat(c.text()).isEqualTo("同志们：\n今天我们开会。");
    }

    @Test
    void dropsRepeatedLeadingSnippet() {
        String body = "巩固脱贫攻坚接续乡村振兴——在座谈会上的讲话\n　　同志们：\n　　脱贫成功不是终点，而是一个崭新的起点。";
        CleanedText c = clean(" 巩固脱贫攻坚接续乡村振兴——在座谈会上的讲话　　同志们：　　脱贫成功不是...\n" + body);
        assertThat(c.text()).isEqualTo("巩固脱贫攻坚接续乡村振兴——在座谈会上的讲话\n同志们：\n脱贫成功不是终点，而是一个崭新的起点。");
        assertThat(c.rulesFired()).startsWith("leading-snippet");
    }

    @Test
    void keepsFirstLineEndingInEllipsisWhenItIsNotRepeated() {
        CleanedText c = clean("他说：我们还要继续努力……\n下一段完全不同的内容。");
        assertThat(c.text()).isEqualTo("他说：我们还要继续努力……\n下一段完全不同的内容。");
    }

    @Test
    void joinsPageChunksBrokenMidSentence() {
        String text = "讲话.docx\n1、会议的任务是总结工作,涌现出一\n2、批感人事迹。借此机会,我谨代表X委向\n3、大家表示感谢。";
        CleanedText c = clean(text);
        assertThat(c.text()).isEqualTo("讲话.docx\n会议的任务是总结工作,涌现出一批感人事迹。借此机会,我谨代表X委向大家表示感谢。");
        assertThat(c.rulesFired()).containsExactly("page-chunk-markers");
    }

    @Test
    void keepsRealNumberedList() {
        String text = "主要措施：\n1、加强组织领导。\n2、压实工作责任。\n3、强化督导检查。";
        CleanedText c = clean(text);
        assertThat(c.text()).isEqualTo(text);
        assertThat(c.rulesFired()).isEmpty();
    }

    @Test
    void dropsConsecutiveDuplicateCaption() {
        CleanedText c = clean("图为该村第一书记察看百香果长势。\n\n图为该村第一书记察看百香果长势。\n下一段。");
        assertThat(c.text()).isEqualTo("图为该村第一书记察看百香果长势。\n下一段。");
        assertThat(c.rulesFired()).containsExactly("duplicate-paragraph", "blank-lines");
    }

    @Test
    void hostSpecificRuleOnlyForItsHost() {
        var rules = CleaningRules.parse(new java.io.ByteArrayInputStream(
                "rules:\n  - id: x-footer\n    kind: line\n    pattern: '^本站声明'\n    hosts: [example.cn]\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        TextCleaner hostCleaner = new TextCleaner(rules);
        assertThat(hostCleaner.clean("正文。\n本站声明：转载注明", "www.example.cn").text()).isEqualTo("正文。");
        assertThat(hostCleaner.clean("正文。\n本站声明：转载注明", "other.cn").text()).isEqualTo("正文。\n本站声明：转载注明");
        assertThat(hostCleaner.clean("正文。\n本站声明：转载注明", null).rulesFired()).isEmpty();
    }

    @Test
    void joinsATwoPagePreviewBrokenMidSentence() {
        String page = "这次会议的主要任务是深入贯彻党的二十大精神，总结工作、分析形势、明确任务。".repeat(5);
        CleanedText c = clean("1、" + page + "一是压实责任；二\n2、是建强组织。");
        assertThat(c.text()).isEqualTo(page + "一是压实责任；二是建强组织。");
        assertThat(c.rulesFired()).containsExactly("page-chunk-markers");
    }

    @Test
    void keepsATwoItemListEvenWithoutPunctuation() {
        String text = "1、加强组织领导，压实工作责任\n2、强化督导检查";
        assertThat(clean(text).text()).isEqualTo(text);
    }
}
