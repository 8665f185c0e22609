package org.policysearch.dedup;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes the kinds of copies users ingest, from an original text: the evaluation's gold duplicates. */
final class CopyMaker {

    enum Kind {
        TRADITIONAL,
        CHROME,
        SENTENCES_DROPPED,
        REWRAPPED,
        ALL_OF_THEM
    }

    // Chrome lines as they appear in ../shared/seeds (site headers, share widgets, 范文-site footers).
    private static final List<String> HEADERS = List.of(
            "手机版",
            "共产党员网 打印 纠错",
            "微信扫一扫 ×",
            "收听本文 00:00/00:00",
            "字数:4211 字 浏览:1746次 下载:14次",
            "== 本文免费阅读 ==",
            "首页 > 范文大全 > 讲话稿 > 正文",
            "《%s》由会员分享,可在线阅读,更多相关《%s(15页珍藏版)》请在淘文阁 - 分享文档赚钱的网站上搜索。");
    private static final List<String> FOOTERS = List.of(
            "发布时间:2021年01月27日 11:03 来源:中国组织人事报 编辑:靳建朋 打印",
            "来源:网络整理 免责声明:本文仅限学习分享,如产生版权问题,请联系我们及时删除。",
            "温馨提示:",
            "1、本站立足于原创,非会员单篇售价50元起,是本站注册会员,有足够的积分,作品会员价多少就扣减多少;",
            "2、充值起点50元,多充不限;本着自愿的原则,充值不可退款或提现;",
            "- 关 键 词:",
            "- %s",
            "如PPT文件的首页显示word图标,表示该PPT已包含配套word讲稿。双击word图标可打开word文档。");

    private static final Pattern SENTENCE = Pattern.compile("[^。！？；\\n]+[。！？；]?\\n*");

    private final Random random;

    CopyMaker(long seed) {
        this.random = new Random(seed);
    }

    String copy(String title, String text, Kind kind) {
        return switch (kind) {
            case TRADITIONAL -> ZhConverterUtil.toTraditional(text);
            case CHROME -> withChrome(title, text);
            case SENTENCES_DROPPED -> dropSentences(text);
            case REWRAPPED -> rewrap(text);
            case ALL_OF_THEM -> rewrap(withChrome(title, dropSentences(ZhConverterUtil.toTraditional(text))));
        };
    }

    /** Header and footer lines adding about 10 % to the text (all of them for very long texts). */
    String withChrome(String title, String text) {
        int budget = text.length() / 10;
        List<String> header = new ArrayList<>();
        List<String> footer = new ArrayList<>();
        int added = 0;
        for (int i = 0; added < budget && i < HEADERS.size() + FOOTERS.size(); i++) {
            boolean top = i % 2 == 0;
            String line = (top ? HEADERS : FOOTERS).get(i / 2).replace("%s", title);
            (top ? header : footer).add(line);
            added += line.length();
        }
        return String.join("\n", header) + "\n" + text + "\n" + String.join("\n", footer) + "\n";
    }

    /** Drops 5 % of the sentences (at least one), chosen at random. */
    String dropSentences(String text) {
        List<String> sentences = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            sentences.add(m.group());
        }
        int drop = Math.max(1, Math.round(sentences.size() * 0.05f));
        for (int i = 0; i < drop && sentences.size() > 1; i++) {
            sentences.remove(random.nextInt(sentences.size()));
        }
        return String.join("", sentences);
    }

    /** Joins the paragraphs and wraps them again at a random width, as PDF and TXT copies do. */
    String rewrap(String text) {
        int width = 30 + random.nextInt(50);
        String flat = text.replaceAll("\\s*\\n\\s*", "");
        StringBuilder out = new StringBuilder("\u3000\u3000");
        for (int i = 0; i < flat.length(); i += width) {
            out.append(flat, i, Math.min(flat.length(), i + width)).append("\r\n");
        }
        return out.toString();
    }
}
