package org.policysearch.web;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** The only places pages emit markup built from user data: everything is escaped, then known tags are added. */
final class SafeHtml {

    private static final Pattern EM = Pattern.compile("</?em>");

    private SafeHtml() {}

    /**
     * A highlight from the search API, reduced to text plus {@code <em>} marks. The API escapes the text already;
     * unescaping then escaping each piece keeps that text as it reads while nothing but the marks survives as markup.
     */
    static String highlight(String fragment) {
        StringBuilder out = new StringBuilder();
        Matcher m = EM.matcher(fragment);
        int last = 0;
        boolean open = false;
        while (m.find()) {
            out.append(text(fragment.substring(last, m.start())));
            boolean opening = m.group().equals("<em>");
            if (opening != open) {
                out.append(opening ? "<em>" : "</em>");
                open = opening;
            }
            last = m.end();
        }
        out.append(text(fragment.substring(last)));
        if (open) {
            out.append("</em>");
        }
        return out.toString();
    }

    private static String text(String escaped) {
        return HtmlUtils.htmlEscape(HtmlUtils.htmlUnescape(escaped), "UTF-8");
    }

    /**
     * The text escaped, with every occurrence of the terms wrapped in {@code <mark>}. Terms and text are compared in
     * Simplified form, folded character by character so positions in the folded text are positions in the original:
     * 鄉村 in the query marks 乡村 in the text, and the reverse.
     */
    static String mark(String text, List<String> terms) {
        Map<Character, Character> cache = new HashMap<>();
        String folded = fold(text, cache);
        List<String> needles = new ArrayList<>();
        for (String t : terms) {
            String f = fold(t.strip(), cache);
            if (!f.isEmpty() && !needles.contains(f)) {
                needles.add(f);
            }
        }
        // Longer terms first, so 乡村振兴 wins over 乡村 where both start.
        needles.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder out = new StringBuilder(text.length() + 64);
        int i = 0;
        int plainFrom = 0;
        while (i < folded.length()) {
            int len = matchAt(folded, i, needles);
            if (len == 0) {
                i++;
                continue;
            }
            out.append(HtmlUtils.htmlEscape(text.substring(plainFrom, i), "UTF-8"))
                    .append("<mark>")
                    .append(HtmlUtils.htmlEscape(text.substring(i, i + len), "UTF-8"))
                    .append("</mark>");
            i += len;
            plainFrom = i;
        }
        out.append(HtmlUtils.htmlEscape(text.substring(plainFrom), "UTF-8"));
        return out.toString();
    }

    private static int matchAt(String folded, int at, List<String> needles) {
        for (String n : needles) {
            if (folded.startsWith(n, at)) {
                return n.length();
            }
        }
        return 0;
    }

    /** Same length as the input: a character with no single-character Simplified form stays as it is. */
    static String fold(String s, Map<Character, Character> cache) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c < 0x3400 || Character.isSurrogate(c)) {
                chars[i] = Character.toLowerCase(c);
                continue;
            }
            chars[i] = cache.computeIfAbsent(c, SafeHtml::simple);
        }
        return new String(chars);
    }

    private static char simple(char c) {
        List<String> forms = ZhConverterUtil.toSimple(c);
        return forms != null && !forms.isEmpty() && forms.get(0).length() == 1
                ? forms.get(0).charAt(0)
                : c;
    }
}
