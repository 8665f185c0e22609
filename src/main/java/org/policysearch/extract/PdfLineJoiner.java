package org.policysearch.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Undoes the hard line breaks PDF text comes with, so that a phrase wrapped across two lines is found again. A line
 * is joined with the next unless it ends a sentence or heading (ends with 。！？ etc., or stops well short of the
 * full line width) or the next line starts a new item (一、 （一） 1. 第三条 ①...). Page-number lines are dropped.
 * Blank lines are ignored: PDF extraction puts them at page breaks, which fall anywhere in a paragraph. A line
 * of a bare number (1-4 digits, with or without dashes) counts as a page number.
 */
final class PdfLineJoiner {

    /** Characters that end a sentence or a heading-like lead-in, Chinese and Latin. */
    private static final String SENTENCE_ENDS = "。！？；：」』”’）)…!?;:.";

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-－—–\\s]*\\d{1,4}[-－—–\\s]*" // - 3 -, — 3 —
                    + "|第\\s*\\d{1,4}\\s*页(\\s*[,，/]?\\s*共\\s*\\d{1,4}\\s*页)?" // 第 3 页, 第3页 共15页
                    + "|\\d{1,4}\\s*/\\s*\\d{1,4}" // 3/15
                    + "|(?i:page)\\s*\\d{1,4}(\\s*(?i:of)\\s*\\d{1,4})?");

    private static final Pattern ITEM_START = Pattern.compile(
            "[一二三四五六七八九十百]+[、.．]" // 一、
                    + "|[（(][一二三四五六七八九十百]+[）)]" // （一）
                    + "|[（(]\\d{1,3}[）)]" // （1）
                    + "|\\d{1,3}[、.．](?!\\d)" // 1、 1. but not 1.5
                    + "|[０-９]{1,3}[、．]" // fullwidth １．
                    + "|第[一二三四五六七八九十百千零〇\\d]+[条章节编款部分]" // 第三条, 第一章
                    + "|[①-⑳⑴-⒇●•■◆▲★※]" // circled numbers, bullets
                    + "|附件[\\d一二三四五六七八九十]*[：:]?$"); // 附件 / 附件1

    /** A line shorter than this share of the full width stopped early: the paragraph ends there. */
    private static final double SHORT_LINE = 0.8;

    private PdfLineJoiner() {}

    /** @return paragraphs separated by a blank line */
    static String join(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip().replace('\u00A0', ' ');
            if (!line.isEmpty() && !PAGE_NUMBER.matcher(line).matches()) {
                lines.add(line);
            }
        }
        double fullWidth = fullWidth(lines);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.append(line);
            if (i + 1 == lines.size()) {
                break;
            }
            String next = lines.get(i + 1);
            if (endsParagraph(line, fullWidth) || ITEM_START.matcher(next).lookingAt()) {
                out.append("\n\n");
            } else {
                joinSeparator(out, next);
            }
        }
        return out.toString();
    }

    private static boolean endsParagraph(String line, double fullWidth) {
        char last = line.charAt(line.length() - 1);
        return SENTENCE_ENDS.indexOf(last) >= 0 || width(line) < SHORT_LINE * fullWidth;
    }

    /** Latin words keep a space between them; CJK and numbers broken across lines join without one. Appends only
     * the separator: the next line follows in the loop. */
    private static void joinSeparator(StringBuilder out, String next) {
        char last = out.charAt(out.length() - 1);
        char first = next.charAt(0);
        if (last == '-' && out.length() > 1 && isLatinLetter(out.charAt(out.length() - 2)) && isLatinLetter(first)) {
            out.setLength(out.length() - 1); // infor- / mation
        } else if (isLatinLetter(last) && isLatinLetterOrDigit(first)
                || Character.isDigit(last) && isLatinLetter(first)
                || last == ',' && first < 0x80) {
            out.append(' ');
        }
    }

    private static boolean isLatinLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isLatinLetterOrDigit(char c) {
        return isLatinLetter(c) || (c >= '0' && c <= '9');
    }

    /**
     * The width of a full line: the 80th percentile of line widths, since most lines of a body text run the full
     * width and headings and paragraph ends are the shorter ones.
     */
    private static double fullWidth(List<String> lines) {
        if (lines.isEmpty()) {
            return 0;
        }
        double[] widths = lines.stream().mapToDouble(PdfLineJoiner::width).toArray();
        Arrays.sort(widths);
        return widths[(int) Math.floor((widths.length - 1) * 0.8)];
    }

    /** ASCII counts half: it is set about half as wide as a Han character. */
    static double width(String line) {
        double w = 0;
        for (int i = 0; i < line.length(); i++) {
            w += line.charAt(i) < 0x80 ? 0.5 : 1;
        }
        return w;
    }
}
