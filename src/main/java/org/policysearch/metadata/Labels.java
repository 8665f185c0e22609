package org.policysearch.metadata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Labelled fields such as {@code 来源:中国组织人事报 编辑:靳建朋} in info strips, headers and footers. */
final class Labels {

    /** Any label that can follow a value on the same line, so a value never swallows the next field. */
    private static final String NEXT_LABEL = "(?:作者|责任编辑|編輯|编辑|发布|來源|来源|浏览|点击|阅读|时间|日期|字号|分享|打印)\\s*[:：]";

    private static final String VALUE = "((?:(?!" + NEXT_LABEL + ")[^\\s|｜,，;；。])+)";

    private Labels() {}

    static Pattern field(String labels) {
        return Pattern.compile("(?:^|[\\s|｜\\[【(（])(" + labels + ")\\s*[:：]\\s*" + VALUE);
    }

    /** The label that matched and its value, or null. */
    static String[] find(Pattern field, String line) {
        if (line == null) {
            return null;
        }
        Matcher m = field.matcher(line);
        return m.find() ? new String[] {m.group(1).replaceAll("\\s", ""), m.group(2)} : null;
    }
}
