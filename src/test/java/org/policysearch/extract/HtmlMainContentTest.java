package org.policysearch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlMainContentTest {

    private static final String ARTICLE = "<p>　　党员教育管理是党的建设基础性经常性工作，党组织应当加强党员教育管理，引导党员坚定理想信念。</p>"
            + "<p>　　各级党委要把抓好党员教育管理作为重大政治责任，采取有力措施，严格贯彻执行条例。</p>";

    private final HtmlMainContent extractor = HtmlMainContent.withDefaultRules();

    private static String page(String title, String body) {
        return "<html><head><meta charset=utf-8><title>" + title + "</title></head><body>" + body + "</body></html>";
    }

    private HtmlPage extract(String body) {
        return extractor.extract(page("党员教育管理工作条例_学习专栏_某某网", body), "");
    }

    @Test
    void keepsParagraphsSeparatedByABlankLineWithoutIndent() {
        HtmlPage page = extract("<div class=article><h1>党员教育管理工作条例</h1>" + ARTICLE + "</div>");
        assertThat(page.text())
                .isEqualTo("党员教育管理是党的建设基础性经常性工作，党组织应当加强党员教育管理，引导党员坚定理想信念。\n\n"
                        + "各级党委要把抓好党员教育管理作为重大政治责任，采取有力措施，严格贯彻执行条例。");
    }

    @Test
    void titleIsTheHeadingThatStartsTheTitleTagAndIsNotRepeatedInTheText() {
        HtmlPage page = extract("<h3>学习专栏</h3><div><h2 class=title>党员教育管理工作条例</h2>" + ARTICLE + "</div>");
        assertThat(page.title()).isEqualTo("党员教育管理工作条例");
        assertThat(page.text()).doesNotContain("党员教育管理工作条例").doesNotContain("学习专栏");
        assertThat(page.meta().get("title")).containsExactly("党员教育管理工作条例_学习专栏_某某网");
    }

    @Test
    void withoutAHeadingTheTitleIsTheLongestPartOfTheTitleTag() {
        HtmlPage page = extract("<div>" + ARTICLE + "</div>");
        assertThat(page.title()).isEqualTo("党员教育管理工作条例");
    }

    @Test
    void infoLineNearTheHeadingGoesToMetaNotText() {
        HtmlPage page = extract("<div><h1>党员教育管理工作条例</h1>"
                + "<div class=property><span>文章来源：本站原创</span> <span>发布时间：2019年05月24日</span></div>"
                + "<div class=conTxt>" + ARTICLE + "</div></div>");
        assertThat(page.meta().get("info")).containsExactly("文章来源：本站原创 发布时间：2019年05月24日");
        assertThat(page.text()).doesNotContain("发布时间").doesNotContain("本站原创");
    }

    @Test
    void infoLineInsideTheContentAndEditorLineAtTheEndGoToMeta() {
        HtmlPage page = extract("<div><h1>党员教育管理工作条例</h1><div>" + "<p>2023年03月15日08:21 | 来源：人民网－人民日报</p>" + ARTICLE
                + "<p>（责任编辑：王五）</p></div></div>");
        assertThat(page.meta().get("info")).containsExactly("2023年03月15日08:21 | 来源：人民网－人民日报", "（责任编辑：王五）");
        assertThat(page.text()).startsWith("党员教育管理是").endsWith("严格贯彻执行条例。");
    }

    @Test
    void metaTagsAreKeptWithLowerCaseKeys() {
        HtmlPage page = extractor.extract(
                "<html><head><meta name=Keywords content='党建,条例'><meta name=PublishDate content=2019-05-24>"
                        + "<meta property='og:site_name' content='人民网'><meta name=author content='张三'></head>"
                        + "<body><div>" + ARTICLE + "</div></body></html>",
                "");
        assertThat(page.meta())
                .containsEntry("keywords", List.of("党建,条例"))
                .containsEntry("publishdate", List.of("2019-05-24"))
                .containsEntry("og:site_name", List.of("人民网"))
                .containsEntry("author", List.of("张三"));
    }

    @Test
    void removesNavigationBreadcrumbAndSidebarOfOtherTitles() {
        HtmlPage page = extract("<ul id=mainNav><li><a href=/>首页</a></li><li><a href=/a>新闻中心</a></li></ul>"
                + "<div class=position>当前位置：<a href=/>首页</a> &gt; <a href=/x>学习专栏</a></div>"
                + "<table><tr><td class=leftbox><div>栏目导航</div><ul><li><a href=/1>每周一学（6月11日）中组部召开推进会</a></li>"
                + "<li><a href=/2>每周一学（6月1日）义乌发展经验</a></li></ul></td>"
                + "<td><div>" + ARTICLE + "</div></td></tr></table>");
        assertThat(page.text())
                .doesNotContain("首页", "新闻中心", "当前位置", "每周一学", "栏目导航")
                .contains("引导党员坚定理想信念");
    }

    @Test
    void breadcrumbWithoutAChromeClassIsDroppedAsALine() {
        HtmlPage page = extract("<div class=box><div>您的位置：<a href=/>首页</a> &gt; 正文</div>" + ARTICLE + "</div>");
        assertThat(page.text()).doesNotContain("您的位置").doesNotContain("正文");
    }

    @Test
    void removesRelatedHotAndRecommendedListsEvenWithoutChromeClassNames() {
        HtmlPage page = extract("<div class=art>" + ARTICLE
                + "<div class=xg1><div>相关文章</div><ul><li><a href=/1>党员发展工作细则</a></li>"
                + "<li><a href=/2>三会一课制度</a></li></ul></div>"
                + "<div class=q7><h3>猜你喜欢</h3><p><a href=/3>组织生活会对照检查材料</a></p></div></div>"
                + "<div class=hot-list><h3>热门</h3><a href=/4>热门文章标题</a></div>"
                + "<div class=recommend><a href=/5>推荐文章标题</a></div>");
        assertThat(page.text()).doesNotContain("相关文章", "党员发展工作细则", "猜你喜欢", "组织生活会对照检查材料", "热门", "推荐文章标题");
    }

    @Test
    void removesPreviousAndNextLinks() {
        HtmlPage page = extract("<div>" + ARTICLE + "<div class=others><div>上一篇：<a href=/1>习近平的初心和恒心</a></div>"
                + "<p>下一篇：<a href=/2>每周一学材料</a></p></div></div>");
        assertThat(page.text()).doesNotContain("上一篇", "下一篇", "习近平的初心和恒心");
    }

    @Test
    void removesCommentsSection() {
        HtmlPage page = extract("<div>" + ARTICLE + "</div><div class=q9><div>网友评论（2）</div>"
                + "<p>读者甲：写得很好，很受启发，我们支部也要认真学习。</p><p>读者乙：条例规定明确，便于基层操作执行。</p></div>"
                + "<div id=comments><p>读者丙：支持，期待更多这样的解读文章。</p></div>");
        assertThat(page.text()).doesNotContain("网友评论", "读者甲", "读者乙", "读者丙");
    }

    @Test
    void removesShareAndPrintAndAudioWidgets() {
        HtmlPage page = extract("<div>" + "<div>收听本文 00:00/00:00</div>" + ARTICLE
                + "<div class=bdsharebuttonbox>分享到：<a>微信</a><a>微博</a></div>"
                + "<p>微信扫一扫</p><p>打印 纠错</p><p>【打印正文】【关闭窗口】</p><p>【字体：大 中 小】</p></div>");
        assertThat(page.text()).doesNotContain("收听本文", "00:00", "分享到", "微信扫一扫", "打印", "纠错", "关闭窗口", "字体");
    }

    @Test
    void removesFooterCopyrightAndIcpLines() {
        HtmlPage page = extract("<div>" + ARTICLE + "<p>主办单位：某某市委组织部　技术支持：某某网络公司</p>"
                + "<p>某某网 版权所有 Copyright © 2020</p><p>浙ICP备14042003号-1 浙公网安备 33060202000394号</p></div>"
                + "<footer>联系我们 网站地图</footer><div id=footer>地址：某某路1号</div>");
        assertThat(page.text()).doesNotContain("主办单位", "技术支持", "版权所有", "ICP备", "公网安备", "联系我们", "地址");
    }

    @Test
    void keepsPolicyPhrasesThatOnlyLookLikeChrome() {
        String body = "<div><p>主办单位：市委组织部、市委宣传部。活动时间：2023年5月。</p>" + "<p>要建立健全容错纠错机制，为担当者担当。</p>" + ARTICLE + "</div>";
        HtmlPage page = extract(body);
        assertThat(page.text()).contains("主办单位：市委组织部", "容错纠错机制");
    }

    @Test
    void removesScriptsStylesAndForms() {
        HtmlPage page = extract("<script>var title='脚本内容';</script><style>.a{color:red}</style>"
                + "<form><input value=请输入关键词><button>搜索</button></form><div>" + ARTICLE + "</div>"
                + "<noscript>请启用脚本</noscript>");
        assertThat(page.text()).doesNotContain("脚本内容", "color", "请输入关键词", "搜索", "请启用脚本");
    }

    @Test
    void dataTableWithoutProseIsStillTheContent() {
        StringBuilder rows = new StringBuilder();
        for (String name : new String[] {"何凯", "陈雪萍", "张江", "丁素琴", "陈柏良", "叶望尧", "范捷", "赵正瑜"}) {
            rows.append("<tr><td>").append(name).append("</td><td>37.69</td><td>113.07</td></tr>");
        }
        HtmlPage page = extract("<ul class=menu><li><a href=/>首页</a></li></ul>" + "<div><h2>党费收缴情况公示</h2><table>" + rows
                + "</table></div>");
        assertThat(page.text()).contains("何凯 37.69 113.07", "赵正瑜 37.69 113.07").doesNotContain("首页");
    }

    @Test
    void siteRuleSelectsTheContentForItsHost() {
        SiteRules rules = HtmlMainContent.defaultRules()
                .withSites(List.of(new SiteRules.SiteRule(
                        "example", Pattern.compile("www\\.example\\.gov\\.cn"), "#zoom", List.of(".ad-text"))));
        String html = page(
                "通知",
                "<div><p>这是一个很长的导读段落，介绍了本网站的栏目设置，供读者参考，内容较多，篇幅较长。</p>"
                        + "<div id=zoom><p>各单位：现将有关事项通知如下，请认真贯彻落实。</p><p class=ad-text>扫码关注，获取更多资讯。</p></div></div>");
        HtmlPage withRule = HtmlMainContent.withRules(rules).extract(html, "http://www.example.gov.cn/art/1.html");
        HtmlPage otherHost = HtmlMainContent.withRules(rules).extract(html, "http://other.example.org/art/1.html");
        assertThat(withRule.text()).isEqualTo("各单位：现将有关事项通知如下，请认真贯彻落实。");
        assertThat(otherHost.text()).contains("导读段落");
    }

    @Test
    void emptyOrMissingHtmlGivesAnEmptyPage() {
        assertThat(extractor.extract("", null).text()).isEmpty();
        assertThat(extractor.extract(null, "").title()).isEmpty();
    }

    @Test
    void shippedRulesLoadDefaultsAndSiteFiles() {
        SiteRules rules = HtmlMainContent.defaultRules();
        assertThat(rules.boilerplateLines()).extracting(SiteRules.LineRule::id).contains("breadcrumb", "copyright");
        assertThat(rules.siteFor("www.gov.cn")).map(SiteRules.SiteRule::id).contains("gov-cn");
        assertThat(rules.siteFor("www.zj.gov.cn")).isEmpty();
    }

    @Test
    void anUnlabelledBylineUnderTheHeadingIsInfoNotText() {
        HtmlPage page = extract("<div class=article><h1>党员教育管理工作条例</h1><div class=meta><span>原创</span>"
                + " <span>学习小组</span> <em>2023-05-04 09:12</em></div>" + ARTICLE + "</div>");
        assertThat(page.meta().get("info")).anyMatch(i -> i.contains("2023-05-04"));
        assertThat(page.text()).doesNotContain("2023-05-04").doesNotContain("原创");
    }
}
