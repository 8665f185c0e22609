package org.policysearch.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataExtractorTest {

    private static final MetadataExtractor EXTRACTOR = new MetadataExtractor();

    private static DocumentMetadata text(String text) {
        return EXTRACTOR.extract(new MetadataInput(text, null, Map.of(), null, null, null));
    }

    private static DocumentMetadata withMeta(String text, Map<String, List<String>> meta) {
        return EXTRACTOR.extract(new MetadataInput(text, null, meta, null, null, null));
    }

    // --- title

    @Test
    void titleFromOgTitleWithoutSiteSuffix() {
        DocumentMetadata m = withMeta("正文。", Map.of("og:title", List.of("关于加强基层党建的意见_共产党员网")));
        assertThat(m.title()).isEqualTo("关于加强基层党建的意见");
        assertThat(m.provenance()).containsEntry("title", "meta:og:title");
    }

    @Test
    void titleSuffixesOfVariousSites() {
        String[][] cases = {
            {"国务院关于印发某规划的通知 - 中国政府网", "国务院关于印发某规划的通知"},
            {"习近平在座谈会上的讲话-人民网", "习近平在座谈会上的讲话"},
            {"学习贯彻全会精神|新华网", "学习贯彻全会精神"},
            {"乡村振兴工作总结—共产党员网", "乡村振兴工作总结"},
            {"标题 _ 某某市政府门户网站", "标题"},
            {"巩固脱贫攻坚接续乡村振兴——在座谈会上的讲话", "巩固脱贫攻坚接续乡村振兴——在座谈会上的讲话"},
            {"警示教育 | 岂能用公款为私欲买单", "警示教育 | 岂能用公款为私欲买单"},
        };
        for (String[] c : cases) {
            DocumentMetadata m = EXTRACTOR.extract(new MetadataInput("正文。", c[0], Map.of(), null, null, null));
            assertThat(m.title()).as(c[0]).isEqualTo(c[1]);
            assertThat(m.provenance()).containsEntry("title", "extracted");
        }
    }

    @Test
    void titleFromFirstLineStripsFileExtension() {
        DocumentMetadata m = text("最新2020年抓党建促脱贫攻坚会议讲话.docx\n这次会议的主要任务是总结工作。");
        assertThat(m.title()).isEqualTo("最新2020年抓党建促脱贫攻坚会议讲话");
        assertThat(m.provenance()).containsEntry("title", "text:first-line");
    }

    @Test
    void titleFromFileNameWhenFirstLineIsProse() {
        DocumentMetadata m = EXTRACTOR.extract(
                new MetadataInput("按照上级要求，深入开展调研，形成如下报告。\n一、基本情况", null, Map.of(), null, "贫困村党建调研报告.pdf", null));
        assertThat(m.title()).isEqualTo("贫困村党建调研报告");
        assertThat(m.provenance()).containsEntry("title", "file-name");
        assertThat(m.type()).isEqualTo("调研报告");
    }

    // --- date and year

    @Test
    void dateFromMetaWinsOverText() {
        DocumentMetadata m = withMeta(
                "标题\n发布时间：2021年01月27日", Map.of("article:published_time", List.of("2020-03-06T10:00:00+08:00")));
        assertThat(m.date()).isEqualTo(LocalDate.of(2020, 3, 6));
        assertThat(m.provenance()).containsEntry("date", "meta:article:published_time");
    }

    @Test
    void dateFromInfoLine() {
        DocumentMetadata m = withMeta("标题\n正文。", Map.of("info", List.of("来源：人民日报 发布时间：2022/5/9 10:03")));
        assertThat(m.date()).isEqualTo(LocalDate.of(2022, 5, 9));
        assertThat(m.source()).isEqualTo("人民日报");
        assertThat(m.provenance()).containsEntry("date", "meta:info").containsEntry("source", "meta:info");
    }

    @Test
    void labelledDateLineInFooter() {
        DocumentMetadata m = text("标题\n这一年，决战深贫。\n发布时间:2021年01月27日 11:03 来源:中国组织人事报 编辑:靳建朋");
        assertThat(m.date()).isEqualTo(LocalDate.of(2021, 1, 27));
        assertThat(m.year()).isEqualTo(2021);
        assertThat(m.source()).isEqualTo("中国组织人事报");
        assertThat(m.author()).isEqualTo("靳建朋");
        assertThat(m.provenance())
                .containsEntry("date", "text:发布时间")
                .containsEntry("author", "text:编辑")
                .containsEntry("source", "text:来源");
    }

    @Test
    void signingDateAndIssuingBodyAtTheEndOfANotice() {
        DocumentMetadata m =
                text("关于开展党员志愿服务活动的通知\n各党支部：\n现将有关事项通知如下。\n一、活动时间为2020年3月1日至3月31日。\n" + "中共某某县委组织部\n2020年3月6日");
        assertThat(m.date()).isEqualTo(LocalDate.of(2020, 3, 6));
        assertThat(m.issuingBody()).isEqualTo("中共某某县委组织部");
        assertThat(m.type()).isEqualTo("通知");
        assertThat(m.provenance()).containsEntry("date", "text:落款").containsEntry("issuingBody", "text:落款");
    }

    @Test
    void chineseNumeralSigningDateWithBothZeroForms() {
        assertThat(text("通知\n正文。\n某某市人民政府办公室\n二〇二〇年三月六日").date()).isEqualTo(LocalDate.of(2020, 3, 6));
        assertThat(text("通知\n正文。\n二○二一年十二月三十一日").date()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(text("通知\n正文。\n二〇二二年十月十日").date()).isEqualTo(LocalDate.of(2022, 10, 10));
    }

    @Test
    void narrativeDateIsNotTheDocumentDate() {
        DocumentMetadata m = text("2020年组织工作盘点\n这一年，决战深贫。\n2020年3月6日，习近平总书记在决战决胜脱贫攻坚座谈会上强调，必须如期实现。");
        assertThat(m.date()).isNull();
        assertThat(m.year()).isEqualTo(2020);
        assertThat(m.provenance()).containsEntry("year", "title").doesNotContainKey("date");
    }

    @Test
    void placeholderYearsAreNotDates() {
        DocumentMetadata m = text("在20_年基层党建工作座谈会上的讲话\n回顾20XX年工作，展望202X年。\n20__年X月X日");
        assertThat(m.date()).isNull();
        assertThat(m.year()).isNull();
        assertThat(m.flags()).contains("placeholder");
    }

    @Test
    void isoDateInHeaderLine() {
        DocumentMetadata m = text("学校党委会议纪要\n2019-04-22\n会议由书记主持。");
        assertThat(m.date()).isEqualTo(LocalDate.of(2019, 4, 22));
        assertThat(m.provenance()).containsEntry("date", "text:header");
    }

    @Test
    void yearFromTitleWhenNoDate() {
        DocumentMetadata m = text("2021年抓党建促脱贫攻坚会议讲话\n同志们：");
        assertThat(m.date()).isNull();
        assertThat(m.year()).isEqualTo(2021);
        assertThat(m.type()).isEqualTo("讲话");
    }

    @Test
    void invalidCalendarDateIsSkipped() {
        assertThat(text("通知\n正文。\n2020年2月30日").date()).isNull();
    }

    // --- issuing body and doc number

    @Test
    void docNumberInHeaderGivesIssuingBody() {
        DocumentMetadata m = text("国务院办公厅关于加强某工作的意见\n国办发[2019]45号\n各省、自治区、直辖市人民政府：");
        assertThat(m.docNumber()).isEqualTo("国办发〔2019〕45号");
        assertThat(m.issuingBody()).isEqualTo("国务院办公厅");
        assertThat(m.type()).isEqualTo("意见");
    }

    @Test
    void docNumberPrefixTableWhenTitleNamesNoIssuer() {
        DocumentMetadata m = text("印发某规划的通知\n国发（2020）3号\n各省人民政府：");
        assertThat(m.docNumber()).isEqualTo("国发〔2020〕3号");
        assertThat(m.issuingBody()).isEqualTo("国务院");
        assertThat(m.provenance()).containsEntry("issuingBody", "docNumber");
    }

    @Test
    void citedDocNumberInTheBodyIsNotTheDocumentsOwn() {
        String body = "标题\n第一段。\n第二段。\n第三段。\n第四段。\n第五段。\n根据国发〔2020〕3号文件精神，制定本方案。";
        assertThat(text(body).docNumber()).isNull();
    }

    @Test
    void labelledIssuingBody() {
        DocumentMetadata m = text("标题\n发文机关：中共中央办公厅\n发文字号：厅字〔2021〕10号\n正文。");
        assertThat(m.issuingBody()).isEqualTo("中共中央办公厅");
        assertThat(m.docNumber()).isEqualTo("厅字〔2021〕10号");
        assertThat(m.provenance()).containsEntry("issuingBody", "text:发文机关").containsEntry("docNumber", "text:发文字号");
    }

    @Test
    void lawPromulgationHeader() {
        DocumentMetadata m = text("中华人民共和国某某法\n2015年4月24日 第十二届全国人民代表大会常务委员会第十四次会议通过\n"
                + "2021年4月29日 第十三届全国人民代表大会常务委员会第二十八次会议修正\n2021年6月1日 施行\n第一章 总则");
        assertThat(m.issuingBody()).isEqualTo("全国人民代表大会常务委员会");
        assertThat(m.date()).isEqualTo(LocalDate.of(2021, 4, 29));
        assertThat(m.type()).isEqualTo("法律");
    }

    @Test
    void jointInterpretationOverTwoLines() {
        DocumentMetadata m = text("关于办理某类刑事案件适用法律若干问题的解释\n2018年9月17日 最高人民法院审判委员会第1749次会议\n"
                + "2018年12月12日 最高人民检察院第十三届检察委员会第十一次会议通过\n2019年2月1日 施行");
        assertThat(m.issuingBody()).isEqualTo("最高人民法院、最高人民检察院");
        assertThat(m.date()).isEqualTo(LocalDate.of(2018, 12, 12));
    }

    @Test
    void traditionalNoticeGivesSimplifiedNumberAndIssuer() {
        DocumentMetadata m = text("國務院辦公廳關於加強某工作的意見\n國辦發〔2019〕45號\n各省、自治區、直轄市人民政府：");
        assertThat(m.docNumber()).isEqualTo("国办发〔2019〕45号");
        assertThat(m.issuingBody()).isEqualTo("国务院办公厅");
        assertThat(m.type()).isEqualTo("意见");
        assertThat(m.title()).isEqualTo("國務院辦公廳關於加強某工作的意見");
        assertThat(m.script()).isEqualTo("traditional");
    }

    @Test
    void issuersNamedInTitle() {
        assertThat(text("最高人民法院、最高人民检察院关于办理某案件的解释\n第一条").issuingBody()).isEqualTo("最高人民法院、最高人民检察院");
        assertThat(text("中共中央 国务院关于全面推进乡村振兴的意见\n正文").issuingBody()).isEqualTo("中共中央、国务院");
        assertThat(text("大家关于学习的感想\n正文").issuingBody()).isNull();
    }

    // --- type

    @Test
    void typeOrderPrefersSpecificGenres() {
        String[][] cases = {
            {"关于某县脱贫攻坚的调研报告", "调研报告"},
            {"2021年度述职报告", "述职报告"},
            {"政府工作报告", "工作报告"},
            {"在全县组织工作会议上的讲话", "讲话"},
            {"区委组织部长在乡村振兴专题上的研讨发言", "发言"},
            {"学习党史心得体会", "心得体会"},
            {"2020年工作总结", "总结"},
            {"关于开展某活动的实施方案", "实施方案"},
            {"关于表彰先进集体的决定", "决定"},
            {"关于某事项的批复", "批复"},
            {"某某市村级组织工作条例", "条例"},
            {"乡村振兴战略规划（2018－2022年）", "规划"},
            {"中华人民共和国乡村振兴促进法", "法律"},
            {"反分裂国家法", "法律"},
        };
        for (String[] c : cases) {
            assertThat(text(c[0] + "\n正文。").type()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void noTypeForPlainTitles() {
        assertThat(text("党员学习方法\n正文。").type()).isNull();
        assertThat(text("春风化雨润心田\n正文。").type()).isNull();
    }

    // --- regions

    @Test
    void regionsAtProvinceAndPrefectureLevel() {
        DocumentMetadata m = text("标题\n四川凉山州选派队员，广西百色市挂牌作战，贵州晴隆县开展培训。");
        assertThat(m.regions()).containsExactly("四川", "凉山州", "广西", "百色市", "贵州");
    }

    @Test
    void prefectureBringsItsProvince() {
        assertThat(text("标题\n凉山彝族自治州的干部在延边州交流。").regions()).containsExactly("四川", "凉山州", "吉林", "延边州");
    }

    @Test
    void ambiguousShortNamesNeedContext() {
        assertThat(text("标题\n有的开展工作四平八稳，完成都要亲自督办，平安顺利。").regions()).isEmpty();
        assertThat(text("标题\n河南平顶山开展活动。").regions()).containsExactly("河南", "平顶山市");
        assertThat(text("标题\n在山西大同市调研。").regions()).containsExactly("山西", "大同市");
        assertThat(text("标题\n在广西百色调研。").regions()).containsExactly("广西", "百色市");
    }

    @Test
    void regionsInTraditionalText() {
        assertThat(text("標題\n廣西百色市、新疆喀什地區開展幫扶。").regions()).containsExactly("广西", "百色市", "新疆", "喀什地区");
    }

    // --- topics, keywords, script, flags

    @Test
    void topicsNeedEnoughMentions() {
        String text = "标题\n脱贫攻坚是头等大事。我们要打赢脱贫攻坚战，巩固脱贫成果，帮助贫困户增收。乡村振兴要起步。";
        List<String> topics = text(text).topics();
        assertThat(topics).contains("脱贫攻坚").doesNotContain("乡村振兴", "疫情防控");
    }

    @Test
    void topicsWorkOnTraditionalText() {
        String text = "標題\n脫貧攻堅是頭等大事。我們要打贏脫貧攻堅戰，鞏固脫貧成果，幫助貧困戶增收。";
        assertThat(text(text).topics()).contains("脱贫攻坚");
    }

    @Test
    void keywordsFromTheKeywordLine() {
        DocumentMetadata m =
                EXTRACTOR.extract(new MetadataInput("正文。", null, Map.of(), "最新 2020 党建 脱贫 攻坚", null, null));
        assertThat(m.keywords()).containsExactly("最新", "党建", "脱贫", "攻坚");
        assertThat(m.provenance()).containsEntry("keywords", "keyword-line");
    }

    @Test
    void keywordsFromMetaSplitOnChinesePunctuation() {
        DocumentMetadata m = withMeta("正文。", Map.of("keywords", List.of("乡村振兴，基层党建、集体经济;党建引领")));
        assertThat(m.keywords()).containsExactly("乡村振兴", "基层党建", "集体经济", "党建引领");
    }

    @Test
    void keywordsExtractedWhenThePageHasNone() {
        String text = "标题\n集体经济要发展。发展集体经济是关键，集体经济强村工程要落实。壮大集体经济，合作社带动。合作社要规范，合作社要壮大。";
        List<String> keywords = text(text).keywords();
        assertThat(keywords).contains("集体经济", "合作社").hasSizeLessThanOrEqualTo(10);
        assertThat(keywords).noneMatch(k -> k.equals("体经济") || k.equals("集体经"));
    }

    @Test
    void scriptDetection() {
        assertThat(text("按照有關開展經常性政治體檢要求，用足用好批評和自我批評這一銳利武器。").script()).isEqualTo("traditional");
        assertThat(text("按照有关开展经常性政治体检要求，用足用好批评和自我批评这一锐利武器。").script()).isEqualTo("simplified");
    }

    @Test
    void placeholderFlags() {
        assertThat(text("标题\n深入XX个乡镇走访。").flags()).containsExactly("placeholder");
        assertThat(text("标题\n研究工作X次。").flags()).containsExactly("placeholder");
        assertThat(text("标题\n××县委组织部").flags()).containsExactly("placeholder");
        assertThat(text("标题\n使用PPT和Excel汇报，增长5%。").flags()).isEmpty();
    }

    @Test
    void flagsFromExtractionAreKept() {
        DocumentMetadata m = withMeta("标题\n正文。", Map.of("flags", List.of("mojibake")));
        assertThat(m.flags()).containsExactly("mojibake");
    }

    @Test
    void sourceFromKnownHostAndSiteName() {
        DocumentMetadata byHost = EXTRACTOR.extract(new MetadataInput(
                "标题\n正文。", null, Map.of(), null, null, "https://www.12371.cn/2021/01/27/ARTI1.shtml"));
        assertThat(byHost.source()).isEqualTo("共产党员网");
        assertThat(byHost.provenance()).containsEntry("source", "host");
        DocumentMetadata bySubdomain = EXTRACTOR.extract(
                new MetadataInput("标题\n正文。", null, Map.of(), null, null, "http://cpc.people.com.cn/n1/x.html"));
        assertThat(bySubdomain.source()).isEqualTo("中国共产党新闻网");
        DocumentMetadata bySiteName = withMeta("标题\n正文。", Map.of("og:site_name", List.of("新华网")));
        assertThat(bySiteName.source()).isEqualTo("新华网");
    }

    @Test
    void authorFromMetaSkipsMachineDefaults() {
        assertThat(withMeta("标题\n正文。", Map.of("author", List.of("Administrator")))
                        .author())
                .isNull();
        assertThat(withMeta("标题\n正文。", Map.of("author", List.of("张三"))).author())
                .isEqualTo("张三");
        assertThat(text("标题\n作者：李四 责任编辑：王五\n正文。").author()).isEqualTo("李四");
    }

    @Test
    void emptyTextGivesEmptyMetadata() {
        DocumentMetadata m = text("");
        assertThat(m.title()).isNull();
        assertThat(m.date()).isNull();
        assertThat(m.regions()).isEmpty();
        assertThat(m.topics()).isEmpty();
        assertThat(m.keywords()).isEmpty();
        assertThat(m.script()).isEqualTo("simplified");
    }

    @Test
    void theUploadDateOfADocSharingSiteIsNotTheDocumentsDate() {
        DocumentMetadata m = withMeta("正文内容。", Map.of("info", List.of("页数：15 页 大小：32.5KB 上传时间：2020-11-23 下载：14次")));
        assertThat(m.date()).isNull();
    }

    @Test
    void theSigningDateWinsOverTheFileCreationDateWhichIsTheLastResort() {
        String signed = "关于做好党员冬训工作的通知\n各党支部：\n请认真组织实施，确保取得实效。\n中共某某县委组织部\n2023年12月5日";
        Map<String, List<String>> created = Map.of("dcterms:created", List.of("2026-11-22T08:57:00Z"));
        assertThat(withMeta(signed, created).date()).isEqualTo(LocalDate.of(2023, 12, 5));
        assertThat(withMeta("请认真组织实施，确保取得实效。", created).date()).isEqualTo(LocalDate.of(2026, 11, 22));
    }
}
