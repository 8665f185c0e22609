package org.policysearch.dedup;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reduces a text to what two copies of one document share whatever their source: Traditional/Simplified script,
 * full-width forms, case, punctuation, whitespace, inline pinyin notes and anonymisation placeholders all vanish.
 * The result is only for hashing, never shown.
 */
@Component
public final class TextNormalizer {

    /**
     * Pinyin that scrapers of 范文 sites leave after characters, e.g. {@code 經(jīng)}. A tone mark is required so
     * that ordinary Latin in brackets, e.g. {@code (WTO)}, stays.
     */
    private static final Pattern PINYIN_NOTE =
            Pattern.compile("[(（][a-zü' ]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ' ]*[)）]");

    /** What anonymised copies put where names were ({@code XX县}, {@code 某某同志}, {@code 20__年}, {@code ○○乡}). */
    private static final String PLACEHOLDERS = "x×某*_○□";

    private static final char PLACEHOLDER = '某';

    private final ScriptFolding folding = ScriptFolding.instance();

    public String normalize(String text) {
        String nfkc = Normalizer.normalize(PINYIN_NOTE.matcher(text).replaceAll(""), Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        int i = 0;
        while (i < nfkc.length()) {
            int c = fold(nfkc.codePointAt(i));
            if (isPlaceholder(c)) {
                i = appendPlaceholderRun(nfkc, i, out);
                continue;
            }
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.LETTER_NUMBER) {
                out.appendCodePoint(c);
            }
            i += Character.charCount(nfkc.codePointAt(i));
        }
        return out.toString();
    }

    private int fold(int codePoint) {
        return Character.toLowerCase(folding.fold(codePoint));
    }

    /**
     * Appends one {@code 某} for the run of placeholder characters at {@code start}, or the run itself when it is
     * x's touching other Latin letters, i.e. part of a word ({@code xinhua}, {@code taxes}). Returns the run's end.
     */
    private static int appendPlaceholderRun(String text, int start, StringBuilder out) {
        int end = start;
        boolean onlyX = true;
        while (end < text.length() && isPlaceholder(Character.toLowerCase(text.charAt(end)))) {
            onlyX &= Character.toLowerCase(text.charAt(end)) == 'x';
            end++;
        }
        if (onlyX && (isLatinLetter(text, start - 1) || isLatinLetter(text, end))) {
            out.append(text.substring(start, end).toLowerCase(Locale.ROOT));
        } else {
            out.append(PLACEHOLDER);
        }
        return end;
    }

    private static boolean isPlaceholder(int c) {
        return PLACEHOLDERS.indexOf(c) >= 0;
    }

    private static boolean isLatinLetter(String text, int index) {
        return index >= 0
                && index < text.length()
                && Character.isLetter(text.charAt(index))
                && Character.UnicodeScript.of(text.charAt(index)) == Character.UnicodeScript.LATIN;
    }
}
