package org.policysearch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PdfLineJoinerTest {

    @Test
    void joinsChineseLinesBrokenInsideAPhrase() {
        String pdf = """
                坚持以习近平新时代中国特色社会主义思想为指导，全面贯
                彻党的二十大精神，落实新时代党的建设总要求，以提升组
                织力为重点，推动基层党组织全面进步、全面过硬。
                """;
        assertThat(PdfLineJoiner.join(pdf))
                .isEqualTo("坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，" + "落实新时代党的建设总要求，以提升组织力为重点，推动基层党组织全面进步、全面过硬。");
    }

    @Test
    void sentenceEndsCloseTheParagraph() {
        String pdf = "各级党组织要把政治建设摆在首位，严格执行民主集中制。\n认真落实“三会一课”制度，确保党中央决策部署落地见效！\n";
        assertThat(PdfLineJoiner.join(pdf)).isEqualTo("各级党组织要把政治建设摆在首位，严格执行民主集中制。\n\n认真落实“三会一课”制度，确保党中央决策部署落地见效！");
    }

    @Test
    void closingQuoteAndColonEndALine() {
        String pdf = "会议强调要做到“两个维护”\n下一步工作安排如下：\n抓好基层党组织书记轮训工作全覆盖";
        assertThat(PdfLineJoiner.join(pdf).split("\n\n"))
                .containsExactly("会议强调要做到“两个维护”", "下一步工作安排如下：", "抓好基层党组织书记轮训工作全覆盖");
    }

    @Test
    void numberedItemsStartNewParagraphsEvenAfterAFullLine() {
        String pdf = """
                为深入贯彻落实党中央关于加强基层党组织建设的部署要求现
                一、总体要求全面贯彻党的二十大精神落实新时代党的建设总
                （一）强化政治引领各级党组织要把政治建设摆在首位严格执
                1.选优配强村党组织书记健全常态化培训机制实现轮训全覆盖
                第三条 本意见适用于全市各级基层党组织和全体共产党员的
                ①建立健全党员联系服务群众制度推动党员干部深入基层一线
                """;
        assertThat(PdfLineJoiner.join(pdf).split("\n\n")).hasSize(6);
    }

    @Test
    void decimalNumberAtLineStartIsNotAnItem() {
        String pdf = "全市一般公共预算收入同比增长百分之六点五，总额达到\n3.5亿元，其中税收收入占比进一步提高，财政收入结构持续优化。";
        assertThat(PdfLineJoiner.join(pdf)).contains("总额达到3.5亿元");
    }

    @Test
    void shortLineEndsAHeadingWithoutPunctuation() {
        String pdf = """
                关于加强基层党组织建设的实施意见
                各县市区委组织部，市直各单位党组织，为认真贯彻落实上级部
                署，结合本地实际，现就加强基层党组织建设提出如下意见，请
                结合实际认真抓好贯彻落实。
                """;
        String joined = PdfLineJoiner.join(pdf);
        assertThat(joined).startsWith("关于加强基层党组织建设的实施意见\n\n各县市区委组织部");
        assertThat(joined).contains("为认真贯彻落实上级部署，").contains("提出如下意见，请结合实际");
    }

    @Test
    void latinWordsKeepASpaceAcrossTheBreak() {
        String pdf = "The plan follows the WTO agreement on trade and\nfacilitation and applies from 1 January 2025.";
        assertThat(PdfLineJoiner.join(pdf))
                .isEqualTo(
                        "The plan follows the WTO agreement on trade and facilitation and applies from 1 January 2025.");
    }

    @Test
    void latinWordAtTheEndOfAChineseLineJoinsTheChineseNextLine() {
        String pdf = "积极参与世界贸易组织改革，维护以WTO\n为核心的多边贸易体制，推动贸易和投资自由化便利化进程。";
        assertThat(PdfLineJoiner.join(pdf)).contains("维护以WTO为核心的多边贸易体制");
    }

    @Test
    void hyphenatedLatinWordIsRejoined() {
        String pdf = "Local governments shall publish the infor-\nmation on their official websites in time.";
        assertThat(PdfLineJoiner.join(pdf)).contains("the information on their");
    }

    @Test
    void numbersBrokenAcrossLinesJoinWithoutSpace() {
        String pdf = "全年安排基层党组织建设专项资金共计12\n00万元，重点支持村级活动场所建设。";
        assertThat(PdfLineJoiner.join(pdf)).contains("共计1200万元");
    }

    @Test
    void pageNumberLinesAreDroppedAndTheParagraphContinuesOverThePageBreak() {
        String pdf = """
                选优配强村党组织书记，健全常态化培训机制，实现村干部轮
                - 3 -

                第 4 页
                4/15
                — 5 —
                训全覆盖，培训经费列入财政预算。
                """;
        assertThat(PdfLineJoiner.join(pdf)).isEqualTo("选优配强村党组织书记，健全常态化培训机制，实现村干部轮训全覆盖，培训经费列入财政预算。");
    }

    @Test
    void pageFooterWithTotalIsDropped() {
        assertThat(PdfLineJoiner.join("第一段内容到此结束。\n第3页 共15页\n第二段内容从这里开始。")).isEqualTo("第一段内容到此结束。\n\n第二段内容从这里开始。");
    }

    @Test
    void emptyInputStaysEmpty() {
        assertThat(PdfLineJoiner.join("\n  \n")).isEmpty();
    }
}
