package org.policysearch.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policysearch.extract.TestFiles.SPEECH;
import static org.policysearch.extract.TestFiles.SPEECH_TRADITIONAL;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DocumentExtractorTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");

    private static DocumentExtractor extractor;

    @BeforeAll
    static void start() {
        extractor = new DocumentExtractor(ExtractionProperties.defaults());
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    private static Extraction assertOk(Extraction e, String contentType, String charset, String... phrases) {
        assertThat(e.status()).as(e.message()).isEqualTo(ExtractionStatus.OK);
        assertThat(e.contentType()).isEqualTo(contentType);
        assertThat(e.charset()).isEqualTo(charset);
        assertThat(e.text()).contains(phrases);
        assertThat(e.flags()).doesNotContain("mojibake");
        return e;
    }

    @Test
    void utf8TextWithCrlf() {
        byte[] bytes = SPEECH.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        Extraction e = assertOk(extractor.extract(bytes, "speech.txt"), "text/plain", "UTF-8", "选派第一书记和驻村工作队");
        assertThat(e.text()).doesNotContain("\r");
        assertThat(e.title()).as("plain text declares no title").isNull();
    }

    @Test
    void utf8TextWithBom() {
        byte[] body = SPEECH.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Extraction e = assertOk(extractor.extract(bytes, null), "text/plain", "UTF-8", "巩固拓展脱贫攻坚成果");
        assertThat(e.text()).doesNotStartWith("\uFEFF");
    }

    @Test
    void gbkTextWithoutName() {
        byte[] bytes = SPEECH.getBytes(GBK);
        assertOk(extractor.extract(bytes, null), "text/plain", "GB18030", "基层党组织的凝聚力和战斗力进一步增强");
    }

    @Test
    void gb18030TextWithCharactersOutsideGbk() {
        String text = SPEECH + "㐀㐁 人名用字：䶮、𠀀。\n";
        byte[] bytes = text.getBytes(TextDecoder.GB18030);
        assertOk(extractor.extract(bytes, "a.txt"), "text/plain", "GB18030", "人名用字：䶮、𠀀");
    }

    @Test
    void big5TraditionalText() {
        byte[] bytes = SPEECH_TRADITIONAL.getBytes(BIG5);
        assertOk(extractor.extract(bytes, "意見.txt"), "text/plain", "Big5-HKSCS", "用足用好批評和自我批評這一銳利武器");
    }

    @Test
    void utf16LittleEndianWithBom() {
        byte[] bytes = ("\uFEFF" + SPEECH).getBytes(StandardCharsets.UTF_16LE);
        Extraction e = assertOk(extractor.extract(bytes, "u16.txt"), "text/plain", "UTF-16LE", "检验工作成效的根本标准");
        assertThat(e.text()).doesNotStartWith("\uFEFF");
    }

    @Test
    void utf16LittleEndianWithoutBom() {
        byte[] bytes = SPEECH.getBytes(StandardCharsets.UTF_16LE);
        assertOk(extractor.extract(bytes, null), "text/plain", "UTF-16LE", "检验工作成效的根本标准");
    }

    @Test
    void utf16BigEndianWithoutBom() {
        byte[] bytes = SPEECH_TRADITIONAL.getBytes(StandardCharsets.UTF_16BE);
        assertOk(extractor.extract(bytes, "x.txt"), "text/plain", "UTF-16BE", "永葆黨的先進性和純潔性");
    }

    @Test
    void htmlDeclaringGb2312ButSavedAsUtf8() {
        String html = page("gb2312", "关于做好2025年基层党建工作的通知");
        Extraction e = assertOk(
                extractor.extract(html.getBytes(StandardCharsets.UTF_8), "notice.htm"),
                "text/html",
                "UTF-8",
                "全市各级党组织压实责任");
        assertThat(e.title()).contains("关于做好2025年基层党建工作的通知");
    }

    @Test
    void htmlDeclaringUtf8ButSavedAsGbk() {
        String html = page("utf-8", "关于做好2025年基层党建工作的通知");
        assertOk(extractor.extract(html.getBytes(GBK), "notice.html"), "text/html", "GB18030", "全市各级党组织压实责任");
    }

    @Test
    void htmlDeclaringGb2312WithGbkOnlyCharacters() {
        // 镕 and 堃 are GBK but not GB2312: a strict GB2312 decoder would lose them.
        String html = page("gb2312", "朱镕基同志与刘堃同志座谈纪要");
        Extraction e = extractor.extract(html.getBytes(GBK), null);
        // The heading is the title; the main text does not repeat it.
        assertOk(e, "text/html", "GB18030", "压实责任");
        assertThat(e.title()).isEqualTo("朱镕基同志与刘堃同志座谈纪要");
    }

    @Test
    void big5HtmlWithHttpEquivDeclaration() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">"
                + "<title>主題教育</title></head><body><p>" + SPEECH_TRADITIONAL.replace("\n", "</p><p>")
                + "</p></body></html>";
        assertOk(extractor.extract(html.getBytes(BIG5), "a.html"), "text/html", "Big5-HKSCS", "及時檢視整改違背初心使命");
    }

    @Test
    void xhtmlWithXmlDeclaration() {
        String xhtml = "<?xml version=\"1.0\" encoding=\"GBK\"?>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>通知</title></head><body><p>"
                + SPEECH.replace("\n", "</p><p>") + "</p></body></html>";
        Extraction e = extractor.extract(xhtml.getBytes(GBK), "a.xhtml");
        assertThat(e.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(e.contentType()).isEqualTo("application/xhtml+xml");
        assertThat(e.charset()).isEqualTo("GB18030");
        assertThat(e.text()).contains("把群众满意不满意作为检验工作成效的根本标准");
    }

    @Test
    void docxBuiltWithPoi() {
        byte[] bytes = TestFiles.docx("抓党建促乡村振兴工作方案", "抓党建促乡村振兴工作方案", "一、总体目标", "坚持和加强党对农村工作的全面领导，健全以党组织为核心的村级组织体系。");
        Extraction e = assertOk(
                extractor.extract(bytes, "方案.docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                null,
                "健全以党组织为核心的村级组织体系");
        assertThat(e.title()).isEqualTo("抓党建促乡村振兴工作方案");
        assertThat(e.metadata()).containsEntry("dc:creator", java.util.List.of("中共某某县委组织部"));
        assertThat(e.text()).contains("一、总体目标\n\n坚持和加强");
    }

    @Test
    void docWrittenByLibreOffice() {
        Extraction e = assertOk(
                extractor.extract(TestFiles.fixture("notice-zh.doc"), "notice.doc"),
                "application/msword",
                null,
                "扎实做好党员教育培训工作",
                "坚定“四个自信”");
        assertThat(e.text()).contains("每年至少开展一次");
    }

    @Test
    void odtWrittenByLibreOffice() {
        assertOk(
                extractor.extract(TestFiles.fixture("notice-zh.odt"), null),
                "application/vnd.oasis.opendocument.text",
                null,
                "突出抓好基层党组织书记和新发展党员的集中轮训");
    }

    @Test
    void pdfWithChineseTextJoinsPhrasesAcrossLines() {
        Extraction e = assertOk(
                extractor.extract(TestFiles.fixture("policy-zh.pdf"), "policy.pdf"),
                "application/pdf",
                null,
                // Each of these spans a line break in the PDF (26 characters per line).
                "全面贯彻党的二十大精神",
                "确保党中央决策部署在基层落地见效",
                "全年安排专项资金1200万元",
                // This one spans the page break, with a page number in between.
                "为规范基层党组织工作",
                "the WTO agreement on trade facilitation");
        assertThat(e.title()).isEqualTo("关于加强基层党组织建设的实施意见");
        assertThat(e.metadata()).containsKey("pdf:docinfo:keywords");
        assertThat(e.text()).contains("一、总体要求\n\n坚持以习近平");
        assertThat(e.text()).doesNotContain("- 1 -").doesNotContain("第 2 页");
    }

    @Test
    void rtfWithUnicodeEscapes() {
        byte[] bytes = TestFiles.rtf("关于开展党员志愿服务活动的通知", "各党支部要组织党员深入社区开展志愿服务，每名党员每年参加活动不少于四次。");
        Extraction e = assertOk(extractor.extract(bytes, "notice.rtf"), "application/rtf", null, "每名党员每年参加活动不少于四次");
        assertThat(e.text()).contains("关于开展党员志愿服务活动的通知\n\n各党支部");
    }

    @Test
    void typeComesFromContentNotName() {
        Extraction pdfNamedTxt = extractor.extract(TestFiles.fixture("policy-zh.pdf"), "readme.txt");
        assertThat(pdfNamedTxt.contentType()).isEqualTo("application/pdf");
        assertThat(pdfNamedTxt.text()).contains("确保党中央决策部署在基层落地见效");

        Extraction htmlNamedDoc = extractor.extract(page("utf-8", "标题").getBytes(StandardCharsets.UTF_8), "a.doc");
        assertThat(htmlNamedDoc.contentType()).isEqualTo("text/html");

        Extraction gbkNamedPdf = extractor.extract(SPEECH.getBytes(GBK), "speech.pdf");
        assertOk(gbkNamedPdf, "text/plain", "GB18030", "选派第一书记和驻村工作队");
    }

    @Test
    void nameBreaksTheTieBetweenPlainTextAndCsv() {
        byte[] csv = "序号,单位,人数\n1,组织部,12\n2,宣传部,9\n".getBytes(StandardCharsets.UTF_8);
        assertThat(extractor.extract(csv, "table.csv").contentType()).isEqualTo("text/csv");
        assertThat(extractor.extract(csv, "table.txt").contentType()).isEqualTo("text/plain");
    }

    @Test
    void utf8ReadAsGbkAndSavedAgainIsFlaggedAsMojibake() {
        String garbled = new String(SPEECH.getBytes(StandardCharsets.UTF_8), GBK);
        Extraction e = extractor.extract(garbled.getBytes(StandardCharsets.UTF_8), "bad.txt");
        assertThat(e.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(e.flags()).contains("mojibake");
    }

    @Test
    void kunJinKaoIsFlaggedAsMojibake() {
        String text = "锟斤拷锟斤拷关于做好基层党建工作的通知锟斤拷烫烫烫";
        assertThat(extractor
                        .extract(text.getBytes(StandardCharsets.UTF_8), null)
                        .flags())
                .contains("mojibake");
    }

    @Test
    void utf8ReadAsWindows1252IsFlaggedAsMojibake() {
        String garbled = new String(SPEECH.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
        Extraction e = extractor.extract(garbled.getBytes(StandardCharsets.UTF_8), "bad.txt");
        assertThat(e.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(e.charset()).isEqualTo("UTF-8");
        assertThat(e.flags()).contains("mojibake");
    }

    private static String page(String charset, String title) {
        return "<!DOCTYPE html><html><head><meta charset=\"" + charset + "\"><title>" + title + "</title></head>"
                + "<body><div class=\"article\"><h1>" + title + "</h1><p>"
                + SPEECH.replace("\n", "</p><p>") + "</p></div></body></html>";
    }
}
