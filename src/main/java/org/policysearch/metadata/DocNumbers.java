package org.policysearch.metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 发文字号 such as {@code 国发〔2020〕3号}. Sites write the year brackets as 〔〕, [], ［］, （）, (), 【】, ﹝﹞ or 〈〉 and sometimes
 * zero-pad the serial; the canonical form uses 〔〕 and no padding, so one number has one spelling for exact lookup.
 */
public final class DocNumbers {

    private static final String OPEN = "[〔\\[［(（【﹝〈]";
    private static final String CLOSE = "[〕\\]］)）】﹞〉]";
    private static final Pattern NUMBER = Pattern.compile("([\\p{IsHan}A-Za-z]{1,15})\\s*" + OPEN
            + "\\s*((?:19|20)\\d{2})\\s*" + CLOSE + "\\s*第?\\s*(\\d{1,5})\\s*号");
    /** Words that precede a cited number in running text and are no part of its prefix. */
    private static final Pattern LEAD_IN =
            Pattern.compile("^.*(?:根据|按照|依据|依照|参照|印发|转发|执行|贯彻|落实|关于|文件|通知|见|和|及|与|的|即|第)");

    private static final int MAX_PREFIX = 5;
    private static final List<String> KNOWN_PREFIXES =
            DataFiles.rows("doc-number-prefixes.tsv").stream().map(r -> r[0]).toList();

    private DocNumbers() {}

    /** The canonical form of a 发文字号, or empty when the string is not one. */
    public static Optional<String> normalize(String docNumber) {
        if (docNumber == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(foldDigits(docNumber).strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(canonical(m.group(1), m.group(2), m.group(3)));
    }

    /** Every 发文字号 in a text, canonical, in order of appearance, each once. */
    public static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = NUMBER.matcher(foldDigits(text));
        while (m.find()) {
            String prefix = prefixOf(m.group(1));
            if (prefix.isEmpty()) {
                continue;
            }
            String number = canonical(prefix, m.group(2), m.group(3));
            if (!found.contains(number)) {
                found.add(number);
            }
        }
        return found;
    }

    /**
     * The issuer code among the characters before the bracket: lead-in words go; then a known code that ends the rest
     * wins (再次重申国发 → 国发); an unknown one is kept when it is as short as real codes are, else cut to four.
     */
    private static String prefixOf(String beforeBracket) {
        String p = LEAD_IN.matcher(beforeBracket).replaceFirst("");
        return KNOWN_PREFIXES.stream()
                .filter(p::endsWith)
                .max(Comparator.comparingInt(String::length))
                .orElse(p.length() <= MAX_PREFIX ? p : p.substring(p.length() - 4));
    }

    /** The part before the year bracket ({@code 国办发}), for looking up the issuing body. */
    static String prefix(String canonical) {
        return canonical.substring(0, canonical.indexOf('〔'));
    }

    private static String canonical(String prefix, String year, String serial) {
        return prefix + "〔" + year + "〕" + Integer.parseInt(serial) + "号";
    }

    private static String foldDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c);
        }
        return b.toString();
    }
}
